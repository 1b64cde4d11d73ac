/**
 * A user's outgoing caller ids, agent and the subscription counts on a real PostgreSQL: Wazo's
 * answers with no phone number or incall built and no agent made here (agents' own tests,
 * agents.routes.test.ts, associate real ones), the user's 404 across tenants first, no event,
 * and counts of the detected tenant only.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { scopeOf } from '@wazo-ts/dao';
import { createMigratedTestDatabase, type MigratedTestDatabase } from '@wazo-ts/dao/testing';
import { caller, outboxNames } from '../testing/route-calls.js';
import { buildTestApi, type TestApi } from '../testing/test-app.js';
import { userAgentsPlugin, userCallerIdsPlugin, userSubscriptionsPlugin } from './user-parts.routes.js';

let database: MigratedTestDatabase;
let api: TestApi;
let call: ReturnType<typeof caller>;
const tenant1 = randomUUID();
const tenant2 = randomUUID();
let user = { id: 0, uuid: '' };

before(async () => {
  database = await createMigratedTestDatabase({ prefix: 'wazo_confd_user_parts' });
  api = await buildTestApi(database, [userCallerIdsPlugin, userAgentsPlugin, userSubscriptionsPlugin]);
  call = caller(api);
  api.verifier.add({ token: 'admin1', acl: ['confd.#'], metadata: { tenant_uuid: tenant1 } });
  api.verifier.add({ token: 'admin2', acl: ['confd.#'], metadata: { tenant_uuid: tenant2 } });
  api.verifier.add({ token: 'nobody', acl: [], metadata: { tenant_uuid: tenant1 } });
  const { services } = api.resources;
  for (const tenant of [tenant1, tenant2]) await services.tenants.ensure(tenant);
  user = await services.users.create(scopeOf(tenant1), tenant1, { firstname: 'Ann' });
  await services.users.create(scopeOf(tenant1), tenant1, { firstname: 'Bob', subscription_type: 2 });
  await services.users.create(scopeOf(tenant1), tenant1, { firstname: 'Cid', subscription_type: 2 });
  await services.users.create(scopeOf(tenant2), tenant2, { firstname: 'Dee', subscription_type: 1 });
});
after(async () => {
  await api?.app.close();
  await database?.drop();
});

const userMissing = (key: number | string) =>
  typeof key === 'number'
    ? [`Resource Not Found - User was not found ('id': ${key})`]
    : [`Resource Not Found - User was not found ('uuid': '${key}')`];

describe('user caller ids', () => {
  it('when read by id or uuid, then anonymous only (no phone number nor incall exists)', async () => {
    for (const key of [user.id, user.uuid]) {
      const res = await call('GET', `/users/${key}/callerids/outgoing`, 'admin1');
      assert.equal(res.statusCode, 200);
      assert.deepEqual(res.json(), { total: 1, items: [{ type: 'anonymous' }] });
    }
  });

  it('when the user is of another tenant or unknown, then its 404', async () => {
    assert.deepEqual(
      (await call('GET', `/users/${user.id}/callerids/outgoing`, 'admin2')).json(),
      userMissing(user.id),
    );
    assert.deepEqual(
      (await call('GET', `/users/${user.uuid}/callerids/outgoing`, 'admin2')).json(),
      userMissing(user.uuid),
    );
    assert.equal((await call('GET', `/users/${user.id}/callerids/outgoing`, 'nobody')).statusCode, 401);
  });
});

describe('user agent', () => {
  it('when an agent is associated, then the agent is not found (none exists) and nothing is sent', async () => {
    const before = await outboxNames(database);
    const res = await call('PUT', `/users/${user.uuid}/agents/7`, 'admin1');
    assert.equal(res.statusCode, 404);
    assert.deepEqual(res.json(), ["Resource Not Found - Agent was not found ('id': 7)"]);
    assert.equal((await call('PUT', `/users/${user.id}/agents/abc`, 'admin1')).statusCode, 404);
    assert.deepEqual(await outboxNames(database), before);
  });

  it('when the user is of another tenant, then the user is not found before the agent', async () => {
    assert.deepEqual(
      (await call('PUT', `/users/${user.id}/agents/7`, 'admin2')).json(),
      userMissing(user.id),
    );
    assert.deepEqual(
      (await call('DELETE', `/users/${user.id}/agents`, 'admin2')).json(),
      userMissing(user.id),
    );
  });

  it('when the agent is dissociated, then 204 and no event: the user has none', async () => {
    const before = await outboxNames(database);
    assert.equal((await call('DELETE', `/users/${user.uuid}/agents`, 'admin1')).statusCode, 204);
    assert.deepEqual(await outboxNames(database), before);
    assert.equal((await call('DELETE', `/users/${user.uuid}/agents`, 'nobody')).statusCode, 401);
  });
});

describe('user subscriptions', () => {
  it('when counted, then the detected tenant only, one item per type in use', async () => {
    const res = await call('GET', '/users/subscriptions', 'admin1');
    assert.equal(res.statusCode, 200);
    assert.deepEqual(res.json(), {
      total: 2,
      items: [
        { id: 0, count: 1 },
        { id: 2, count: 2 },
      ],
    });
    assert.deepEqual((await call('GET', '/users/subscriptions', 'admin2')).json(), {
      total: 1,
      items: [{ id: 1, count: 1 }],
    });
    assert.equal((await call('GET', '/users/subscriptions', 'nobody')).statusCode, 401);
  });
});
