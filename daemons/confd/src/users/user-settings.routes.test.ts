/**
 * The user services and forwards routes on a real PostgreSQL, one suite run for each kind: get
 * and put all and each, 204 on PUT, Wazo's ACLs, 404 across tenants, and one event per announced
 * setting written to the outbox only with a commit. Then each kind's own: incallfilter under
 * dnd's ACLs and marshmallow's body errors; the forwards' destination rule.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { scopeOf } from '@wazo-ts/dao';
import { createMigratedTestDatabase, type MigratedTestDatabase } from '@wazo-ts/dao/testing';
import { outboxNames } from '../testing/route-calls.js';
import { buildTestApi, type TestApi } from '../testing/test-app.js';
import { userForwardsPlugin, userServicesPlugin } from './user-settings.plugins.js';

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
async function newEvents<T>(work: () => Promise<T>): Promise<string[]> {
  const before = (await outboxNames(database)).length;
  await work();
  return (await outboxNames(database)).slice(before);
}
const read = async (url: string) => (await call('GET', url, 'admin1')).json();

const servicesOff = { enabled: false };
const forwardsOff = { enabled: false, destination: null };

/** Each kind: its settings when new, PUTs of one setting (in order) and of the set, and their effect. */
const kinds = [
  {
    kind: 'services',
    fresh: { dnd: servicesOff, incallfilter: servicesOff },
    ones: [{ name: 'dnd', body: { enabled: true }, after: { enabled: true } }],
    untouched: { name: 'incallfilter', value: servicesOff },
    set: { body: { incallfilter: { enabled: true } }, name: 'incallfilter', after: { enabled: true } },
  },
  {
    kind: 'forwards',
    fresh: { busy: forwardsOff, noanswer: forwardsOff, unconditional: forwardsOff },
    ones: [
      {
        name: 'unconditional',
        body: { enabled: true, destination: '1234' },
        after: { enabled: true, destination: '1234' },
      },
      { name: 'busy', body: { destination: '99' }, after: { enabled: false, destination: '99' } },
    ],
    untouched: { name: 'noanswer', value: forwardsOff },
    set: {
      body: { noanswer: { enabled: true, destination: '5' } },
      name: 'noanswer',
      after: { enabled: true, destination: '5' },
    },
  },
];

for (const { kind, fresh, ones, untouched, set } of kinds) {
  describe(`user ${kind} routes`, () => {
    const names = Object.keys(fresh);

    it(`when read, then every one of the ${kind} is off`, async () => {
      const res = await call('GET', `/${kind}`, 'admin1');
      assert.equal(res.statusCode, 200);
      assert.deepEqual(res.json(), fresh);
    });

    it('when one is put, then 204, the fields given change and it alone is announced', async () => {
      const events = await newEvents(async () => {
        for (const one of ones)
          assert.equal((await call('PUT', `/${kind}/${one.name}`, 'admin1', one.body)).statusCode, 204);
      });
      assert.deepEqual(
        events,
        ones.map((one) => `users_${kind}_${one.name}_updated`),
      );
      for (const one of ones) assert.deepEqual(await read(`/${kind}/${one.name}`), one.after);
      assert.deepEqual(await read(`/${kind}/${untouched.name}`), untouched.value);
    });

    it('when the set is put, then the given ones change and every one is announced', async () => {
      const events = await newEvents(async () => {
        assert.equal((await call('PUT', `/${kind}`, 'admin1', set.body)).statusCode, 204);
      });
      assert.deepEqual(
        events,
        names.map((name) => `users_${kind}_${name}_updated`),
      );
      assert.deepEqual(await read(`/${kind}/${set.name}`), set.after);
    });

    it(`when the token has only one's read ACL, then the others and the updates are 401`, async () => {
      const token = randomUUID();
      const acl = [`confd.users.${user.uuid}.${kind}.${names[0]}.read`];
      api.verifier.add({ token, acl, metadata: { tenant_uuid: tenant1 } });
      assert.equal((await call('GET', `/${kind}/${names[0]}`, token)).statusCode, 200);
      assert.equal((await call('GET', `/${kind}`, token)).statusCode, 401);
      assert.equal((await call('PUT', `/${kind}/${names[0]}`, token, { enabled: false })).statusCode, 401);
    });

    it('when another tenant reads or puts them, then 404 and nothing changes', async () => {
      const before = await read(`/${kind}`);
      const events = await newEvents(async () => {
        for (const [method, url, body] of [
          ['GET', `/${kind}`],
          ['GET', `/${kind}/${names[0]}`],
          ['PUT', `/${kind}/${names[0]}`, { enabled: false }],
          ['PUT', `/${kind}`, { [names[0]!]: { enabled: false } }],
        ] as const) {
          const res = await call(method, url, 'admin2', body);
          assert.equal(res.statusCode, 404, `${method} ${url}`);
          assert.deepEqual(res.json(), [`Resource Not Found - User was not found ('uuid': '${user.uuid}')`]);
        }
      });
      assert.deepEqual(events, []);
      assert.deepEqual(await read(`/${kind}`), before);
    });
  });
}

describe('user services routes, their own rules', () => {
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
    const before = await read('/services');
    const events = await newEvents(async () => {
      const missing = await call('PUT', '/services/dnd', 'admin1', {});
      assert.equal(missing.statusCode, 400);
      assert.deepEqual(missing.json(), ["Input Error - enabled: ['Missing data for required field.']"]);
      const wrong = await call('PUT', '/services', 'admin1', { dnd: { enabled: 'often' } });
      assert.equal(wrong.statusCode, 400);
    });
    assert.deepEqual(events, []);
    assert.deepEqual(await read('/services'), before);
  });
});

describe('user forwards routes, their own rules', () => {
  it('when an enabled forward loses its destination or the body is bad, then 400 and nothing changes', async () => {
    const before = await read('/forwards');
    const events = await newEvents(async () => {
      const res = await call('PUT', '/forwards/unconditional', 'admin1', { destination: null });
      assert.equal(res.statusCode, 400);
      assert.deepEqual(res.json(), ['Resource Error - Forward must be disabled to remove destination']);
      const long = await call('PUT', '/forwards/busy', 'admin1', { destination: 'x'.repeat(129) });
      assert.equal(long.statusCode, 400);
    });
    assert.deepEqual(events, []);
    assert.deepEqual(await read('/forwards'), before);
  });

  it("when the token has one forward's ACL, then another forward's is 401", async () => {
    const token = randomUUID();
    const acl = [`confd.users.${user.uuid}.forwards.busy.read`];
    api.verifier.add({ token, acl, metadata: { tenant_uuid: tenant1 } });
    assert.equal((await call('GET', '/forwards/busy', token)).statusCode, 200);
    assert.equal((await call('GET', '/forwards/noanswer', token)).statusCode, 401);
  });
});
