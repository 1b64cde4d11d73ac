/**
 * A unit of work without a database, for service tests: work runs with a fake `Tx` whose events
 * are kept when the work returns and discarded when it throws, as the real outbox would. Its `db`
 * throws on any use, so a service (or a fake that forgot to be one) touching SQL fails loudly.
 */
import type { BusEvent } from '@wazo-ts/bus';
import type { Tx, UnitOfWork } from '../db/unit-of-work.js';

export interface FakeUnitOfWork extends UnitOfWork {
  /** Events of the runs that completed, in order: what would have reached the outbox. */
  readonly events: BusEvent[];
  /** How many `run` calls completed and how many threw (rolled back). */
  readonly runs: { committed: number; rolledBack: number };
  /** Forgets the recorded events and counts. */
  reset(): void;
}

const noDatabase = new Proxy(
  {},
  {
    get(_target, property) {
      throw new Error(`fake unit of work: tx.db.${String(property)} used; daos must be faked too`);
    },
  },
) as Tx['db'];

export function createFakeUnitOfWork(): FakeUnitOfWork {
  const events: BusEvent[] = [];
  const runs = { committed: 0, rolledBack: 0 };
  const readOnly: Tx = {
    db: noDatabase,
    events: {
      add: () => {
        throw new Error('events can only be added inside UnitOfWork.run');
      },
    },
  };
  return {
    events,
    runs,
    async run(work) {
      const queued: BusEvent[] = [];
      try {
        const result = await work({ db: noDatabase, events: { add: (event) => void queued.push(event) } });
        events.push(...queued);
        runs.committed += 1;
        return result;
      } catch (err) {
        runs.rolledBack += 1;
        throw err;
      }
    },
    read: (work) => work(readOnly),
    // No database: a savepoint is a nested run whose events are dropped when it throws.
    savepoint(work) {
      return this.run(work);
    },
    reset() {
      events.length = 0;
      runs.committed = 0;
      runs.rolledBack = 0;
    },
  };
}
