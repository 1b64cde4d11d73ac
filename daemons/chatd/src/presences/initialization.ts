/**
 * The start-up synchronization (Wazo's `initialization`): read wazo-auth and wazo-confd with the
 * service token, reconcile, then serve. Bus events that arrive meanwhile wait in order and are
 * applied after the reconciliation, so a change seen on the bus is never undone by an older
 * snapshot. A failed attempt (a daemon not up yet) is retried with a growing delay.
 */
import type { AuthSource } from '../clients/auth-source.js';
import type { ConfdSource } from '../clients/confd-source.js';
import type { ReconcileOutcome, Snapshot } from './presences.reconcile.js';

export interface InitializationOptions {
  /** Off: ready at once, bus events only (Wazo's `initialization.enabled: false`). */
  enabled: boolean;
  auth: Pick<AuthSource, 'tenantUuids' | 'sessions' | 'refreshTokens'>;
  confd: Pick<ConfdSource, 'users'>;
  reconcile(snapshot: Snapshot): Promise<ReconcileOutcome>;
  onDone?(outcome: ReconcileOutcome): void;
  onFailure?(error: unknown, retryInMs: number): void;
  /** An event held during the synchronization failed when applied after it. */
  onEventFailure?(error: unknown): void;
  /** Schedules a retry; returns a cancel. */
  schedule?(run: () => void, ms: number): () => void;
}

export interface Initialization {
  readonly ready: boolean;
  /** Runs `work` now when ready, else after the reconciliation (events during the sync). */
  whenReady(work: () => Promise<void>): Promise<void>;
  /** Starts (or restarts) the synchronization with this token. */
  start(token: string): Promise<void>;
  stop(): void;
}

const MAX_RETRY_MS = 30_000;

const defaultSchedule = (run: () => void, ms: number) => {
  const timer = setTimeout(run, ms);
  timer.unref();
  return () => clearTimeout(timer);
};

export function createInitialization(options: InitializationOptions): Initialization {
  const schedule = options.schedule ?? defaultSchedule;
  let ready = !options.enabled;
  let running = false;
  let stopped = false;
  let cancelRetry: (() => void) | undefined;
  let retryMs = 1000;
  let latestToken = '';
  const waiting: (() => Promise<void>)[] = [];

  async function fetchSnapshot(token: string): Promise<Snapshot> {
    const [tenantUuids, users, sessions, refreshTokens] = await Promise.all([
      options.auth.tenantUuids(token),
      options.confd.users(token),
      options.auth.sessions(token),
      options.auth.refreshTokens(token),
    ]);
    return { tenantUuids, users, sessions, refreshTokens };
  }

  async function drain(): Promise<void> {
    // One failed event must not hold the others back, nor be taken for a failed synchronization.
    while (waiting.length > 0) await (waiting.shift() as () => Promise<void>)().catch(options.onEventFailure);
  }

  async function attempt(): Promise<void> {
    if (running || stopped || ready) return;
    running = true;
    try {
      const outcome = await options.reconcile(await fetchSnapshot(latestToken));
      await drain();
      ready = true;
      options.onDone?.(outcome);
    } catch (error) {
      options.onFailure?.(error, retryMs);
      cancelRetry = schedule(() => void attempt(), retryMs);
      retryMs = Math.min(retryMs * 2, MAX_RETRY_MS);
    } finally {
      running = false;
    }
  }

  return {
    get ready() {
      return ready;
    },
    async whenReady(work) {
      if (ready) return work();
      waiting.push(work);
    },
    start(token) {
      latestToken = token;
      cancelRetry?.();
      return attempt();
    },
    stop() {
      stopped = true;
      cancelRetry?.();
    },
  };
}
