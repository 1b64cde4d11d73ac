/**
 * `/users/{id}/fallbacks` and `/groups/{id}/fallbacks` on a real PostgreSQL: every field is there
 * (null until set), a PUT replaces them all and announces `<owner>_fallback_edited`, a bad
 * destination is a 400 that changes nothing, and another tenant's owner is a 404.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { createMigratedTestDatabase, type MigratedTestDatabase } from '@wazo-ts/dao/testing';
import { groupsPlugin } from '../groups/index.js';
import { caller, outboxNames } from '../testing/route-calls.js';
import { buildTestApi, type TestApi } from '../testing/test-app.js';
import { usersPlugin } from '../users/index.js';
import { groupFallbacksPlugin, userFallbacksPlugin } from './index.js';

let database: MigratedTestDatabase;
let api: TestApi;
let call: ReturnType<typeof caller>;
const tenant = randomUUID();
const other = randomUUID();
let user: { id: number; uuid: string };
let group: { id: number; uuid: string };

before(async () => {
  database = await createMigratedTestDatabase({ prefix: 'wazo_confd_fallbacks' });
  api = await buildTestApi(database, [usersPlugin, groupsPlugin, userFallbacksPlugin, groupFallbacksPlugin]);
  call = caller(api);
  api.verifier.add({ token: 'admin', acl: ['confd.#'], metadata: { tenant_uuid: tenant } });
  api.verifier.add({ token: 'other', acl: ['confd.#'], metadata: { tenant_uuid: other } });
  api.verifier.add({
    token: 'reader',
    acl: ['confd.users.*.fallbacks.read'],
    metadata: { tenant_uuid: tenant },
  });
  await api.resources.services.tenants.ensure(tenant);
  await api.resources.services.tenants.ensure(other);
  user = (await call('POST', '/users', 'admin', { firstname: 'Alice' })).json();
  group = (await call('POST', '/groups', 'admin', { label: 'Sales' })).json();
});
after(async () => {
  await api?.app.close();
  await database?.drop();
});

const hangup = { type: 'hangup', cause: 'busy', timeout: null };
const none = { type: 'none' };

describe('user fallbacks', () => {
  it('when never set, then the four destinations are null', async () => {
    const res = await call('GET', `/users/${user.uuid}/fallbacks`, 'reader');
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(res.json(), {
      noanswer_destination: null,
      busy_destination: null,
      congestion_destination: null,
      fail_destination: null,
    });
  });

  it('when put, then stored, read back, announced; a later PUT replaces them all', async () => {
    const before = (await outboxNames(database)).length;
    const put = await call('PUT', `/users/${user.id}/fallbacks`, 'admin', {
      noanswer_destination: hangup,
      busy_destination: none,
    });
    assert.equal(put.statusCode, 204, put.body);
    assert.deepEqual((await outboxNames(database)).slice(before), ['user_fallback_edited']);
    const read = (await call('GET', `/users/${user.id}/fallbacks`, 'admin')).json();
    assert.deepEqual(read.noanswer_destination, hangup);
    assert.deepEqual(read.busy_destination, none);
    assert.equal(read.fail_destination, null);
    await call('PUT', `/users/${user.id}/fallbacks`, 'admin', { fail_destination: none });
    const replaced = (await call('GET', `/users/${user.id}/fallbacks`, 'admin')).json();
    assert.deepEqual(replaced, {
      noanswer_destination: null,
      busy_destination: null,
      congestion_destination: null,
      fail_destination: none,
    });
  });

  it('when a destination is invalid, then 400 and nothing changes', async () => {
    const before = await call('GET', `/users/${user.id}/fallbacks`, 'admin');
    const bad = { type: 'application', application: 'fax_to_mail', email: 'invalid' };
    const res = await call('PUT', `/users/${user.id}/fallbacks`, 'admin', { fail_destination: bad });
    assert.equal(res.statusCode, 400, res.body);
    assert.deepEqual((await call('GET', `/users/${user.id}/fallbacks`, 'admin')).json(), before.json());
  });

  it("when a destination names a user or group not in the owner's tenant, then Wazo's 400 and nothing changes", async () => {
    const stranger = (await call('POST', '/users', 'other', { firstname: 'Eve' })).json();
    for (const [destination, resource, id] of [
      [{ type: 'user', user_id: 999999 }, 'User', 999999],
      [{ type: 'user', user_id: stranger.id }, 'User', stranger.id],
      [{ type: 'group', group_id: 999999 }, 'Group', 999999],
    ] as const) {
      const res = await call('PUT', `/users/${user.id}/fallbacks`, 'admin', {
        busy_destination: destination,
      });
      assert.equal(res.statusCode, 400, res.body);
      assert.deepEqual(res.json(), [
        `Input Error - field 'actionarg1': ${resource} was not found ('actionarg1': ${id})`,
      ]);
    }
  });

  it('when a destination names a user or a group, then it reads with their names', async () => {
    const bob = (await call('POST', '/users', 'admin', { firstname: 'Bob', lastname: 'Builder' })).json();
    const put = await call('PUT', `/users/${user.id}/fallbacks`, 'admin', {
      busy_destination: { type: 'user', user_id: bob.id, ring_time: null, moh_uuid: null },
      noanswer_destination: { type: 'group', group_id: group.id, ring_time: null },
    });
    assert.equal(put.statusCode, 204, put.body);
    const read = (await call('GET', `/users/${user.id}/fallbacks`, 'admin')).json();
    assert.equal(read.busy_destination.user_firstname, 'Bob');
    assert.equal(read.busy_destination.user_lastname, 'Builder');
    assert.equal(read.noanswer_destination.group_label, 'Sales');
    assert.match(read.noanswer_destination.group_name, /^grp-/);
    const asUser = (await call('GET', `/users/${user.id}`, 'admin')).json();
    assert.deepEqual(asUser.fallbacks, read);
    await call('PUT', `/users/${user.id}/fallbacks`, 'admin', {});
  });

  it("when the user is another tenant's or unknown, then 404; without the ACL, 401", async () => {
    assert.equal((await call('GET', `/users/${user.id}/fallbacks`, 'other')).statusCode, 404);
    assert.equal((await call('PUT', `/users/${user.uuid}/fallbacks`, 'other', {})).statusCode, 404);
    assert.equal((await call('GET', '/users/999999/fallbacks', 'admin')).statusCode, 404);
    assert.equal((await call('PUT', `/users/${user.id}/fallbacks`, 'reader', {})).statusCode, 401);
  });
});

describe('group fallbacks', () => {
  it("when put by uuid, then Wazo's two fields, stored and announced", async () => {
    const empty = (await call('GET', `/groups/${group.id}/fallbacks`, 'admin')).json();
    assert.deepEqual(empty, { noanswer_destination: null, congestion_destination: null });
    const before = (await outboxNames(database)).length;
    const put = await call('PUT', `/groups/${group.uuid}/fallbacks`, 'admin', {
      congestion_destination: none,
    });
    assert.equal(put.statusCode, 204, put.body);
    assert.deepEqual((await outboxNames(database)).slice(before), ['group_fallback_edited']);
    const read = (await call('GET', `/groups/${group.uuid}/fallbacks`, 'admin')).json();
    assert.deepEqual(read, { noanswer_destination: null, congestion_destination: none });
  });

  it("when the group is another tenant's, then 404", async () => {
    assert.equal((await call('GET', `/groups/${group.id}/fallbacks`, 'other')).statusCode, 404);
  });

  it('when the group is deleted, then its fallbacks go with it', async () => {
    assert.equal((await call('DELETE', `/groups/${group.id}`, 'admin')).statusCode, 204);
    const { rows } = await database.pool.query('SELECT 1 FROM group_fallback WHERE group_id = $1', [
      group.id,
    ]);
    assert.equal(rows.length, 0);
  });
});

describe('fallbacks to a deleted target', () => {
  it('when the user or the group a fallback sends calls to is deleted, then that fallback goes, the others stay', async () => {
    const owner = (await call('POST', '/users', 'admin', { firstname: 'Owner' })).json();
    const target = (await call('POST', '/users', 'admin', { firstname: 'Target' })).json();
    const targetGroup = (await call('POST', '/groups', 'admin', { label: 'Target group' })).json();
    const put = await call('PUT', `/users/${owner.uuid}/fallbacks`, 'admin', {
      noanswer_destination: { type: 'user', user_id: target.id },
      busy_destination: { type: 'group', group_id: targetGroup.id },
      congestion_destination: hangup,
    });
    assert.equal(put.statusCode, 204, put.body);

    assert.equal((await call('DELETE', `/users/${target.uuid}`, 'admin')).statusCode, 204);
    const afterUser = (await call('GET', `/users/${owner.uuid}/fallbacks`, 'admin')).json();
    assert.equal(afterUser.noanswer_destination, null);
    assert.equal(afterUser.busy_destination.type, 'group');

    assert.equal((await call('DELETE', `/groups/${targetGroup.uuid}`, 'admin')).statusCode, 204);
    const afterGroup = (await call('GET', `/users/${owner.uuid}/fallbacks`, 'admin')).json();
    assert.equal(afterGroup.busy_destination, null);
    assert.deepEqual(afterGroup.congestion_destination, hangup);
  });
});
