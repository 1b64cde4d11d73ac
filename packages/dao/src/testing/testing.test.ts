import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { defineEvent } from '@wazo-ts/bus';
import { sql } from 'kysely';
import { createFakeUnitOfWork } from './fake-unit-of-work.js';
import { createMigratedTestDatabase, type MigratedTestDatabase } from './migrated-database.js';

const pinged = defineEvent<{ n: number }>()({
  name: 'test_pinged',
  routingKey: 'test.pinged',
  scope: 'service',
});

describe('createMigratedTestDatabase', () => {
  let testDb: MigratedTestDatabase;
  before(async () => {
    testDb = await createMigratedTestDatabase();
  });
  after(() => testDb.drop());

  it('when a unit of work commits an event, then it is in the outbox', async () => {
    await testDb.uow().run(async (tx) => tx.events.add(pinged.build({ n: 1 })));
    const { rows } = await sql<{ name: string }>`SELECT name FROM bus_outbox`.execute(testDb.db);
    assert.deepEqual(rows, [{ name: 'test_pinged' }]);
  });
});

describe('createFakeUnitOfWork', () => {
  it('when the work returns, then its events are recorded', async () => {
    const uow = createFakeUnitOfWork();
    const result = await uow.run(async (tx) => {
      tx.events.add(pinged.build({ n: 1 }));
      return 'ok';
    });
    assert.equal(result, 'ok');
    assert.deepEqual(
      uow.events.map((e) => e.data),
      [{ n: 1 }],
    );
    assert.deepEqual(uow.runs, { committed: 1, rolledBack: 0 });
  });

  it('when the work throws, then its events are discarded', async () => {
    const uow = createFakeUnitOfWork();
    await assert.rejects(
      uow.run(async (tx) => {
        tx.events.add(pinged.build({ n: 2 }));
        throw new Error('boom');
      }),
      /boom/,
    );
    assert.deepEqual(uow.events, []);
    assert.deepEqual(uow.runs, { committed: 0, rolledBack: 1 });
  });

  it('when work touches tx.db or adds events in a read, then it fails loudly', async () => {
    const uow = createFakeUnitOfWork();
    await assert.rejects(
      uow.run(async (tx) => tx.db.selectFrom),
      /tx\.db\.selectFrom used/,
    );
    await assert.rejects(
      uow.read(async (tx) => tx.events.add(pinged.build({ n: 3 }))),
      /only be added inside/,
    );
  });
});
