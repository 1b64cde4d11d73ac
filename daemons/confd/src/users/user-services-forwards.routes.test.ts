/**
 * The user services and forwards routes on a real PostgreSQL: get/put all and each, 204 on PUT,
 * Wazo's ACLs (incallfilter under dnd's), 404 across tenants, bad input changing nothing, and
 * one event per announced service or forward written to the outbox only with a commit.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { scopeOf } from '@wazo-ts/dao';
import { createMigratedTestDatabase, type MigratedTestDatabase } from '@wazo-ts/dao/testing';
import { buildTestApi, type TestApi } from '../testing/test-app.js';
import { userForwardsPlugin } from './user-forwards.routes.js';
import { userServicesPlugin } from './user-services.routes.js';

let database: MigratedTestDatabase;
let api: TestApi;
const tenant1 = randomUUID();
const tenant2 = randomUUID();
let user: { id: number; uuid: string };

before(async () => {
  database = await createMigratedTestDatabase({ prefix: 'wazo_confd_user_services' });
  api = await buildTestApi(database, [userServicesPlugin, userForwardsPlugin]);
  api.verifier.add({ token: 'admin1', acl: ['confd.#'], metadata: { tenant_uuid: tenant1 } });
  api.verifier.add({ token: 'admin2', acl: ['confd.#'], metadata: { tenant_uuid: tenant2 } });
  const { tenants, users } = api.resources.services;
  await tenants.ensure(tenant1);
  user = await users.create(scopeOf(tenant1), tenant1, { firstname: 'Alice' });
});
after(async () => {
  await api?.app.close();
  await database?.drop();
});

function call(method: 'GET' | 'PUT', url: string, token: string, body?: unknown) {
  return api.app.inject({
    method,
    url: `/1.1/users/${user.uuid}${url}`,
    headers: { 'x-auth-token': token },
    ...(body === undefined ? {} : { payload: body as object }),
  });
}
const outboxNames = async (): Promise<string[]> =>
  (await database.pool.query<{ name: string }>('SELECT name FROM bus_outbox ORDER BY id')).rows.map(
    (r) => r.name,
  );
async function newEvents<T>(work: () => Promise<T>): Promise<string[]> {
  const before = (await outboxNames()).length;
  await work();
  return (await outboxNames()).slice(before);
}

describe('user services routes', () => {
  it('when read, then both services are off', async () => {
    const res = await call('GET', '/services', 'admin1');
    assert.equal(res.statusCode, 200);
    assert.deepEqual(res.json(), { dnd: { enabled: false }, incallfilter: { enabled: false } });
  });

  it('when one service is put, then 204, it alone changes and it alone is announced', async () => {
    const events = await newEvents(async () => {
      const res = await call('PUT', '/services/dnd', 'admin1', { enabled: true });
      assert.equal(res.statusCode, 204);
    });
    assert.deepEqual(events, ['users_services_dnd_updated']);
    assert.deepEqual((await call('GET', '/services/dnd', 'admin1')).json(), { enabled: true });
    assert.deepEqual((await call('GET', '/services/incallfilter', 'admin1')).json(), { enabled: false });
  });

  it('when the set is put, then the given services change and every service is announced', async () => {
    const events = await newEvents(async () => {
      const res = await call('PUT', '/services', 'admin1', { incallfilter: { enabled: true } });
      assert.equal(res.statusCode, 204);
    });
    assert.deepEqual(events, ['users_services_dnd_updated', 'users_services_incallfilter_updated']);
    assert.deepEqual((await call('GET', '/services', 'admin1')).json(), {
      dnd: { enabled: true },
      incallfilter: { enabled: true },
    });
  });

  it('when incallfilter is reached, then the dnd ACLs guard it (as Wazo)', async () => {
    const token = randomUUID();
    const dnd = [
      `confd.users.${user.uuid}.services.dnd.read`,
      `confd.users.${user.uuid}.services.dnd.update`,
    ];
    api.verifier.add({ token, acl: dnd, metadata: { tenant_uuid: tenant1 } });
    assert.equal((await call('GET', '/services/incallfilter', token)).statusCode, 200);
    assert.equal((await call('PUT', '/services/incallfilter', token, { enabled: false })).statusCode, 204);
    assert.equal((await call('GET', '/services', token)).statusCode, 401);
    const own = randomUUID();
    const acl = [`confd.users.${user.uuid}.services.incallfilter.read`];
    api.verifier.add({ token: own, acl, metadata: { tenant_uuid: tenant1 } });
    assert.equal((await call('GET', '/services/incallfilter', own)).statusCode, 401);
  });

  it('when the body is bad, then marshmallow strings and nothing changes', async () => {
    const events = await newEvents(async () => {
      const missing = await call('PUT', '/services/dnd', 'admin1', {});
      assert.equal(missing.statusCode, 400);
      assert.deepEqual(missing.json(), ["Input Error - enabled: ['Missing data for required field.']"]);
      const wrong = await call('PUT', '/services', 'admin1', { dnd: { enabled: 'often' } });
      assert.equal(wrong.statusCode, 400);
    });
    assert.deepEqual(events, []);
    assert.deepEqual((await call('GET', '/services/dnd', 'admin1')).json(), { enabled: true });
  });
});

describe('user forwards routes', () => {
  const off = { enabled: false, destination: null };

  it('when read, then the three forwards are off without destination', async () => {
    const res = await call('GET', '/forwards', 'admin1');
    assert.equal(res.statusCode, 200);
    assert.deepEqual(res.json(), { busy: off, noanswer: off, unconditional: off });
  });

  it('when one forward is put, then 204, the fields given change and it alone is announced', async () => {
    const events = await newEvents(async () => {
      const body = { enabled: true, destination: '1234' };
      assert.equal((await call('PUT', '/forwards/unconditional', 'admin1', body)).statusCode, 204);
      assert.equal((await call('PUT', '/forwards/busy', 'admin1', { destination: '99' })).statusCode, 204);
    });
    assert.deepEqual(events, ['users_forwards_unconditional_updated', 'users_forwards_busy_updated']);
    assert.deepEqual((await call('GET', '/forwards/unconditional', 'admin1')).json(), {
      enabled: true,
      destination: '1234',
    });
    assert.deepEqual((await call('GET', '/forwards/busy', 'admin1')).json(), {
      enabled: false,
      destination: '99',
    });
  });

  it('when the set is put, then every forward is announced', async () => {
    const events = await newEvents(async () => {
      const res = await call('PUT', '/forwards', 'admin1', { noanswer: { enabled: true, destination: '5' } });
      assert.equal(res.statusCode, 204);
    });
    assert.deepEqual(events, [
      'users_forwards_busy_updated',
      'users_forwards_noanswer_updated',
      'users_forwards_unconditional_updated',
    ]);
    assert.deepEqual((await call('GET', '/forwards/noanswer', 'admin1')).json(), {
      enabled: true,
      destination: '5',
    });
  });

  it('when an enabled forward loses its destination or the body is bad, then 400 and nothing changes', async () => {
    const before = (await call('GET', '/forwards', 'admin1')).json();
    const events = await newEvents(async () => {
      const res = await call('PUT', '/forwards/unconditional', 'admin1', { destination: null });
      assert.equal(res.statusCode, 400);
      assert.deepEqual(res.json(), ['Resource Error - Forward must be disabled to remove destination']);
      const long = await call('PUT', '/forwards/busy', 'admin1', { destination: 'x'.repeat(129) });
      assert.equal(long.statusCode, 400);
    });
    assert.deepEqual(events, []);
    assert.deepEqual((await call('GET', '/forwards', 'admin1')).json(), before);
  });

  it('when the token lacks the forward ACL, then 401', async () => {
    const token = randomUUID();
    const acl = [`confd.users.${user.uuid}.forwards.busy.read`];
    api.verifier.add({ token, acl, metadata: { tenant_uuid: tenant1 } });
    assert.equal((await call('GET', '/forwards/busy', token)).statusCode, 200);
    assert.equal((await call('GET', '/forwards/noanswer', token)).statusCode, 401);
    assert.equal((await call('PUT', '/forwards/busy', token, { enabled: false })).statusCode, 401);
  });
});

describe('user services and forwards across tenants', () => {
  it('when another tenant reads or puts them, then 404 and nothing changes', async () => {
    const events = await newEvents(async () => {
      for (const [method, url, body] of [
        ['GET', '/services'],
        ['PUT', '/services/dnd', { enabled: false }],
        ['GET', '/forwards/busy'],
        ['PUT', '/forwards', { busy: { enabled: false } }],
      ] as const) {
        const res = await call(method, url, 'admin2', body);
        assert.equal(res.statusCode, 404, `${method} ${url}`);
        assert.deepEqual(res.json(), [`Resource Not Found - User was not found ('uuid': '${user.uuid}')`]);
      }
    });
    assert.deepEqual(events, []);
    assert.deepEqual((await call('GET', '/services/dnd', 'admin1')).json(), { enabled: true });
  });
});
