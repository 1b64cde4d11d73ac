/**
 * wazo-confd's test_groups / test_group_member_user checklist on a real PostgreSQL: minimal body
 * and defaults, the deprecated `name`, Wazo's field errors changing nothing, list parameter errors,
 * read-only relations (members with names and priorities, schedule, empty lists where wazo-ts has
 * no such resource), the events' envelope, and memberships cleaned up with the group.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { scopeOf } from '@wazo-ts/dao';
import { createMigratedTestDatabase, type MigratedTestDatabase } from '@wazo-ts/dao/testing';
import { groupSchedulesPlugin, schedulesPlugin } from '../schedules/index.js';
import { caller, rowCount } from '../testing/route-calls.js';
import { buildTestApi, type TestApi } from '../testing/test-app.js';
import { groupMemberUsersPlugin } from './group-members.routes.js';
import { groupsPlugin } from './groups.routes.js';

let database: MigratedTestDatabase;
let api: TestApi;
let call: ReturnType<typeof caller>;
const tenant1 = randomUUID();
const tenant2 = randomUUID();

const lastEvent = async () => {
  const { rows } = await database.pool.query(
    'SELECT name, routing_key, headers, body FROM bus_outbox ORDER BY id DESC LIMIT 1',
  );
  const row = rows[0];
  return row && { ...row, data: JSON.parse(row.body.toString()).data };
};
const eventCount = async () => rowCount(database, 'bus_outbox');

before(async () => {
  database = await createMigratedTestDatabase({ prefix: 'wazo_confd_groups_checklist' });
  api = await buildTestApi(database, [
    groupsPlugin,
    groupMemberUsersPlugin,
    schedulesPlugin,
    groupSchedulesPlugin,
  ]);
  call = caller(api);
  api.verifier.add({ token: 'admin1', acl: ['confd.#'], metadata: { tenant_uuid: tenant1 } });
  api.verifier.add({ token: 'admin2', acl: ['confd.#'], metadata: { tenant_uuid: tenant2 } });
});
after(async () => {
  await api?.app.close();
  await database?.drop();
});

/** A user of tenant1 with a line (group members need one). */
async function memberOf(firstname: string, lastname: string): Promise<string> {
  const { services } = api.resources;
  const scope = scopeOf(tenant1);
  const user = await services.users.create(scope, tenant1, { firstname, lastname });
  const context = await services.contexts.create(scope, tenant1, { label: `ctx ${firstname}` });
  const line = await services.lines.create(scope, {
    context: context.name,
    endpoint_custom: { interface: `custom/${firstname}` },
  });
  await services.userLines.associate(scope, user.uuid, line.id);
  return user.uuid;
}

