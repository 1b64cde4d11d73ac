/**
 * Presences on a real PostgreSQL (chatd's migrated schema): what each source changes, which
 * changes announce a presence, the telephony hook's line states, tenant scoping of reads, and the
 * start-up reconciliation.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, beforeEach, describe, it } from 'node:test';
import { createDatabase, createUnitOfWork, type DatabaseHandle, migrateToLatest } from '@wazo-ts/db';
import { createTestDatabase, type TestDatabase, testEncoder } from '@wazo-ts/db/testing';
import { chatdMigrations } from '../db/migrations/index.js';
import type { ChatdDatabase } from '../db/schema.js';
import { createPresenceSources } from './presence-sources.service.js';
import type { Presence } from './presences.model.js';
import { type PresencesNotifier, presencesNotifier } from './presences.notifier.js';
import { reconcile } from './presences.reconcile.js';
import { createPresencesService } from './presences.service.js';

describe('presences on PostgreSQL', () => {
  let database: TestDatabase;
  let handle: DatabaseHandle<ChatdDatabase>;
  let announced: Presence[] = [];
  const notifier: PresencesNotifier = {
    updated(tx, presence) {
      announced.push(presence);
      presencesNotifier.updated(tx, presence);
    },
  };
  const T1 = randomUUID();
  const T2 = randomUUID();
  const now = new Date('2026-01-02T03:04:05.000Z');
  let sources: ReturnType<typeof createPresenceSources>;
  let service: ReturnType<typeof createPresencesService>;

  before(async () => {
    database = await createTestDatabase({ prefix: 'wazo_chatd_presences' });
    const { host, port, user, database: name } = database.config;
    handle = createDatabase<ChatdDatabase>({ uri: `postgresql://${user}@${host}:${port}/${name}` });
    await migrateToLatest(handle.db, chatdMigrations);
    const uow = createUnitOfWork<ChatdDatabase>({ db: handle.db, encoder: testEncoder });
    sources = createPresenceSources({ uow, notifier });
    service = createPresencesService({ uow, notifier, now: () => now });
  });
  after(async () => {
    await handle?.close();
    await database?.drop();
  });
  beforeEach(() => {
    announced = [];
  });

  const newUser = async (tenant = T1) => {
    const uuid = randomUUID();
    await sources.userCreated({ uuid, tenant_uuid: tenant });
    return uuid;
  };

  it('when a user is created, then it is unavailable and nothing is announced', async () => {
    const uuid = await newUser();
    assert.deepEqual(announced, []);
    const presence = await service.get(uuid, [T1]);
    assert.equal(presence.state, 'unavailable');
    assert.equal(presence.connected, false);
  });

  it('when sessions come and go, then connected and mobile follow, each change announced', async () => {
    const uuid = await newUser();
    const [s1, s2] = [randomUUID(), randomUUID()];
    await sources.sessionCreated({ uuid: s1, user_uuid: uuid, tenant_uuid: T1, mobile: false });
    await sources.sessionCreated({ uuid: s2, user_uuid: uuid, tenant_uuid: T1, mobile: true });
    assert.deepEqual(
      announced.map((p) => [p.connected, p.mobile]),
      [
        [true, false],
        [true, true],
      ],
    );
    await sources.sessionDeleted({ uuid: s2 });
    await sources.sessionDeleted({ uuid: s1 });
    const last = await service.get(uuid, [T1]);
    assert.equal(last.connected, false);
    assert.equal(last.mobile, false);
    assert.equal(announced.length, 4);
  });

  it('when a mobile refresh token exists, then the user is mobile without a session', async () => {
    const uuid = await newUser();
    await sources.refreshTokenCreated({ client_id: 'phone', user_uuid: uuid, mobile: true });
    assert.equal((await service.get(uuid, [T1])).mobile, true);
    await sources.refreshTokenDeleted({ client_id: 'phone', user_uuid: uuid });
    assert.equal((await service.get(uuid, [T1])).mobile, false);
    assert.equal(announced.length, 2);
  });

  it('when a session of an unknown user arrives, then it is ignored', async () => {
    await sources.sessionCreated({
      uuid: randomUUID(),
      user_uuid: randomUUID(),
      tenant_uuid: T1,
      mobile: false,
    });
    assert.deepEqual(announced, []);
  });

  it('when the engine reports its endpoint and calls, then the line and user states follow', async () => {
    const uuid = await newUser();
    await sources.lineAssociated({ lineId: 41, userUuid: uuid, tenantUuid: T1, endpointName: 'PJSIP/l41' });
    let presence = await service.get(uuid, [T1]);
    assert.deepEqual(presence.lines, [{ id: 41, state: 'unavailable' }]);
    await sources.endpointStateChanged('PJSIP/l41', 'available');
    assert.equal((await service.get(uuid, [T1])).line_state, 'available');
    await sources.channelStateChanged('PJSIP/l41-00000001', 'ringing');
    assert.equal((await service.get(uuid, [T1])).line_state, 'ringing');
    await sources.channelStateChanged('PJSIP/l41-00000001', 'talking');
    await sources.channelStateChanged('PJSIP/l41-00000001', 'holding');
    presence = await service.get(uuid, [T1]);
    assert.deepEqual(presence.lines, [{ id: 41, state: 'holding' }]);
    await sources.channelEnded('PJSIP/l41-00000001');
    assert.equal((await service.get(uuid, [T1])).line_state, 'available');
    const count = announced.length;
    await sources.endpointStateChanged('PJSIP/l41', 'available');
    await sources.channelStateChanged('PJSIP/nobody-00000002', 'ringing');
    assert.equal(announced.length, count, 'an unchanged endpoint and a channel of no line announce nothing');
    await sources.lineDissociated(41, uuid);
    assert.deepEqual((await service.get(uuid, [T1])).lines, []);
  });

  it('when DND changes in confd, then the presence shows it, announced once', async () => {
    const uuid = await newUser();
    await sources.dndUpdated(uuid, true);
    await sources.dndUpdated(uuid, true);
    assert.equal((await service.get(uuid, [T1])).do_not_disturb, true);
    assert.equal(announced.length, 1);
  });

  it("when a user sets its state, then last_activity is now; another tenant's caller neither sees nor sets it", async () => {
    const uuid = await newUser();
    await service.update(uuid, [T1], { state: 'invisible', status: 'busy' });
    const presence = await service.get(uuid, [T1]);
    assert.equal(presence.state, 'invisible', 'invisible is stored and shown as is');
    assert.equal(presence.status, 'busy');
    assert.equal(presence.last_activity, now.toISOString());
    await assert.rejects(service.get(uuid, [T2]), { errorId: 'unknown-user' });
    await assert.rejects(service.update(uuid, [T2], { state: 'available' }), { errorId: 'unknown-user' });
    const list = await service.list({ tenantUuids: [T2], uuids: [uuid] });
    assert.deepEqual(list.items, []);
  });

  it('when the tenant is listed with a user filter, then filtered counts the filter and total the tenant', async () => {
    const tenant = randomUUID();
    const [a, b] = [await newUser(tenant), await newUser(tenant)];
    const list = await service.list({ tenantUuids: [tenant], uuids: [b] });
    assert.deepEqual(
      list.items.map((p) => p.uuid),
      [b],
    );
    assert.equal(list.filtered, 1);
    assert.equal(list.total, 2);
    assert.ok(a);
  });

  it('when reconciled, then users and sessions gone meanwhile go, new ones come, changed presences are announced', async () => {
    const tenant = randomUUID();
    const [stays, goes] = [await newUser(tenant), await newUser(tenant)];
    await sources.sessionCreated({
      uuid: randomUUID(),
      user_uuid: stays,
      tenant_uuid: tenant,
      mobile: false,
    });
    announced = [];
    const comes = randomUUID();
    const session = { uuid: randomUUID(), user_uuid: comes, tenant_uuid: tenant, mobile: true };
    const outcome = await reconcile(
      createUnitOfWork<ChatdDatabase>({ db: handle.db, encoder: testEncoder }),
      notifier,
      {
        tenantUuids: [T1, T2, tenant],
        users: [
          {
            uuid: stays,
            tenant_uuid: tenant,
            do_not_disturb: false,
            lines: [{ id: 7, endpointName: 'PJSIP/seven' }],
          },
          { uuid: comes, tenant_uuid: tenant, do_not_disturb: true, lines: [] },
        ],
        sessions: [session],
        refreshTokens: [],
      },
    );
    await assert.rejects(service.get(goes, [tenant]), { errorId: 'unknown-user' });
    const staying = await service.get(stays, [tenant]);
    assert.equal(staying.connected, false);
    assert.deepEqual(staying.lines, [{ id: 7, state: 'unavailable' }]);
    const coming = await service.get(comes, [tenant]);
    assert.equal(coming.connected, true);
    assert.equal(coming.do_not_disturb, true);
    assert.deepEqual(
      announced.map((p) => p.uuid),
      [stays],
      'the user whose presence changed is announced; a new one is not',
    );
    assert.equal(outcome.changed, 1);
  });
});
