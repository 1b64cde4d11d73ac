import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import type { Tx } from '../db/unit-of-work.js';
import { scopeOf } from '../search/search.js';
import { createMigratedTestDatabase, type MigratedTestDatabase } from '../testing/index.js';
import { createUsersDao } from '../users/users.dao.js';
import { createUserForwardsDao } from './user-forwards.dao.js';
import { createUserForwardsNotifier } from './user-forwards.notifier.js';
import { createUserForwardsService } from './user-forwards.service.js';
import { createUserForwardsValidator } from './user-forwards.validator.js';

const dao = createUserForwardsDao();
const A = randomUUID();
const B = randomUUID();

describe('user forwards dao', () => {
  let testDb: MigratedTestDatabase;
  let tx: Tx;
  let userId: number;

  before(async () => {
    testDb = await createMigratedTestDatabase();
    tx = { db: testDb.db, events: { add: () => assert.fail('a dao queues no event') } };
    await testDb.db
      .insertInto('tenant')
      .values([{ uuid: A }, { uuid: B }])
      .execute();
    userId = (await createUsersDao().create(tx, scopeOf(A), A, { firstname: 'A' }))!.id;
  });
  after(() => testDb.drop());

  it('when a forward is updated, then it reads back and the others are kept', async () => {
    await dao.update(tx, scopeOf(A), userId, { busy: { enabled: true, destination: '123' } });
    assert.deepEqual((await dao.find(tx, scopeOf(A), userId))?.forwards, {
      busy: { enabled: true, destination: '123' },
      noanswer: { enabled: false, destination: null },
      unconditional: { enabled: false, destination: null },
    });
  });

  it('when the scope is another tenant, then the user is neither found nor changed', async () => {
    assert.equal(await dao.find(tx, scopeOf(B), userId), undefined);
    await dao.update(tx, scopeOf(B), userId, { busy: { enabled: false, destination: null } });
    assert.equal((await dao.find(tx, scopeOf(A), userId))?.forwards.busy.enabled, true);
  });

  it('when a forward is enabled without destination, then the table refuses it too', async () => {
    await assert.rejects(
      dao.update(tx, scopeOf(A), userId, { noanswer: { enabled: true, destination: null } }),
      /users_forward_noanswer_destination/,
    );
  });

  it('when the service runs on a real unit of work, then the change and its event commit together', async () => {
    const service = createUserForwardsService({
      uow: testDb.uow(),
      dao,
      validator: createUserForwardsValidator(),
      notifier: createUserForwardsNotifier(),
    });
    await assert.rejects(service.updateOne(scopeOf(A), userId, 'unconditional', { enabled: true }));
    await service.updateOne(scopeOf(A), userId, 'unconditional', { enabled: true, destination: '789' });
    const { rows } = await sql<{ name: string }>`SELECT name FROM bus_outbox`.execute(testDb.db);
    assert.deepEqual(rows, [{ name: 'users_forwards_unconditional_updated' }]);
    assert.deepEqual((await service.get(scopeOf(A), userId)).unconditional, {
      enabled: true,
      destination: '789',
    });
  });
});
