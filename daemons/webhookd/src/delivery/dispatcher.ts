/**
 * Sends deliveries from the table. Each subscription is a lane: its deliveries go one at a time in
 * publication order, so a failing target holds only its own lane (retried with Wazo's backoff,
 * `factor ** n` seconds) while up to `concurrency` lanes run at once, taking turns one delivery
 * each. Every attempt is logged with the delivery's next state in one transaction; an attempt cut
 * by shutdown or a crash is not recorded and runs again: at least once, with a stable delivery id.
 */
import type { Logger } from 'pino';
import type { AttemptRecord, DeliveryDao, PendingDelivery } from './delivery.dao.js';
import { AttemptAbortedError, type AttemptOutcome, type DeliveryService } from './service.js';

export interface RetryPolicy {
  /** Attempts of one delivery, the first included (Wazo's `hook_max_attempts`, 10). */
  maxAttempts: number;
  /** Wait before retry n (0-based) is `firstDelayMs * factor ** n` (Wazo: 1 s, factor 2). */
  factor: number;
  firstDelayMs: number;
}

export interface DispatcherOptions {
  dao: DeliveryDao;
  services: Map<string, DeliveryService>;
  retry: RetryPolicy;
  /** Lanes (subscriptions) sending at the same time. */
  concurrency: number;
  logger: Logger;
  /** Wait before looking again at a lane whose database work failed. */
  errorDelayMs?: number;
  now?: () => Date;
  /** Called after each recorded attempt (tests and the bench wait on it). */
  onAttempt?: (delivery: PendingDelivery, log: AttemptRecord) => void;
}

export interface Dispatcher {
  /** Looks at every subscription with deliveries waiting (at start). */
  start(): Promise<void>;
  /** A subscription has new deliveries. */
  wake(subscriptionUuid: string): void;
  /** Stops taking work, aborts attempts in flight (they run again after a restart). */
  stop(): Promise<void>;
  stats(): { lanes: number; running: number; waiting: number };
}

interface Lane {
  running: boolean;
  /** Woken while running: look at the table again before going idle. */
  again: boolean;
  timer?: NodeJS.Timeout;
}

export function backoffMs(policy: RetryPolicy, retry: number): number {
  return policy.firstDelayMs * policy.factor ** retry;
}

export function createDispatcher(options: DispatcherOptions): Dispatcher {
  const { dao, logger, retry } = options;
  const now = options.now ?? (() => new Date());
  const lanes = new Map<string, Lane>();
  const ready: string[] = [];
  const inFlight = new Set<Promise<void>>();
  const abort = new AbortController();
  let running = 0;
  let stopped = false;

  function lane(uuid: string): Lane {
    let found = lanes.get(uuid);
    if (!found) {
      found = { running: false, again: false };
      lanes.set(uuid, found);
    }
    return found;
  }

  function wake(uuid: string): void {
    if (stopped) return;
    const current = lane(uuid);
    if (current.running) {
      current.again = true;
      return;
    }
    clearTimeout(current.timer);
    current.timer = undefined;
    if (!ready.includes(uuid)) ready.push(uuid);
    pump();
  }

  function pump(): void {
    while (!stopped && running < options.concurrency && ready.length > 0) {
      const uuid = ready.shift()!;
      const current = lane(uuid);
      current.running = true;
      current.again = false;
      running += 1;
      const work = turn(uuid)
        .catch((err: unknown) => {
          logger.warn({ err, subscription_uuid: uuid }, 'delivery lane failed; trying again later');
          return options.errorDelayMs ?? 1_000;
        })
        .then((waitMs) => {
          running -= 1;
          current.running = false;
          inFlight.delete(work);
          settle(uuid, current, waitMs);
          pump();
        });
      inFlight.add(work);
    }
  }

  /** After a turn: queue again, wait for the next attempt's time, or go idle. */
  function settle(uuid: string, current: Lane, waitMs: number | null): void {
    if (stopped) return;
    if (waitMs === 0 || current.again) {
      if (!ready.includes(uuid)) ready.push(uuid);
    } else if (waitMs !== null) {
      current.timer = setTimeout(() => wake(uuid), waitMs);
    } else lanes.delete(uuid);
  }

  /** One delivery of a lane; returns 0 to go on, ms to wait, null when the lane is empty. */
  async function turn(uuid: string): Promise<number | null> {
    const delivery = await dao.head(uuid);
    if (!delivery) return null;
    const wait = delivery.nextAttemptAt.getTime() - now().getTime();
    if (wait > 0) return wait;
    const service = options.services.get(delivery.subscription.service);
    const attempt = delivery.attempts + 1;
    const startedAt = now();
    let outcome: AttemptOutcome;
    if (!service) {
      outcome = { kind: 'error', detail: { error: `no service "${delivery.subscription.service}"` } };
    } else {
      try {
        outcome = await service.attempt({
          deliveryUuid: delivery.uuid,
          subscription: delivery.subscription,
          event: delivery.event,
          attempt,
          maxAttempts: retry.maxAttempts,
          signal: abort.signal,
        });
      } catch (err) {
        if (err instanceof AttemptAbortedError || stopped) return null;
        outcome = { kind: 'error', detail: { error: String((err as Error).message ?? err) } };
      }
    }
    return conclude(delivery, outcome, attempt, startedAt);
  }

  async function conclude(
    delivery: PendingDelivery,
    outcome: AttemptOutcome,
    attempt: number,
    startedAt: Date,
  ): Promise<number> {
    const last = attempt >= retry.maxAttempts;
    const retrying = outcome.kind === 'failure' && !last;
    // Wazo logs the last failed attempt as an error.
    const status = outcome.kind === 'failure' && last ? 'error' : outcome.kind;
    const log: AttemptRecord = {
      status,
      startedAt,
      endedAt: now(),
      attempts: attempt,
      maxAttempts: retry.maxAttempts,
      detail: outcome.detail,
    };
    const delayMs = retrying ? backoffMs(retry, attempt - 1) : 0;
    const recorded = await dao.record(delivery, log, retrying ? new Date(now().getTime() + delayMs) : null);
    const context = {
      subscription_uuid: delivery.subscription.uuid,
      delivery_uuid: delivery.uuid,
      event_name: delivery.event.name,
      attempts: attempt,
    };
    if (status === 'error')
      logger.error({ ...context, detail: outcome.detail }, 'webhook delivery failed for good');
    else if (status === 'failure')
      logger.warn({ ...context, retry_in_ms: delayMs }, 'webhook delivery failed; will retry');
    else logger.debug(context, 'webhook delivered');
    if (recorded) options.onAttempt?.(delivery, log);
    return retrying ? delayMs : 0;
  }

  return {
    async start() {
      for (const uuid of await dao.pendingSubscriptions()) wake(uuid);
    },
    wake,
    async stop() {
      stopped = true;
      abort.abort();
      for (const current of lanes.values()) clearTimeout(current.timer);
      await Promise.allSettled([...inFlight]);
      lanes.clear();
      ready.length = 0;
    },
    stats: () => ({ lanes: lanes.size, running, waiting: ready.length }),
  };
}
