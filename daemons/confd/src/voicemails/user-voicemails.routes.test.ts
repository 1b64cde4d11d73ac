/**
 * A user's voicemail on a real PostgreSQL: associate by id or uuid (again: nothing), one voicemail
 * per user, no global one, the same tenant; create-and-associate in one transaction; the list;
 * dissociate; the user's `voicemail` and the voicemail's `users`; a user with a voicemail kept
 * unless `recursive`, which deletes the voicemail too; events only with a commit.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { scopeOf } from '@wazo-ts/dao';
import { createMigratedTestDatabase, type MigratedTestDatabase } from '@wazo-ts/dao/testing';
import { caller, outboxNames, rowCount } from '../testing/route-calls.js';
import { buildTestApi, fixedServiceToken, type TestApi } from '../testing/test-app.js';
import { usersPlugin } from '../users/users.plugin.js';
import { userVoicemailsPlugin } from './user-voicemails.routes.js';
import { voicemailsPlugin } from './voicemails.routes.js';

let database: MigratedTestDatabase;
let api: TestApi;
let call: ReturnType<typeof caller>;
const tenant1 = randomUUID();
const tenant2 = randomUUID();
const events = () => outboxNames(database);
const since = async (count: number) => (await events()).slice(count);
const ids = { user: { id: 0, uuid: '' }, other: { id: 0, uuid: '' }, vm: 0, vm2: 0, global: 0, foreign: 0 };
let context = '';

before(async () => {
  database = await createMigratedTestDatabase({ prefix: 'wazo_confd_user_voicemails' });
  // A recursive delete also deletes the wazo-auth user: a client that accepts it.
  const authUsers = {
    create: () => Promise.reject(new Error('not in this test')),
    delete: async () => true,
    close: () => undefined,
  };
  api = await buildTestApi(database, [usersPlugin, voicemailsPlugin, userVoicemailsPlugin], {
    authUsers,
    serviceToken: fixedServiceToken('service'),
  });
  call = caller(api);
  api.verifier.add({ token: 'admin1', acl: ['confd.#'], metadata: { tenant_uuid: tenant1 } });
  api.verifier.add({ token: 'admin2', acl: ['confd.#'], metadata: { tenant_uuid: tenant2 } });
  const { services } = api.resources;
  for (const tenant of [tenant1, tenant2]) await services.tenants.ensure(tenant);
  const scope = scopeOf(tenant1);
  context = (await services.contexts.create(scope, tenant1, { label: 'internal' })).name;
  const context2 = (await services.contexts.create(scopeOf(tenant2), tenant2, { label: 'internal' })).name;
  ids.user = await services.users.create(scope, tenant1, { firstname: 'Ann' });
  ids.other = await services.users.create(scope, tenant1, { firstname: 'Bob' });
  const vm = (number: string, more = {}) =>
    services.voicemails.create(scope, { name: number, number, context, ...more });
  ids.vm = (await vm('1000')).id;
  ids.vm2 = (await vm('1001')).id;
  ids.global = (await vm('1002', { accesstype: 'global' })).id;
  ids.foreign = (
    await services.voicemails.create(scopeOf(tenant2), { name: 'x', number: '1000', context: context2 })
  ).id;
});
after(async () => {
  await api?.app.close();
  await database?.drop();
});

describe('user voicemail routes', () => {
  it('when associated, then 204, user_voicemail_associated, and both sides show it; again changes nothing', async () => {
    const before = (await events()).length;
    const res = await call('PUT', `/users/${ids.user.uuid}/voicemails/${ids.vm}`, 'admin1');
    assert.equal(res.statusCode, 204, res.body);
    assert.deepEqual(await since(before), ['user_voicemail_associated']);
    const user = (await call('GET', `/users/${ids.user.id}`, 'admin1')).json();
    assert.deepEqual(user.voicemail, { id: ids.vm, name: '1000' });
    const vm = (await call('GET', `/voicemails/${ids.vm}`, 'admin1')).json();
    assert.deepEqual(vm.users, [{ uuid: ids.user.uuid, firstname: 'Ann', lastname: null }]);
    assert.equal((await call('PUT', `/users/${ids.user.id}/voicemails/${ids.vm}`, 'admin1')).statusCode, 204);
    assert.deepEqual(await since(before), ['user_voicemail_associated']);
  });

  it('when listed, then the one voicemail in full', async () => {
    const list = (await call('GET', `/users/${ids.user.id}/voicemails`, 'admin1')).json();
    assert.deepEqual([list.total, list.items[0].id, list.items[0].number], [1, ids.vm, '1000']);
    const none = (await call('GET', `/users/${ids.other.id}/voicemails`, 'admin1')).json();
    assert.deepEqual(none, { total: 0, items: [] });
  });

  it('when users are filtered by voicemail_number, then those whose enabled voicemail has it', async () => {
    const found = (await call('GET', '/users?voicemail_number=1000', 'admin1')).json();
    assert.deepEqual(
      found.items.map((u: { uuid: string }) => u.uuid),
      [ids.user.uuid],
    );
    assert.equal((await call('GET', '/users?voicemail_number=1001', 'admin1')).json().total, 0);
    await call('PUT', `/voicemails/${ids.vm}`, 'admin1', { enabled: false });
    assert.equal((await call('GET', '/users?voicemail_number=1000', 'admin1')).json().total, 0);
    await call('PUT', `/voicemails/${ids.vm}`, 'admin1', { enabled: true });
  });

  it("when refused, then Wazo's words: another voicemail, a global one, 404s", async () => {
    const before = await events();
    const another = await call('PUT', `/users/${ids.user.id}/voicemails/${ids.vm2}`, 'admin1');
    assert.deepEqual(another.json(), [
      `Resource Error - User is associated with a Voicemail ('user_id': ${ids.user.id}, 'voicemail_id': ${ids.vm})`,
    ]);
    const global = await call('PUT', `/users/${ids.other.id}/voicemails/${ids.global}`, 'admin1');
    assert.deepEqual(global.json(), [
      'Resource Error - Operation not permitted. A global voicemail cannot be associated to users.',
    ]);
    const foreign = await call('PUT', `/users/${ids.other.id}/voicemails/${ids.foreign}`, 'admin1');
    assert.deepEqual(foreign.json(), [`Resource Not Found - Voicemail was not found ('id': ${ids.foreign})`]);
    const stranger = await call('PUT', `/users/${ids.user.id}/voicemails/${ids.vm}`, 'admin2');
    assert.equal(stranger.statusCode, 404);
    assert.deepEqual(await events(), before);
  });

  it('when a voicemail serving a user is made global or deleted, then it is refused', async () => {
    const global = await call('PUT', `/voicemails/${ids.vm}`, 'admin1', { accesstype: 'global' });
    assert.equal(global.statusCode, 400);
    const res = await call('DELETE', `/voicemails/${ids.vm}`, 'admin1');
    assert.deepEqual(res.json(), [
      `Resource Error - Voicemail is associated with a User ('voicemail_id': ${ids.vm}, 'user_ids': '${ids.user.id}')`,
    ]);
  });

  it('when the voicemail is edited, then user_voicemail_edited for its user', async () => {
    const before = (await events()).length;
    await call('PUT', `/voicemails/${ids.vm}`, 'admin1', { name: 'Ann VM' });
    assert.deepEqual(await since(before), ['voicemail_edited', 'user_voicemail_edited']);
  });

  it('when the user with a voicemail is deleted, then it is refused', async () => {
    const res = await call('DELETE', `/users/${ids.user.id}`, 'admin1');
    assert.deepEqual(res.json(), [
      `Resource Error - User is associated with a Voicemail ('user_id': ${ids.user.id}, 'voicemail_id': ${ids.vm})`,
    ]);
  });

  it('when dissociated, then 204 and user_voicemail_dissociated; again changes nothing', async () => {
    const before = (await events()).length;
    assert.equal((await call('DELETE', `/users/${ids.user.id}/voicemails`, 'admin1')).statusCode, 204);
    assert.deepEqual(await since(before), ['user_voicemail_dissociated']);
    assert.equal((await call('GET', `/users/${ids.user.id}`, 'admin1')).json().voicemail, null);
    assert.equal((await call('DELETE', `/users/${ids.user.id}/voicemails`, 'admin1')).statusCode, 204);
    assert.deepEqual(await since(before), ['user_voicemail_dissociated']);
  });

  it('when a voicemail is created for a user, then 201, created and associated in one go', async () => {
    const before = (await events()).length;
    const res = await call('POST', `/users/${ids.other.uuid}/voicemails`, 'admin1', {
      name: 'Bob',
      number: '2000',
      context,
    });
    assert.equal(res.statusCode, 201, res.body);
    assert.equal(res.headers.location, `http://localhost:80/1.1/voicemails/${res.json().id}`);
    assert.deepEqual(res.json().users, [{ uuid: ids.other.uuid, firstname: 'Bob', lastname: null }]);
    assert.deepEqual(await since(before), ['voicemail_created', 'user_voicemail_associated']);
    const count = await rowCount(database, 'voicemail');
    const refused = await call('POST', `/users/${ids.other.uuid}/voicemails`, 'admin1', {
      name: 'Bob2',
      number: '2001',
      context,
    });
    assert.equal(refused.statusCode, 400);
    assert.equal(await rowCount(database, 'voicemail'), count, 'the refused association created nothing');
    const missing = await call('POST', '/users/999999/voicemails', 'admin1', {
      name: 'x',
      number: '2002',
      context,
    });
    assert.equal(missing.statusCode, 404);
    assert.equal(await rowCount(database, 'voicemail'), count);
  });

  it('when the user is deleted with recursive, then its voicemail goes too', async () => {
    const vm = (await call('GET', `/users/${ids.other.id}`, 'admin1')).json().voicemail;
    const before = (await events()).length;
    const res = await call('DELETE', `/users/${ids.other.id}?recursive=true`, 'admin1');
    assert.equal(res.statusCode, 204, res.body);
    assert.equal((await call('GET', `/voicemails/${vm.id}`, 'admin1')).statusCode, 404);
    assert.deepEqual(await since(before), [
      'user_voicemail_dissociated',
      'voicemail_deleted',
      'user_deleted',
    ]);
  });
});
