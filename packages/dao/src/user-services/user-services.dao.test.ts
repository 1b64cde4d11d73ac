import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import type { Tx } from '../db/unit-of-work.js';
import { scopeOf } from '../search/search.js';
import { createMigratedTestDatabase, type MigratedTestDatabase } from '../testing/index.js';
import { createUsersDao } from '../users/users.dao.js';
import { createUserServicesDao } from './user-services.dao.js';
import { createUserServicesNotifier } from './user-services.notifier.js';
import { createUserServicesService } from './user-services.service.js';

const dao = createUserServicesDao();
const A = randomUUID();
const B = randomUUID();

describe('user services dao', () => {
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

  it('when a service is updated, then it reads back and the other is kept', async () => {
    await dao.update(tx, scopeOf(A), userId, { dnd: true });
    const found = await dao.find(tx, scopeOf(A), userId);
    assert.deepEqual(found?.services, { dnd: { enabled: true }, incallfilter: { enabled: false } });
    assert.equal(found?.user.tenant_uuid, A);
  });

  it('when the scope is another tenant, then the user is neither found nor changed', async () => {
    assert.equal(await dao.find(tx, scopeOf(B), userId), undefined);
    await dao.update(tx, scopeOf(B), userId, { incallfilter: true });
    assert.equal((await dao.find(tx, scopeOf(A), userId))?.services.incallfilter.enabled, false);
  });

  it('when the service runs on a real unit of work, then its event reaches the outbox', async () => {
    const service = createUserServicesService({
      uow: testDb.uow(),
      dao,
      notifier: createUserServicesNotifier(),
    });
    await service.updateOne(scopeOf(A), userId, 'incallfilter', { enabled: true });
    const { rows } = await sql<{ name: string }>`SELECT name FROM bus_outbox`.execute(testDb.db);
    assert.deepEqual(rows, [{ name: 'users_services_incallfilter_updated' }]);
    assert.deepEqual(await service.get(scopeOf(A), userId), {
      dnd: { enabled: true },
      incallfilter: { enabled: true },
    });
  });
});
