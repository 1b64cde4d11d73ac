import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import type { Context } from './contexts/contexts.model.js';
import type { Group } from './groups/groups.model.js';
import type { Line } from './lines/lines.model.js';
import { scopeOf } from './search/search.js';
import { createServiceApi, type ServiceApi } from './service-api.js';
import { createMigratedTestDatabase, type MigratedTestDatabase, testEncoder } from './testing/index.js';
import type { User } from './users/users.model.js';

const T = randomUUID();
const OTHER = randomUUID();
const scope = scopeOf(T);

const outboxNames = async (db: MigratedTestDatabase['db']) =>
  (await sql<{ name: string }>`SELECT name FROM bus_outbox ORDER BY id`.execute(db)).rows.map((r) => r.name);

describe('the Service API, wired on PostgreSQL', () => {
  let testDb: MigratedTestDatabase;
  let api: ServiceApi;
  let context: Context;
  let alice: User;
  let bob: User;
  let line: Line;
  let group: Group;

  before(async () => {
    testDb = await createMigratedTestDatabase();
    api = createServiceApi({ db: testDb.db, encoder: testEncoder });
    await api.tenants.ensure(T, 'acme', 'Acme');
    await api.tenants.ensure(OTHER, 'other', 'Other');
  });
  after(() => testDb.drop());

  it('when a user gets a line with an extension, then each step goes through its service', async () => {
    context = await api.contexts.create(scope, T, {
      label: 'Internal',
      type: 'internal',
      user_ranges: [{ start: '1000', end: '1999' }],
    });
    alice = await api.users.create(scope, T, { firstname: 'Alice', lastname: 'Liddell' });
    bob = await api.users.create(scope, T, { firstname: 'Bob' });
    line = await api.lines.create(scope, { context: context.name, endpoint_sip: {} });
    const extension = await api.extensions.create(scope, { exten: '1001', context: context.name });
    await api.lineExtensions.associate(scope, line.id, extension.id);
    const link = await api.userLines.associate(scope, alice.uuid, line.id);
    assert.deepEqual(link, {
      user_id: alice.id,
      user_uuid: alice.uuid,
      line_id: line.id,
      main_user: true,
      main_line: true,
    });
  });

  it('when a user without a line joins a group, then Wazo refuses it from either side', async () => {
    group = await api.groups.create(scope, T, { label: 'Support' });
    const expected = {
      message: `Resource Error - User must be associated with a Line ('user_uuid': '${bob.uuid}')`,
    };
    await assert.rejects(api.groupMembers.associateUsers(scope, group.uuid, [{ uuid: bob.uuid }]), expected);
    await assert.rejects(api.groupMembers.associateGroups(scope, bob.uuid, [{ id: group.id }]), expected);
    await api.groupMembers.associateGroups(scope, bob.uuid, []);
  });

  it('when two members share a main line, then the group refuses them', async () => {
    await api.userLines.associate(scope, bob.uuid, line.id);
    await assert.rejects(
      api.groupMembers.associateUsers(scope, group.uuid, [{ uuid: alice.uuid }, { uuid: bob.uuid }]),
      {
        message: `Resource Error - Operation not permitted. Cannot associate different users with the same line ('line_id': ${line.id})`,
      },
    );
    await api.userLines.dissociate(scope, bob.uuid, line.id);
  });

  it('when a user with a line joins a group and a schedule, then it is accepted', async () => {
    await api.groupMembers.associateUsers(scope, group.uuid, [{ uuid: alice.uuid }]);
    assert.deepEqual(
      (await api.groupMembers.listUsers(scope, group.id)).map((m) => m.uuid),
      [alice.uuid],
    );
    const schedule = await api.schedules.create(scope, T, {
      name: 'Office',
      closed_destination: { type: 'user', user_id: alice.id },
    });
    await api.userSchedules.associate(scope, alice.uuid, schedule.id);
    await api.groupSchedules.associate(scope, group.id, schedule.id);
    assert.deepEqual(await api.groupSchedules.resourcesOf(scope, group.uuid), [
      { id: schedule.id, name: 'Office' },
    ]);
  });

  it("when a schedule's closed destination is a user of another tenant, then it is not found", async () => {
    const stranger = await api.users.create(scopeOf(OTHER), OTHER, { firstname: 'Eve' });
    await assert.rejects(
      api.schedules.create(scope, T, { closed_destination: { type: 'user', user_id: stranger.id } }),
      {
        message: `Input Error - field 'fallback_actionid': User was not found ('fallback_actionid': ${stranger.id})`,
      },
    );
  });

  it('when the user is read with its relations, then lines, groups, schedules, services and forwards are filled', async () => {
    const user = await api.getUserWithRelations(scope, alice.uuid);
    assert.equal(user.uuid, alice.uuid);
    assert.equal(user.lines.length, 1);
    const [own] = user.lines;
    assert.equal(own?.id, line.id);
    assert.equal(own?.name, line.name);
    assert.equal(own?.endpoint_sip?.name, line.name);
    assert.equal(own?.endpoint_custom, null);
    assert.deepEqual(
      own?.extensions.map(({ exten, context: name }) => ({ exten, name })),
      [{ exten: '1001', name: context.name }],
    );
    assert.deepEqual(user.groups, [{ id: group.id, uuid: group.uuid, name: group.name }]);
    assert.deepEqual(
      user.schedules.map((s) => s.name),
      ['Office'],
    );
    assert.deepEqual(user.services, { dnd: { enabled: false }, incallfilter: { enabled: false } });
    assert.equal(user.forwards.busy.enabled, false);
    assert.deepEqual((await api.getUserWithRelations(scope, bob.id)).lines, []);
  });

  it("when the user is read from another tenant's scope, then it is not found", async () => {
    await assert.rejects(api.getUserWithRelations(scopeOf(OTHER), alice.uuid), {
      message: `Resource Not Found - User was not found ('uuid': '${alice.uuid}')`,
    });
  });

  it('when everything committed, then the outbox holds the events in order, none for refused work', async () => {
    assert.deepEqual(await outboxNames(testDb.db), [
      'context_created',
      'user_created',
      'user_created',
      // The line's SIP endpoint is made and associated before the line is announced.
      'sip_endpoint_created',
      'line_endpoint_sip_associated',
      'line_created',
      'extension_created',
      'line_extension_associated',
      'user_line_associated',
      'group_created',
      'user_groups_associated',
      'user_line_associated',
      'user_line_dissociated',
      'group_member_users_associated',
      'schedule_created',
      'user_schedule_associated',
      'group_schedule_associated',
      'user_created',
    ]);
  });

  it("when a line is deleted, then its users are dissociated first (the lines service's user-lines hook) and its endpoint deleted", async () => {
    const spare = await api.lines.create(scope, { context: context.name, endpoint_sip: {} });
    await api.userLines.associate(scope, bob.uuid, spare.id);
    await api.lines.delete(scope, spare.id);
    assert.deepEqual(await api.userLines.linesOfUser(scope, bob.uuid), []);
    // Its endpoint goes with it (Wazo's line dao), announced before the line.
    assert.deepEqual((await outboxNames(testDb.db)).slice(-5), [
      'line_created',
      'user_line_associated',
      'user_line_dissociated',
      'sip_endpoint_deleted',
      'line_deleted',
    ]);
  });
});
