/**
 * The toolkit's unit of work on a real PostgreSQL: events go to the outbox with the change, and a
 * failure comes out as its user's translation says (the toolkit has no words of its own).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { userCreated } from '@wazo-ts/bus';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { busTablesMigration } from './bus-tables.js';
import { createTestDatabase, type TestDatabase, testEncoder } from './testing/index.js';
import { createUnitOfWork } from './unit-of-work.js';

interface Tables {
  thing: { name: string };
}

const TENANT = '6f1c5a4e-8d1b-4c3f-9a2e-1b2c3d4e5f60';
const event = userCreated.build(
  { id: 1, uuid: TENANT, subscription_type: 0, created_at: '2024-01-01 00:00:00', tenant_uuid: TENANT },
  { tenantUuid: TENANT },
);

describe('createUnitOfWork', () => {
  let testDb: TestDatabase;
  let db: Kysely<Tables>;
  const outbox = async () =>
    Number((await testDb.pool.query('SELECT count(*) AS n FROM bus_outbox')).rows[0].n);
  const insert = (name: string) => sql`INSERT INTO thing (name) VALUES (${name})`;

  before(async () => {
    testDb = await createTestDatabase({ prefix: 'wazo_db_uow' });
    db = new Kysely<Tables>({ dialect: new PostgresDialect({ pool: testDb.pool }) });
    await busTablesMigration.up(db as Kysely<unknown>);
    await sql`CREATE TABLE thing (name text CONSTRAINT thing_name_key UNIQUE)`.execute(db);
  });
  after(() => testDb.drop());

  it('when the work commits, then its events are in the outbox with it', async () => {
    const before = await outbox();
    await createUnitOfWork({ db, encoder: testEncoder }).run(async (tx) => {
      await insert('a').execute(tx.db);
      tx.events.add(event);
    });
    assert.equal(await outbox(), before + 1);
  });

  it('when no translation is given, then a constraint violation comes out as the driver raised it', async () => {
    const uow = createUnitOfWork({ db, encoder: testEncoder });
    await assert.rejects(
      uow.run((tx) => insert('a').execute(tx.db)),
      (err) => err instanceof pg.DatabaseError && err.constraint === 'thing_name_key',
    );
  });

  it('when a translation is given, then the failure of run and of read comes out translated', async () => {
    const translateError = (err: unknown) =>
      err instanceof pg.DatabaseError ? new Error(`refused by ${err.constraint ?? err.code}`) : err;
    const uow = createUnitOfWork({ db, encoder: testEncoder, translateError });
    const before = await outbox();
    await assert.rejects(
      uow.run(async (tx) => {
        tx.events.add(event);
        await insert('a').execute(tx.db);
      }),
      /refused by thing_name_key/,
    );
    assert.equal(await outbox(), before, 'the rolled-back work left no event');
    await assert.rejects(
      uow.read((tx) => sql`SELECT 1/0`.execute(tx.db)),
      /refused by 22012/,
    );
  });
  it('when a savepoint fails, then only its changes and events are undone and the transaction goes on', async () => {
    const translateError = (err: unknown) =>
      err instanceof pg.DatabaseError ? new Error(`refused by ${err.constraint ?? err.code}`) : err;
    const uow = createUnitOfWork({ db, encoder: testEncoder, translateError });
    const before = await outbox();
    const failures: string[] = [];
    await uow.run(async () => {
      await uow.savepoint(async (tx) => {
        await insert('kept').execute(tx.db);
        tx.events.add(event);
      });
      await uow
        .savepoint(async (tx) => {
          tx.events.add(event);
          await insert('gone').execute(tx.db);
          await insert('kept').execute(tx.db);
        })
        .catch((err: Error) => failures.push(err.message));
    });
    assert.deepEqual(failures, ['refused by thing_name_key']);
    const names = await sql<{ name: string }>`SELECT name FROM thing WHERE name IN ('kept', 'gone')`.execute(
      db,
    );
    assert.deepEqual(
      names.rows.map((r) => r.name),
      ['kept'],
    );
    assert.equal(await outbox(), before + 1, 'only the kept savepoint left its event');
  });
});
