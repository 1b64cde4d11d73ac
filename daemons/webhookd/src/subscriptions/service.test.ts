/**
 * The subscriptions service on a real migrated database: in-process changes are told only after
 * commit (never for a refused or rolled-back change), their events are in the outbox with them,
 * and the mobile sync run many times at once still leaves exactly one subscription.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { createUnitOfWork, migrateToLatest } from '@wazo-ts/db';
import { createTestDatabase, type TestDatabase, testEncoder } from '@wazo-ts/db/testing';
import { Kysely, PostgresDialect } from 'kysely';
import { webhookdMigrations } from '../db/migrations/index.js';
import type { WebhookdDatabase } from '../db/schema.js';
import {
  createSubscriptionChanges,
  createSubscriptionsService,
  logsDao,
  type SubscriptionsService,
  subscriptionsDao,
} from './index.js';

const TENANT = randomUUID();

describe('subscriptions service', { timeout: 60_000 }, () => {
  let database: TestDatabase;
  let db: Kysely<WebhookdDatabase>;
  let service: SubscriptionsService;
  const told: string[] = [];
  const listenerErrors: unknown[] = [];

  before(async () => {
    database = await createTestDatabase({ prefix: 'wazo_webhookd_service' });
    db = new Kysely<WebhookdDatabase>({ dialect: new PostgresDialect({ pool: database.pool }) });
    await migrateToLatest(db, webhookdMigrations);
    const changes = createSubscriptionChanges((error) => listenerErrors.push(error));
    changes.on((change, s) => told.push(`${change} ${s.name}`));
    changes.on(() => {
      throw new Error('a broken listener');
    });
    service = createSubscriptionsService({
      uow: createUnitOfWork<WebhookdDatabase>({ db, encoder: testEncoder }),
      dao: subscriptionsDao,
      logs: logsDao,
      newUuid: randomUUID,
      changes,
    });
  });
  after(async () => database?.drop());

  const input = (name: string, config: Record<string, unknown> = { url: 'http://x', method: 'POST' }) => ({
    name,
    service: 'http',
    events: ['user_created'],
    config,
    events_user_uuid: null,
    events_wazo_uuid: null,
    owner_user_uuid: null,
    owner_tenant_uuid: TENANT,
    metadata: {},
  });
  const outboxNames = async () =>
    (await database.pool.query('SELECT name FROM bus_outbox ORDER BY id')).rows.map(
      (r: { name: string }) => r.name,
    );

  it('when a change commits, then listeners are told after it and a broken listener fails nothing', async () => {
    told.length = 0;
    const created = await service.create(input('a'));
    await service.replace(created.uuid, { tenantUuids: [TENANT] }, () => input('b'));
    await service.delete(created.uuid, { tenantUuids: [TENANT] });
    assert.deepEqual(told, ['created a', 'updated b', 'deleted b']);
    assert.equal(listenerErrors.length, 3);
    const names = await outboxNames();
    assert.deepEqual(names.slice(-3), [
      'webhookd_subscription_created',
      'webhookd_subscription_updated',
      'webhookd_subscription_deleted',
    ]);
  });

  it('when a change is refused, then nothing is told, stored or queued', async () => {
    told.length = 0;
    const queued = (await outboxNames()).length;
    await assert.rejects(service.create(input('bad', { method: 'post' })), { errorId: 'invalid-data' });
    await assert.rejects(service.delete(randomUUID(), { tenantUuids: [TENANT] }), {
      errorId: 'no-such-subscription',
    });
    assert.deepEqual(told, []);
    assert.equal((await outboxNames()).length, queued);
  });

  it('when the mobile sync runs many times at once, then exactly one mobile subscription remains', async () => {
    const user = { userUuid: randomUUID(), tenantUuid: TENANT };
    await Promise.all(Array.from({ length: 8 }, () => service.syncMobile(user, true)));
    const mobile = await service.list({ tenantUuids: [TENANT], ownerUserUuid: user.userUuid });
    assert.equal(mobile.length, 1);
    assert.equal(mobile[0]?.service, 'mobile');
    await Promise.all([service.syncMobile(user, false), service.syncMobile(user, false)]);
    assert.deepEqual(await service.list({ tenantUuids: [TENANT], ownerUserUuid: user.userUuid }), []);
  });
});
