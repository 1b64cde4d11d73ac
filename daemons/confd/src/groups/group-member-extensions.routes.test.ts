/**
 * wazo-confd's test_group_member_extension on a real PostgreSQL: body validation, priorities in
 * order (defaulting to the index), duplicates refused, an empty list dissociating all, the
 * group's `members.extensions`, 404 across tenants, the event, and cleanup with the group.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { scopeOf } from '@wazo-ts/dao';
import { createMigratedTestDatabase, type MigratedTestDatabase } from '@wazo-ts/dao/testing';
import { caller, outboxNames, rowCount } from '../testing/route-calls.js';
import { buildTestApi, type TestApi } from '../testing/test-app.js';
import { groupMemberExtensionsPlugin } from './group-member-extensions.routes.js';
import { groupsPlugin } from './groups.routes.js';

let database: MigratedTestDatabase;
let api: TestApi;
let call: ReturnType<typeof caller>;
const tenant1 = randomUUID();
const tenant2 = randomUUID();
let group = { id: 0, uuid: '' };

before(async () => {
  database = await createMigratedTestDatabase({ prefix: 'wazo_confd_group_member_extensions' });
  api = await buildTestApi(database, [groupsPlugin, groupMemberExtensionsPlugin]);
  call = caller(api);
  api.verifier.add({ token: 'admin1', acl: ['confd.#'], metadata: { tenant_uuid: tenant1 } });
  api.verifier.add({ token: 'admin2', acl: ['confd.#'], metadata: { tenant_uuid: tenant2 } });
  for (const tenant of [tenant1, tenant2]) await api.resources.services.tenants.ensure(tenant);
  group = await api.resources.services.groups.create(scopeOf(tenant1), tenant1, { label: 'support' });
});
after(async () => {
  await api?.app.close();
  await database?.drop();
});

const path = (key: number | string = group.uuid) => `/groups/${key}/members/extensions`;
const membersOf = async () =>
  (await call('GET', `/groups/${group.uuid}`, 'admin1')).json().members.extensions;

describe('group member extensions', () => {
  it('when extensions are given, then they are the members in order with their priorities and one event', async () => {
    const body = {
      extensions: [
        { exten: '1001', context: 'default' },
        { exten: '9000', context: 'other', priority: 7 },
        { exten: '1002', context: 'default' },
      ],
    };
    assert.equal((await call('PUT', path(group.id), 'admin1', body)).statusCode, 204);
    assert.deepEqual(await membersOf(), [
      { exten: '1001', context: 'default', priority: 0 },
      { exten: '9000', context: 'other', priority: 7 },
      { exten: '1002', context: 'default', priority: 2 },
    ]);
    const { rows } = await database.pool.query(
      'SELECT name, routing_key, headers, body FROM bus_outbox ORDER BY id DESC LIMIT 1',
    );
    const event = rows[0];
    assert.equal(event.name, 'group_member_extensions_associated');
    assert.equal(event.routing_key, 'config.groups.members.extensions.updated');
    assert.equal(event.headers.tenant_uuid, tenant1);
    assert.deepEqual(JSON.parse(event.body.toString()).data, {
      group_id: group.id,
      group_uuid: group.uuid,
      extensions: body.extensions.map(({ exten, context }) => ({ exten, context })),
    });
  });

  it('when the body is wrong or repeats a member, then Wazo words it and nothing changes', async () => {
    const before = [await membersOf(), await outboxNames(database)];
    const cases: [unknown, string][] = [
      [{}, "Input Error - extensions: ['Missing data for required field.']"],
      [
        { extensions: [{ context: 'default' }] },
        "Input Error - extensions: {0: {'exten': ['Missing data for required field.']}}",
      ],
      [
        { extensions: [{ exten: '1', context: 'c', priority: -1 }] },
        "Input Error - extensions: {0: {'priority': ['Must be greater than or equal to 0.']}}",
      ],
      [
        {
          extensions: [
            { exten: '1', context: 'c' },
            { exten: '1', context: 'c', priority: 3 },
          ],
        },
        'Resource Error - Operation not permitted. Cannot associate same extensions more than once',
      ],
    ];
    for (const [body, message] of cases) {
      const res = await call('PUT', path(), 'admin1', body);
      assert.equal(res.statusCode, 400, JSON.stringify(body));
      assert.deepEqual(res.json(), [message], JSON.stringify(body));
    }
    assert.deepEqual([await membersOf(), await outboxNames(database)], before);
  });

  it('when the group is of another tenant or unknown, then 404 and nothing changes', async () => {
    const before = await outboxNames(database);
    const body = { extensions: [] };
    assert.deepEqual((await call('PUT', path(group.uuid), 'admin2', body)).json(), [
      `Resource Not Found - Group was not found ('uuid': '${group.uuid}')`,
    ]);
    assert.equal((await call('PUT', path(999999), 'admin1', body)).statusCode, 404);
    assert.deepEqual(await outboxNames(database), before);
  });

  it('when an empty list is given, then no member is left; the group deleted takes its members', async () => {
    await call('PUT', path(), 'admin1', { extensions: [{ exten: '1', context: 'c' }] });
    assert.equal((await call('PUT', path(), 'admin1', { extensions: [] })).statusCode, 204);
    assert.deepEqual(await membersOf(), []);
    await call('PUT', path(), 'admin1', { extensions: [{ exten: '1', context: 'c' }] });
    assert.equal((await call('DELETE', `/groups/${group.uuid}`, 'admin1')).statusCode, 204);
    assert.equal(await rowCount(database, 'group_member_extensions'), 0);
  });
});
