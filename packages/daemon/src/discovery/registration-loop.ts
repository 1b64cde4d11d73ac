/**
 * The rounds of a registration, as plain functions over one context, so each step reads alone:
 * wait until ready, then register and pass the TTL check on schedule, until the signal aborts.
 */
import type { ServiceDiscoveryConfig } from '../config/schema.js';
import { resolveAdvertiseAddress } from './address.js';
import type { AgentServiceDefinition, ConsulAgent } from './agent.js';
import type { Clock } from './clock.js';
import type { DiscoveryLogger, RegistrationState } from './registration-state.js';

export type ServiceEventName = 'service_registered' | 'service_deregistered';
/** Publishes a bus event (Wazo's `service_registered`/`service_deregistered`); wired by the lifecycle. */
export type PublishServiceEvent = (
  eventName: ServiceEventName,
  data: Record<string, unknown>,
) => Promise<void>;

export interface RegistrationContext {
  name: string;
  tags: string[];
  port: number;
  sd: ServiceDiscoveryConfig;
  agent: ConsulAgent;
  state: RegistrationState;
  clock: Clock;
  logger: DiscoveryLogger;
  checkReady: () => Promise<boolean> | boolean;
  publish: PublishServiceEvent | undefined;
  interfaces: Parameters<typeof resolveAdvertiseAddress>[1];
  deregisterCriticalAfter: number;
}

export function serviceDefinition(ctx: RegistrationContext, id: string): AgentServiceDefinition {
  return {
    Name: ctx.name,
    ID: id,
    Address: resolveAdvertiseAddress(ctx.sd, ctx.interfaces),
    Port: ctx.port,
    Tags: ctx.tags,
    Check: {
      TTL: `${ctx.sd.ttl_interval}s`,
      DeregisterCriticalServiceAfter: `${ctx.deregisterCriticalAfter}s`,
    },
  };
}

export async function publishEvent(
  ctx: RegistrationContext,
  event: ServiceEventName,
  data: Record<string, unknown>,
) {
  try {
    await ctx.publish?.(event, data);
  } catch (err) {
    // The bus may be down; Consul stays the source of truth, the event is a courtesy.
    ctx.logger.warn({ err, event }, `could not publish ${event}`);
  }
}

async function register(ctx: RegistrationContext, id: string, signal: AbortSignal): Promise<void> {
  const service = serviceDefinition(ctx, id);
  await ctx.agent.register(service, signal);
  ctx.state.registered();
  ctx.logger.info(
    { service_id: id, address: service.Address, port: service.Port },
    `registered ${ctx.name} in consul`,
  );
  const { Name, ID, Address, Port, Tags } = service;
  await publishEvent(ctx, 'service_registered', {
    service_name: Name,
    service_id: ID,
    address: Address,
    port: Port,
    tags: Tags,
  });
}

/** One round: register if needed, then pass the TTL check. Returns the ms to wait before the next. */
async function round(ctx: RegistrationContext, id: string, signal: AbortSignal): Promise<number> {
  const retryMs = ctx.sd.retry_interval * 1000;
  try {
    const fresh = !ctx.state.isRegistered();
    if (fresh) await register(ctx, id, signal);
    if ((await ctx.agent.passTtl(id, signal)) === 'passed') {
      ctx.state.passed();
      return ctx.sd.refresh_interval * 1000;
    }
    ctx.state.forgotten();
    ctx.logger.warn(
      { service_id: id },
      'consul agent no longer knows our check (restarted?): registering again',
    );
    // Straight away, unless the agent forgot a registration it has just accepted.
    return fresh ? retryMs : 0;
  } catch (err) {
    if (signal.aborted) return 0;
    ctx.state.failed(err);
    ctx.logger.warn(
      { err, service_id: id },
      `consul registration failed, retrying in ${ctx.sd.retry_interval}s`,
    );
    return retryMs;
  }
}

async function waitUntilReady(ctx: RegistrationContext, signal: AbortSignal): Promise<void> {
  ctx.state.phase('waiting-ready');
  while (!signal.aborted) {
    const ready = await Promise.resolve()
      .then(ctx.checkReady)
      .catch(() => false);
    if (ready) break;
    await ctx.clock.sleep(ctx.sd.retry_interval * 1000, signal);
  }
  ctx.state.phase('registering');
}

export async function runRegistration(
  ctx: RegistrationContext,
  id: string,
  signal: AbortSignal,
): Promise<void> {
  await waitUntilReady(ctx, signal);
  while (!signal.aborted) {
    const wait = await round(ctx, id, signal);
    if (wait > 0) await ctx.clock.sleep(wait, signal);
  }
}

export async function deregister(ctx: RegistrationContext, id: string, signal: AbortSignal): Promise<void> {
  await publishEvent(ctx, 'service_deregistered', { service_name: ctx.name, service_id: id, tags: ctx.tags });
  await ctx.agent.deregister(id, signal);
  ctx.logger.info({ service_id: id }, `deregistered ${ctx.name} from consul`);
}
