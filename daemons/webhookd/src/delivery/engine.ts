/**
 * The delivery engine assembled: intake (bus → delivery rows), dispatcher (rows → services), the
 * http and mobile services, the target guard and the log purge. Created once the master tenant is
 * known (bindings depend on it, as in Wazo), stopped in reverse.
 */
import type { BusTransport } from '@wazo-ts/bus';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { WebhookdDatabase } from '../db/schema.js';
import { createBindings } from './bindings.js';
import type { DeliveryConfig } from './config.js';
import { createDeliveryDao } from './delivery.dao.js';
import { createDispatcher, type Dispatcher, type DispatcherOptions } from './dispatcher.js';
import { createHttpClient } from './http-client.js';
import { createHttpService } from './http-service.js';
import { createIntake, type Intake } from './intake.js';
import { createMobileService, logOnlyPushSender, type PushSender } from './mobile.js';
import { createLogPurger, type LogPurger } from './purge.js';
import type { DeliveryService } from './service.js';
import { createTargetGuard, type Resolver, systemResolver } from './target-guard.js';

export interface DeliveryEngineOptions {
  db: Kysely<WebhookdDatabase>;
  transport: BusTransport;
  config: DeliveryConfig;
  logger: Logger;
  masterTenant: string;
  /** Sends mobile push notifications; the default only logs them. */
  pushSender?: PushSender;
  /** Services besides (or replacing) http and mobile, by name. */
  services?: DeliveryService[];
  /** Name resolution for the target checks (tests fake DNS). */
  resolver?: Resolver;
  onAttempt?: DispatcherOptions['onAttempt'];
}

export interface DeliveryEngine {
  start(): Promise<void>;
  /** Subscriptions changed: rebind. */
  reconcile(): Promise<void>;
  stop(): Promise<void>;
  status(): { status: 'ok' | 'fail'; bindings: number; lanes: number; sending: number };
  readonly dispatcher: Dispatcher;
  readonly intake: Intake;
}

export function createDeliveryEngine(options: DeliveryEngineOptions): DeliveryEngine {
  const { config, logger, db } = options;
  const settings = config.delivery;
  const guard = createTargetGuard(settings.denied_networks, options.resolver);
  const client = createHttpClient({
    guard,
    connectTimeoutMs: settings.connect_timeout * 1000,
    readTimeoutMs: settings.read_timeout * 1000,
    maxResponseBytes: settings.response_body_max_bytes,
    maxRedirects: settings.max_redirects,
  });
  const resolveOne = async (hostname: string) => {
    const resolve = options.resolver ?? systemResolver;
    const [first] = await resolve(hostname, 4);
    if (!first) throw new Error(`${hostname} has no address`);
    return first.address;
  };
  const templateLimits = { maxSteps: settings.template_max_steps, maxOutput: settings.template_max_output };
  const services = new Map<string, DeliveryService>();
  for (const service of [
    createHttpService({ client, templateLimits, resolve: resolveOne }),
    createMobileService({ sender: options.pushSender ?? logOnlyPushSender(logger), logger }),
    ...(options.services ?? []),
  ])
    services.set(service.name, service);
  const dao = createDeliveryDao(db);
  const dispatcher = createDispatcher({
    dao,
    services,
    retry: {
      maxAttempts: config.hook_max_attempts,
      factor: config.hook_http_retry_countdown_factor,
      firstDelayMs: settings.retry_first_delay * 1000,
    },
    concurrency: settings.concurrency,
    logger: logger.child({ component: 'dispatcher' }),
    ...(options.onAttempt ? { onAttempt: options.onAttempt } : {}),
  });
  const serviceNames = [...services.keys()];
  const bindings = createBindings({
    db,
    services: serviceNames,
    masterTenant: options.masterTenant,
    logger: logger.child({ component: 'bindings' }),
  });
  const intake = createIntake({
    transport: options.transport,
    dao,
    bindings,
    masterTenant: options.masterTenant,
    services: serviceNames,
    queue: settings.queue,
    prefetch: settings.prefetch,
    logger: logger.child({ component: 'intake' }),
    onDeliveries: (subscriptions) => {
      for (const uuid of subscriptions) dispatcher.wake(uuid);
    },
  });
  let purger: LogPurger | undefined;

  return {
    dispatcher,
    intake,
    async start() {
      await dispatcher.start();
      await intake.start();
      purger = createLogPurger({ db, days: settings.log_retention_days, logger });
      purger.start();
    },
    reconcile: () => intake.reconcile(),
    async stop() {
      purger?.stop();
      await intake.stop();
      await dispatcher.stop();
      client.close();
    },
    status() {
      const stats = dispatcher.stats();
      return {
        status: intake.ready() ? 'ok' : 'fail',
        bindings: bindings.count(),
        lanes: stats.lanes,
        sending: stats.running,
      };
    },
  };
}
