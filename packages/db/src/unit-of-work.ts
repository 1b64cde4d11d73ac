/**
 * A unit of work: one PostgreSQL transaction that holds a service call's data changes and the
 * events they cause. Notifiers add events while the work runs; just before COMMIT they are
 * encoded in Wazo's envelope and written to the outbox in the same transaction, so an event
 * exists if and only if its change committed. The relay publishes them after commit.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import {
  type BusEvent,
  type BusPublisher,
  type Queryable,
  recordEvents,
  type WireMessage,
} from '@wazo-ts/bus';
import { CompiledQuery, type Kysely, type Transaction } from 'kysely';

export interface EventSink {
  /** Queues an event; it is written to the outbox only if the transaction commits. */
  add(event: BusEvent): void;
}

/**
 * What daos and notifiers receive: the transaction's connection and its event queue. `DB` is the
 * schema the transaction runs on (the Service API's, wazo-auth's).
 */
export interface Tx<DB> {
  readonly db: Transaction<DB> | Kysely<DB>;
  readonly events: EventSink;
}

export interface UnitOfWork<DB> {
  /**
   * Runs `work` in a transaction; commits with its events, or rolls back everything on throw.
   * Called inside another `run` of the same unit of work, it joins that transaction: several
   * service calls then commit (with all their events) or roll back as one. An inner failure
   * fails the whole unit: the outer work must let it propagate.
   */
  run<T>(work: (tx: Tx<DB>) => Promise<T>): Promise<T>;
  /** Runs read-only work without a transaction (no events allowed); inside `run`, on its transaction. */
  read<T>(work: (tx: Tx<DB>) => Promise<T>): Promise<T>;
  /**
   * Inside `run`: runs `work` behind a SAVEPOINT. When it throws, its changes and the events it
   * queued are undone, the error comes out translated, and the transaction goes on, so a caller
   * can try several pieces of work and report each failure (a CSV import's rows). Outside `run`
   * it is `run`.
   */
  savepoint<T>(work: (tx: Tx<DB>) => Promise<T>): Promise<T>;
}

export interface UnitOfWorkOptions<DB> {
  db: Kysely<DB>;
  /** Encodes events in Wazo's envelope (`publisher.encode`): the bytes the relay will publish. */
  encoder: Pick<BusPublisher, 'encode'>;
  /**
   * Turns a failure of the work (a constraint violation, bad data) into the user's own error, after
   * rollback; what it returns is thrown. Each schema has its own words (the Service API's
   * constraint table is confd's), so the toolkit has none: errors pass through by default.
   */
  translateError?: (err: unknown) => unknown;
}

/** The outbox speaks `query(text, values)`; this runs it on the Kysely transaction's connection. */
function queryableOf<DB>(db: Transaction<DB>): Queryable {
  return {
    query: async (text: string, values?: unknown[]) => {
      const result = await db.executeQuery(CompiledQuery.raw(text, values ?? []));
      return { rows: result.rows, rowCount: Number(result.numAffectedRows ?? result.rows.length) } as never;
    },
  };
}

const noEvents: EventSink = {
  add: () => {
    throw new Error('events can only be added inside UnitOfWork.run');
  },
};

export function createUnitOfWork<DB>(options: UnitOfWorkOptions<DB>): UnitOfWork<DB> {
  const translate = options.translateError ?? ((err: unknown) => err);
  const rethrowTranslated = (err: unknown): never => {
    throw translate(err);
  };
  // The transaction of the `run` in progress in this async context, which nested calls join.
  const ambient = new AsyncLocalStorage<Tx<DB>>();
  // The events each transaction has queued, so a savepoint rolled back drops its own.
  const queues = new WeakMap<Tx<DB>, BusEvent[]>();
  let savepoints = 0;
  const outermost = <T>(work: (tx: Tx<DB>) => Promise<T>): Promise<T> =>
    options.db
      .transaction()
      .execute(async (trx) => {
        const queued: BusEvent[] = [];
        const tx: Tx<DB> = { db: trx, events: { add: (event) => void queued.push(event) } };
        queues.set(tx, queued);
        const result = await ambient.run(tx, () => work(tx));
        if (queued.length > 0) {
          const messages: WireMessage[] = queued.map((event) => options.encoder.encode(event));
          await recordEvents(queryableOf(trx), messages);
        }
        return result;
      })
      .catch(rethrowTranslated);
  return {
    run: (work) => {
      const current = ambient.getStore();
      return current ? work(current) : outermost(work);
    },
    savepoint: async (work) => {
      const current = ambient.getStore();
      if (!current) return outermost(work);
      const queued = queues.get(current) ?? [];
      const mark = queued.length;
      savepoints += 1;
      const name = `uow_savepoint_${savepoints}`;
      const execute = (text: string) => current.db.executeQuery(CompiledQuery.raw(text, []));
      await execute(`SAVEPOINT ${name}`);
      try {
        const result = await work(current);
        await execute(`RELEASE SAVEPOINT ${name}`);
        return result;
      } catch (err) {
        await execute(`ROLLBACK TO SAVEPOINT ${name}`);
        queued.length = mark;
        throw translate(err);
      }
    },
    read: (work) => {
      const current = ambient.getStore();
      if (current) return work({ db: current.db, events: noEvents });
      return work({ db: options.db, events: noEvents }).catch(rethrowTranslated);
    },
  };
}