describe('groups checklist', () => {
  it('when created with a label only, then Wazo defaults, empty relations and group_created', async () => {
    const res = await call('POST', '/groups', 'admin1', { label: 'minimal', unknown: 1, members: {} });
    assert.equal(res.statusCode, 201, res.body);
    const { id, uuid, name, ...fields } = res.json();
    assert.deepEqual(fields, {
      tenant_uuid: tenant1,
      label: 'minimal',
      ring_strategy: 'all',
      timeout: null,
      user_timeout: 15,
      retry_delay: 5,
      music_on_hold: null,
      preprocess_subroutine: null,
      caller_id_mode: null,
      caller_id_name: null,
      dtmf_record_toggle: false,
      ring_in_use: true,
      mark_answered_elsewhere: false,
      enabled: true,
      ignore_forward: false,
      max_calls: 0,
      members: { users: [], extensions: [] },
      extensions: [],
      schedules: [],
      incalls: [],
      call_permissions: [],
      fallbacks: { noanswer_destination: null, congestion_destination: null },
    });
    const event = await lastEvent();
    assert.deepEqual(
      [event.name, event.routing_key, event.headers.tenant_uuid, event.headers['user_uuid:*'], event.data],
      ['group_created', 'config.groups.created', tenant1, true, { id, uuid }],
    );
  });

  it('when only the deprecated name is given, then it is the label; a PUT name never renames', async () => {
    const created = await call('POST', '/groups', 'admin1', { name: 'legacy' });
    assert.equal(created.statusCode, 201, created.body);
    const group = created.json();
    assert.equal(group.label, 'legacy');
    assert.match(group.name, /^grp-/);
    assert.equal((await call('PUT', `/groups/${group.id}`, 'admin1', { name: 'renamed' })).statusCode, 204);
    const read = (await call('GET', `/groups/${group.uuid}`, 'admin1')).json();
    assert.deepEqual([read.label, read.name], ['renamed', group.name]);
  });

  it('when a PUT leaves out ignore_forward, then it goes back to false, as in Wazo', async () => {
    const group = (await call('POST', '/groups', 'admin1', { label: 'fwd', ignore_forward: true })).json();
    assert.equal(group.ignore_forward, true);
    await call('PUT', `/groups/${group.id}`, 'admin1', { label: 'fwd' });
    assert.equal((await call('GET', `/groups/${group.id}`, 'admin1')).json().ignore_forward, false);
  });

  it("when a field is wrong, then marshmallow's words and nothing is written", async () => {
    const groups = await rowCount(database, 'groups');
    const events = await eventCount();
    const cases: [object, string][] = [
      [{}, "Input Error - label: ['Missing data for required field.']"],
      [{ label: 'bad/label' }, "Input Error - label: ['String does not match expected pattern.']"],
      [{ label: 'x'.repeat(129) }, "Input Error - label: ['Longer than maximum length 128.']"],
      [{ label: 'ok', timeout: -1 }, "Input Error - timeout: ['Must be greater than or equal to 0.']"],
      [{ label: 'ok', user_timeout: 'x' }, "Input Error - user_timeout: ['Not a valid integer.']"],
      [{ label: 'ok', enabled: 'yes' }, "Input Error - enabled: ['Not a valid boolean.']"],
      [
        { label: 'ok', caller_id_name: 'x'.repeat(81) },
        "Input Error - caller_id_name: ['Longer than maximum length 80.']",
      ],
      [
        { label: 'ok', preprocess_subroutine: 'x'.repeat(80) },
        "Input Error - preprocess_subroutine: ['Longer than maximum length 79.']",
      ],
      [{ label: 'ok', max_calls: -1 }, "Input Error - max_calls: ['Must be greater than or equal to 0.']"],
      [
        { label: 'ok', label_extra: 1, ring_in_use: null },
        "Input Error - ring_in_use: ['Field may not be null.']",
      ],
    ];
    for (const [body, message] of cases) {
      const res = await call('POST', '/groups', 'admin1', body);
      assert.equal(res.statusCode, 400, JSON.stringify(body));
      assert.ok(res.json().includes(message), `${JSON.stringify(body)}: ${res.body}`);
    }
    assert.equal(await rowCount(database, 'groups'), groups);
    assert.equal(await eventCount(), events);
  });

  it('when list parameters are wrong, then 400 with Wazo strings', async () => {
    const expectations: [string, string][] = [
      ['limit=0', "Input Error - field 'limit': wrong type. Should be a positive number"],
      ['limit=-1', "Input Error - limit: ['Must be greater than or equal to 0.']"],
      ['offset=x', "Input Error - offset: ['Not a valid integer.']"],
      ['order=nope', "Input Error - order: column 'nope' was not found"],
      ['direction=up', "Input Error - direction: must be 'asc' or 'desc'"],
    ];
    for (const [query, message] of expectations) {
      const res = await call('GET', `/groups?${query}`, 'admin1');
      assert.deepEqual([res.statusCode, res.json()], [400, [message]], query);
    }
  });

  it('when members and a schedule are set, then the group shows them; deleting it cleans up', async () => {
    const group = (await call('POST', '/groups', 'admin1', { label: 'support' })).json();
    const [ann, bob] = [await memberOf('Ann', 'Lee'), await memberOf('Bob', 'Ray')];
    const members = { users: [{ uuid: bob, priority: 2 }, { uuid: ann }] };
    assert.equal(
      (await call('PUT', `/groups/${group.uuid}/members/users`, 'admin1', members)).statusCode,
      204,
    );
    const event = await lastEvent();
    assert.deepEqual(
      [event.name, event.routing_key, event.headers.tenant_uuid, event.data],
      [
        'group_member_users_associated',
        'config.groups.members.users.updated',
        tenant1,
        { group_id: group.id, group_uuid: group.uuid, user_uuids: [bob, ann] },
      ],
    );
    const schedule = (
      await call('POST', '/schedules', 'admin1', { name: 'hours', closed_destination: { type: 'none' } })
    ).json();
    assert.equal(
      (await call('PUT', `/groups/${group.id}/schedules/${schedule.id}`, 'admin1')).statusCode,
      204,
    );
    const read = (await call('GET', `/groups/${group.id}`, 'admin1')).json();
    assert.deepEqual(read.members.users, [
      { uuid: bob, firstname: 'Bob', lastname: 'Ray', priority: 2 },
      { uuid: ann, firstname: 'Ann', lastname: 'Lee', priority: 1 },
    ]);
    assert.deepEqual(read.schedules, [{ id: schedule.id, name: 'hours' }]);
    const listed = (await call('GET', '/groups?search=support', 'admin1')).json().items[0];
    assert.equal(listed.members.users.length, 2);
    const scheduleRead = (await call('GET', `/schedules/${schedule.id}`, 'admin1')).json();
    assert.deepEqual(scheduleRead.groups, [{ id: group.id, uuid: group.uuid, name: group.name }]);
    assert.equal((await call('DELETE', `/groups/${group.id}`, 'admin1')).statusCode, 204);
    const remaining = await database.pool.query(
      'SELECT count(*) AS n FROM group_member_users WHERE group_id = $1',
      [group.id],
    );
    assert.equal(Number(remaining.rows[0].n), 0);
    assert.deepEqual((await call('GET', `/schedules/${schedule.id}`, 'admin1')).json().groups, []);
    const deleted = await lastEvent();
    assert.deepEqual([deleted.name, deleted.data], ['group_deleted', { id: group.id, uuid: group.uuid }]);
  });

  it('when another tenant lists or sets members, then it sees nothing and gets 404', async () => {
    const group = (await call('POST', '/groups', 'admin1', { label: 'private' })).json();
    assert.deepEqual((await call('GET', '/groups?search=private', 'admin2')).json(), { total: 0, items: [] });
    const res = await call('PUT', `/groups/${group.uuid}/members/users`, 'admin2', { users: [] });
    assert.deepEqual(
      [res.statusCode, res.json()],
      [404, [`Resource Not Found - Group was not found ('uuid': '${group.uuid}')`]],
    );
  });
});
