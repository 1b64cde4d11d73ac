/**
 * Health of a daemon's database and outbox for `/status`. Status providers are synchronous, the
 * checks are not, so the checks run in the background every `intervalMs` and the providers answer
 * the last result: the status is real (a down database reports `fail`) and never costs a query.
 */
import type { OutboxRelayStatus } from '@wazo-ts/bus';

export type HealthStatus = { status: 'ok' | 'fail' } & Record<string, unknown>;

export interface DatabaseHealthOptions {
  database: { ping(): Promise<void> };
  relay: { status(): Promise<OutboxRelayStatus> };
  intervalMs?: number;
  /** A publish failure older than this no longer marks a backlog as failing. */
  failureWindowMs?: number;
  now?: () => number;
}

export interface DatabaseHealth {
  database(): HealthStatus;
  outbox(): HealthStatus;
  /** Runs the checks now (called once at start, then by the timer). */
  check(): Promise<void>;
  stop(): void;
}

const reasonOf = (err: unknown) => (err instanceof Error ? err.message : String(err));

function outboxHealth(relay: OutboxRelayStatus, recentFailure: boolean): HealthStatus {
  const details = {
    backlog: relay.backlog,
    published: relay.published,
    last_error: relay.lastError?.message ?? null,
  };
  // Events waiting while the last publish attempts fail: the bus is not getting them.
  const stuck = relay.backlog === null || ((relay.backlog ?? 0) > 0 && recentFailure);
  return { status: relay.running && !stuck ? 'ok' : 'fail', ...details };
}

export async function watchDatabaseHealth(options: DatabaseHealthOptions): Promise<DatabaseHealth> {
  const now = options.now ?? Date.now;
  const window = options.failureWindowMs ?? 30_000;
  let database: HealthStatus = { status: 'fail', reason: 'not checked yet' };
  let outbox: HealthStatus = { status: 'fail', reason: 'not checked yet' };
  const check = async () => {
    database = await options.database.ping().then(
      () => ({ status: 'ok' as const }),
      (err: unknown) => ({ status: 'fail' as const, reason: reasonOf(err) }),
    );
    outbox = await options.relay.status().then(
      (s) => outboxHealth(s, s.lastError !== null && now() - s.lastError.at.getTime() < window),
      (err: unknown) => ({ status: 'fail' as const, reason: reasonOf(err) }),
    );
  };
  await check();
  const timer = setInterval(() => void check(), options.intervalMs ?? 5000);
  timer.unref();
  return { database: () => database, outbox: () => outbox, check, stop: () => clearInterval(timer) };
}
