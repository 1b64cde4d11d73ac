/**
 * Keeps this daemon registered in the local Consul agent while it serves: wait until the daemon
 * answers, register with a TTL check, pass the check every `refresh_interval`, retry every
 * `retry_interval` after a failure, and deregister on stop. Unlike Wazo, a TTL pass that the
 * agent does not recognise (the agent restarted and lost its state) leads to a new registration
 * instead of failing forever, and the check carries DeregisterCriticalServiceAfter so the entry of
 * a daemon that died without deregistering goes away on its own.
 */
import { randomUUID } from 'node:crypto';
import type { ConsulConfig, ServiceDiscoveryConfig } from '../config/schema.js';
import type { StatusProvider } from '../status/status.js';
import type { resolveAdvertiseAddress } from './address.js';
import { createConsulAgent } from './agent.js';
import { type Clock, systemClock } from './clock.js';
import { type ConsulHttp, createConsulHttp } from './consul-http.js';
import {
  deregister,
  type PublishServiceEvent,
  type RegistrationContext,
  runRegistration,
} from './registration-loop.js';
import { createRegistrationState, type DiscoveryLogger } from './registration-state.js';

export interface ConsulRegistrationOptions {
  /** The catalog name, as Wazo registers it: `wazo-auth`, `wazo-confd`, ... Also the second tag. */
  name: string;
  /** The Wazo uuid; the first tag, which ServiceFinder filters on. */
  uuid: string | null | undefined;
  config: { consul: ConsulConfig; service_discovery: ServiceDiscoveryConfig; rest_api: { port: number } };
  logger: DiscoveryLogger;
  /** The port actually bound (rest_api.port may be 0); advertise_port still wins when set. */
  port?: number;
  /** True once the daemon serves; asked until it says so, never after. Defaults to ready. */
  checkReady?: () => Promise<boolean> | boolean;
  publish?: PublishServiceEvent;
  clock?: Clock;
  http?: ConsulHttp;
  interfaces?: Parameters<typeof resolveAdvertiseAddress>[1];
  /** Upper bound on stop(), ms: shutdown must not wait on an unreachable agent. Default 5000. */
  stopTimeoutMs?: number;
  /** Seconds a critical check may last before Consul drops the entry. Default max(60, 4 × TTL). */
  deregisterCriticalAfter?: number;
}

export interface ConsulRegistration {
  /** Starts registering in the background; does nothing when service_discovery.enabled is false. */
  start(): void;
  /** Stops refreshing, announces and deregisters; never throws, bounded by stopTimeoutMs. */
  stop(): Promise<void>;
  /** For the status aggregator (e.g. under `service_discovery`). */
  status: StatusProvider;
  /** The ID registered in Consul (a new uuid per start), null before start. */
  readonly serviceId: string | null;
}

/** Runs `work` for at most `ms` on the clock; past that its signal aborts, so its I/O stops too. */
async function within<T>(
  clock: Clock,
  ms: number,
  work: (signal: AbortSignal) => Promise<T>,
): Promise<T | 'timeout'> {
  const deadline = new AbortController();
  const settled = new AbortController();
  const timeout = clock.sleep(ms, settled.signal).then(() => {
    deadline.abort();
    return 'timeout' as const;
  });
  try {
    return await Promise.race([work(deadline.signal), timeout]);
  } finally {
    settled.abort();
  }
}

function createContext(options: ConsulRegistrationOptions): RegistrationContext {
  const sd = options.config.service_discovery;
  const clock = options.clock ?? systemClock;
  return {
    name: options.name,
    tags: [options.uuid, options.name, ...sd.extra_tags].filter((t): t is string => Boolean(t)),
    port: sd.advertise_port ?? options.port ?? options.config.rest_api.port,
    sd,
    agent: createConsulAgent(options.http ?? createConsulHttp(options.config.consul)),
    state: createRegistrationState(sd.enabled, clock),
    clock,
    logger: options.logger,
    checkReady: options.checkReady ?? (() => true),
    publish: options.publish,
    interfaces: options.interfaces,
    deregisterCriticalAfter: options.deregisterCriticalAfter ?? Math.max(60, 4 * sd.ttl_interval),
  };
}

export function createConsulRegistration(options: ConsulRegistrationOptions): ConsulRegistration {
  const ctx = createContext(options);
  const stopTimeoutMs = options.stopTimeoutMs ?? 5000;
  const controller = new AbortController();
  let loop: Promise<void> | undefined;
  let stopping: Promise<void> | undefined;

  const stopOnce = async () => {
    controller.abort();
    const id = ctx.state.serviceId();
    const running = loop;
    if (running) await within(ctx.clock, stopTimeoutMs, () => running);
    const wasRegistered = ctx.state.everRegistered();
    ctx.state.phase('stopping');
    if (id && wasRegistered) {
      const outcome = await within(ctx.clock, stopTimeoutMs, (signal) =>
        deregister(ctx, id, signal).catch((err: unknown) => err),
      );
      if (outcome !== undefined)
        ctx.logger.warn({ err: outcome, service_id: id }, 'consul deregistration failed');
    }
    ctx.state.phase('stopped');
  };

  return {
    start() {
      if (!ctx.sd.enabled || loop || stopping) return;
      const id = randomUUID();
      ctx.state.started(id);
      loop = runRegistration(ctx, id, controller.signal);
    },
    stop: () => {
      stopping ??= stopOnce();
      return stopping;
    },
    status: ctx.state.report,
    get serviceId() {
      return ctx.state.serviceId();
    },
  };
}
