/**
 * wazo-confd's test_registers_iax and test_trunk_register_iax checklists on a real PostgreSQL:
 * minimal and full bodies, Wazo's field and cross-field errors changing nothing, a PUT merged and
 * checked whole, events, and a trunk's registration (exclusive of SIP and custom endpoints and
 * of other trunks), shown on both sides, going with the trunk.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { createMigratedTestDatabase, type MigratedTestDatabase } from '@wazo-ts/dao/testing';
import { answerLinksPlugin } from '../common/answer-links.js';
import { endpointCustomPlugin, endpointIaxPlugin } from '../endpoints/index.js';
import { caller, lastOutboxId, rowCount, sentSince } from '../testing/route-calls.js';
import { buildTestApi, type TestApi } from '../testing/test-app.js';
import { registersIaxPlugin, trunkEndpointsPlugin, trunkRegistersPlugin, trunksPlugin } from './index.js';

let database: MigratedTestDatabase;
let api: TestApi;
let call: ReturnType<typeof caller>;
const tenant1 = randomUUID();
const tenant2 = randomUUID();

before(async () => {
  database = await createMigratedTestDatabase({ prefix: 'wazo_confd_registers_iax' });
  api = await buildTestApi(database, [
    answerLinksPlugin,
    endpointIaxPlugin,
    endpointCustomPlugin,
    trunksPlugin,
    trunkEndpointsPlugin,
    registersIaxPlugin,
    trunkRegistersPlugin,
  ]);
  call = caller(api);
  api.verifier.add({ token: 'admin1', acl: ['confd.#'], metadata: { tenant_uuid: tenant1 } });
  api.verifier.add({ token: 'admin2', acl: ['confd.#'], metadata: { tenant_uuid: tenant2 } });
  for (const tenant of [tenant1, tenant2]) await api.resources.services.tenants.ensure(tenant);
});
after(async () => {
  await api?.app.close();
  await database?.drop();
});

async function created(path: string, body: object, token = 'admin1') {
  const res = await call('POST', path, token, body);
  assert.equal(res.statusCode, 201, res.body);
  return res.json();
}
const get = async (path: string) => {
  const res = await call('GET', path, 'admin1');
  assert.equal(res.statusCode, 200, res.body);
  return res.json();
};
const put = async (path: string, body: object = {}, expected = 204) => {
  const res = await call('PUT', path, 'admin1', body);
  assert.equal(res.statusCode, expected, `PUT ${path} ${JSON.stringify(body)}: ${res.body}`);
  return expected === 204 ? '' : (res.json() as string[])[0]!;
};

const all = {
  auth_username: 'auth-username',
  auth_password: 'auth-password',
  remote_host: 'remote-host',
  remote_port: 1234,
  callback_extension: 'callback-extension',
  callback_context: 'callback-context',
  enabled: true,
};

describe('IAX registers', () => {
  it('when created with remote_host only, then the rest null, enabled, a Location and register_iax_created', async () => {
    const from = await lastOutboxId(database);
    const res = await call('POST', '/registers/iax', 'admin1', { remote_host: 'remote-host' });
    assert.equal(res.statusCode, 201, res.body);
    const register = res.json();
    assert.deepEqual(register, {
      id: register.id,
      auth_username: null,
      auth_password: null,
      remote_host: 'remote-host',
      remote_port: null,
      callback_extension: null,
      callback_context: null,
      enabled: true,
      trunk: null,
      links: [{ rel: 'register_iax', href: `http://localhost:80/1.1/registers/iax/${register.id}` }],
    });
    assert.match(String(res.headers.location), new RegExp(`/1\\.1/registers/iax/${register.id}$`));
    const [event] = await sentSince(database, from);
    assert.deepEqual(
      [event?.name, event?.routing_key, event?.data],
      ['register_iax_created', 'config.register.iax.created', { id: register.id }],
    );
    assert.deepEqual(await get(`/registers/iax/${register.id}`), register);
    // Platform-wide: another tenant sees it too.
    assert.equal((await call('GET', `/registers/iax/${register.id}`, 'admin2')).statusCode, 200);
  });

  it('when created or edited with every field, then each is kept; a PUT keeps what it does not give', async () => {
    const register = await created('/registers/iax', all);
    assert.deepEqual({ ...register, id: 0, links: [] }, { ...all, id: 0, links: [], trunk: null });
    const from = await lastOutboxId(database);
    await put(`/registers/iax/${register.id}`, {});
    await put(`/registers/iax/${register.id}`, { remote_port: 4569, enabled: false });
    const edited = await get(`/registers/iax/${register.id}`);
    assert.deepEqual(
      [edited.remote_port, edited.enabled, edited.auth_username],
      [4569, false, 'auth-username'],
    );
    assert.deepEqual(
      (await sentSince(database, from)).map((e) => [e.name, e.routing_key, e.data]),
      Array(2).fill(['register_iax_edited', 'config.register.iax.edited', { id: register.id }]),
    );
  });

  it("when a field is wrong, then Wazo's words and nothing is written", async () => {
    const register = await created('/registers/iax', { remote_host: 'kept' });
    const before = await rowCount(database, 'register_iax');
    const cases: [object, RegExp][] = [
      [{ auth_username: ':', auth_password: 'x' }, /^Input Error - auth_username/],
      [{ auth_username: 'value with space', auth_password: 'x' }, /^Input Error - auth_username/],
      [{ auth_username: 123 }, /^Input Error - auth_username/],
      [{ auth_password: '/' }, /^Input Error - auth_password/],
      [{ remote_host: '?' }, /^Input Error - remote_host/],
      [{ remote_host: 'a:b' }, /^Input Error - remote_host/],
      [{ remote_host: true }, /^Input Error - remote_host/],
      [{ remote_port: 'invalid' }, /^Input Error - remote_port/],
      [{ remote_port: 65536 }, /^Input Error - remote_port/],
      [{ callback_extension: '?' }, /^Input Error - callback_extension/],
      [{ callback_context: 123 }, /^Input Error - callback_context/],
      [{ enabled: 'string' }, /^Input Error - enabled/],
      [
        { auth_username: 'user' },
        /^Input Error - auth_username: \['Cannot set field "auth_username" if the field "auth_password" is not set'\]/,
      ],
      [
        { callback_context: 'ctx' },
        /^Input Error - callback_context: \['Cannot set field "callback_context" if the field "callback_extension" is not set'\]/,
      ],
      [
        { callback_extension: 'x'.repeat(260) },
        /^Input Error - _schema: \['The sum of all fields is longer than maximum length 255'\]/,
      ],
    ];
    for (const [body, message] of cases) {
      const post = await call('POST', '/registers/iax', 'admin1', { remote_host: 'fresh', ...body });
      assert.equal(post.statusCode, 400, `POST ${JSON.stringify(body)}: ${post.body}`);
      assert.match(post.json()[0], message);
      assert.match(await put(`/registers/iax/${register.id}`, body, 400), message);
    }
    assert.match(
      (await call('POST', '/registers/iax', 'admin1', {})).json()[0],
      /^Input Error - remote_host/,
    );
    assert.equal(await rowCount(database, 'register_iax'), before);
    assert.equal((await get(`/registers/iax/${register.id}`)).remote_host, 'kept');
    for (const method of ['GET', 'PUT', 'DELETE'] as const) {
      const res = await call(method, '/registers/iax/999999', 'admin1', method === 'PUT' ? {} : undefined);
      assert.equal(res.statusCode, 404);
      assert.match(res.json()[0], /^Resource Not Found - IAXRegister was not found/);
    }
  });

  it('when listed and deleted, then Wazo paging, and register_iax_deleted', async () => {
    const register = await created('/registers/iax', { remote_host: 'listed' });
    const list = await get('/registers/iax?order=id&direction=desc&limit=1');
    assert.deepEqual([list.items[0].id, list.items.length], [register.id, 1]);
    const from = await lastOutboxId(database);
    assert.equal((await call('DELETE', `/registers/iax/${register.id}`, 'admin1')).statusCode, 204);
    assert.equal((await call('GET', `/registers/iax/${register.id}`, 'admin1')).statusCode, 404);
    const [event] = await sentSince(database, from);
    assert.deepEqual([event?.name, event?.data], ['register_iax_deleted', { id: register.id }]);
  });
});

describe('trunk registers', () => {
  it('when a trunk takes a register, then shown on both sides with trunk_register_iax_associated; gone with the trunk', async () => {
    const trunk = await created('/trunks', {});
    const register = await created('/registers/iax', { remote_host: 'provider' });
    const from = await lastOutboxId(database);
    await put(`/trunks/${trunk.id}/registers/iax/${register.id}`);
    assert.deepEqual((await get(`/trunks/${trunk.id}`)).register_iax, {
      id: register.id,
      links: [{ rel: 'register_iax', href: `http://localhost:80/1.1/registers/iax/${register.id}` }],
    });
    assert.equal((await get(`/registers/iax/${register.id}`)).trunk.id, trunk.id);
    const [event] = await sentSince(database, from);
    assert.deepEqual(
      [event?.name, event?.routing_key, event?.data, event?.headers.tenant_uuid],
      [
        'trunk_register_iax_associated',
        'config.trunks.registers.iax.updated',
        { trunk_id: trunk.id, register_id: register.id },
        tenant1,
      ],
    );
    const again = await lastOutboxId(database);
    await put(`/trunks/${trunk.id}/registers/iax/${register.id}`);
    assert.deepEqual(await sentSince(database, again), []);
    // An IAX endpoint goes with a register.
    const iax = await created('/endpoints/iax', { name: 'registered-iax' });
    await put(`/trunks/${trunk.id}/endpoints/iax/${iax.id}`);

    const removed = await lastOutboxId(database);
    assert.equal(
      (await call('DELETE', `/trunks/${trunk.id}/registers/iax/${register.id}`, 'admin1')).statusCode,
      204,
    );
    assert.equal((await get(`/trunks/${trunk.id}`)).register_iax, null);
    assert.deepEqual(
      (await sentSince(database, removed)).map((e) => [e.name, e.routing_key]),
      [['trunk_register_iax_dissociated', 'config.trunks.registers.iax.deleted']],
    );
    await put(`/trunks/${trunk.id}/registers/iax/${register.id}`);
    assert.equal((await call('DELETE', `/trunks/${trunk.id}`, 'admin1')).statusCode, 204);
    assert.equal((await call('GET', `/registers/iax/${register.id}`, 'admin1')).statusCode, 404);
  });

  it("when the register or trunk is taken, or the trunk has a custom endpoint, then Wazo's errors and nothing changes", async () => {
    const trunk = await created('/trunks', {});
    const other = await created('/trunks', {});
    const register = await created('/registers/iax', { remote_host: 'taken' });
    const second = await created('/registers/iax', { remote_host: 'second' });
    await put(`/trunks/${trunk.id}/registers/iax/${register.id}`);
    const from = await lastOutboxId(database);
    assert.match(
      await put(`/trunks/${other.id}/registers/iax/${register.id}`, {}, 400),
      new RegExp(
        `^Resource Error - Trunk is associated with a IAXRegister \\('trunk_id': ${trunk.id}, 'register_iax_id': ${register.id}\\)`,
      ),
    );
    assert.match(
      await put(`/trunks/${trunk.id}/registers/iax/${second.id}`, {}, 400),
      /^Resource Error - Trunk is associated with a IAXRegister/,
    );
    const custom = await created('/endpoints/custom', { interface: 'dahdi/registered' });
    assert.match(
      await put(`/trunks/${trunk.id}/endpoints/custom/${custom.id}`, {}, 400),
      new RegExp(
        `^Resource Error - Trunk is associated with a IAXRegister \\('trunk_id': ${trunk.id}, 'register_iax_id': ${register.id}\\)`,
      ),
    );
    await put(`/trunks/${other.id}/endpoints/custom/${custom.id}`);
    const afterCustom = await lastOutboxId(database);
    assert.match(
      await put(`/trunks/${other.id}/registers/iax/${second.id}`, {}, 400),
      /^Resource Error - Trunk is associated with a Endpoint \('trunk_id': \d+, 'protocol': 'custom'\)/,
    );
    assert.deepEqual(await sentSince(database, afterCustom), []);
    assert.deepEqual(
      (await sentSince(database, from)).map((e) => e.name),
      ['custom_endpoint_created', 'trunk_endpoint_custom_associated'],
    );
    assert.equal(
      (await call('PUT', `/trunks/${other.id}/registers/iax/999999`, 'admin1', {})).statusCode,
      404,
    );
    const foreign = await created('/trunks', {}, 'admin2');
    assert.match(
      (await call('PUT', `/trunks/${foreign.id}/registers/iax/${second.id}`, 'admin1', {})).json()[0],
      /^Resource Not Found - Trunk was not found/,
    );
    // Deleting a register leaves its trunk without one.
    assert.equal((await call('DELETE', `/registers/iax/${register.id}`, 'admin1')).statusCode, 204);
    assert.equal((await get(`/trunks/${trunk.id}`)).register_iax, null);
  });
});
