/**
 * The user composite when wazo-auth's answers go wrong, on a real PostgreSQL and a real wazo-auth
 * behind a proxy that can lose answers: a create whose answer is lost after wazo-auth made the
 * user deletes that user again (and says so in the log); a refusal sends no delete. A recursive
 * delete removes the login only once confd committed, and logs the uuid if wazo-auth fails then.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { scopeOf } from '@wazo-ts/dao';
import { createMigratedTestDatabase, type MigratedTestDatabase } from '@wazo-ts/dao/testing';
import { type AuthUsersClient, createAuthUsersClient } from '../src/common/auth-users.js';
import { rowCount } from '../src/testing/route-calls.js';
import { buildTestApi, type TestApi } from '../src/testing/test-app.js';
import { createUserComposite } from '../src/users/user-composite.js';
import { type AuthWorld, authClientConfigOf, startAuthWorld } from './support/auth-world.js';
import { type LossyProxy, startLossyProxy } from './support/lossy-proxy.js';

let world: AuthWorld;
let proxy: LossyProxy;
let database: MigratedTestDatabase;
let api: TestApi;
let client: AuthUsersClient;
let tenant: string;
const logged: { level: string; details: Record<string, unknown>; message: string }[] = [];
const logger = {
  warn: (details: object, message: string) =>
    logged.push({ level: 'warn', details: { ...details }, message }),
  error: (details: object, message: string) =>
    logged.push({ level: 'error', details: { ...details }, message }),
};

before(async () => {
  world = await startAuthWorld();
  tenant = await world.newTenant();
  proxy = await startLossyProxy(world.auth.url);
  client = createAuthUsersClient(authClientConfigOf(proxy.url));
  database = await createMigratedTestDatabase({ prefix: 'wazo_confd_users_auth_failures' });
  api = await buildTestApi(database, []);
  await api.resources.services.tenants.ensure(tenant);
});
after(async () => {
  await api?.app.close();
  client?.close();
  await proxy?.stop();
  await database?.drop();
  await world?.auth.stop();
});

const composite = () =>
  createUserComposite({
    services: api.resources.services,
    authUsers: client,
    serviceToken: () => world.serviceToken,
    logger,
  });
const login = () => `user-${randomBytes(4).toString('hex')}`;
const body = (username: string) => ({ firstname: 'Alice', auth: { username, password: 'secret-pw' } });

describe('POST /users when wazo-auth answers badly', () => {
  it('when the answer of wazo-auth is lost after it created the user, then that user is deleted and logged', async () => {
    const username = login();
    const users = await rowCount(database, 'users');
    logged.length = 0;
    proxy.dropAnswer = (method, path) => method === 'POST' && path === '/0.1/users';
    try {
      await assert.rejects(composite().create(scopeOf(tenant), tenant, body(username)), {
        message: 'Authentication server unreachable',
      });
    } finally {
      proxy.dropAnswer = () => false;
    }
    assert.equal(await world.authUsersNamed(username), 0);
    assert.equal(await rowCount(database, 'users'), users);
    const [entry] = logged;
    assert.equal(entry?.level, 'warn');
    assert.match(entry?.message ?? '', /wazo-auth user deleted/);
    assert.equal(typeof entry?.details.user_uuid, 'string');
  });

  it('when the request never reached wazo-auth, then the compensating delete finds nothing and says so', async () => {
    const username = login();
    logged.length = 0;
    // The POST goes where nothing listens; the compensating DELETE reaches the real wazo-auth.
    const away = createAuthUsersClient(authClientConfigOf('http://127.0.0.1:9'));
    const lost = createUserComposite({
      services: api.resources.services,
      authUsers: { create: away.create, delete: client.delete },
      serviceToken: () => world.serviceToken,
      logger,
    });
    try {
      await assert.rejects(lost.create(scopeOf(tenant), tenant, body(username)), {
        message: 'Authentication server unreachable',
      });
    } finally {
      away.close();
    }
    assert.equal(await world.authUsersNamed(username), 0);
    assert.match(logged[0]?.message ?? '', /wazo-auth had no such user/);
  });

  it('when wazo-auth refuses the login, then no delete is sent to it', async () => {
    const taken = await world.auth.seedUser({ username: login() });
    const seen = proxy.seen.length;
    await assert.rejects(composite().create(scopeOf(tenant), tenant, body(taken.username)), {
      message: `Resource Error - User already exists ('username': '${taken.username}')`,
    });
    assert.deepEqual(proxy.seen.slice(seen), ['POST /0.1/users']);
    assert.equal(await world.authUsersNamed(taken.username), 1);
  });
});

describe('DELETE /users/{id}?recursive=true when a step fails', () => {
  const created = async () => {
    const user = await composite().create(scopeOf(tenant), tenant, body(login()));
    assert.equal(await world.authUserStatus(user.uuid), 200);
    return user;
  };

  it('when the confd commit fails, then the wazo-auth user stays with the confd user', async () => {
    const user = await created();
    const { services } = api.resources;
    const transaction = services.transaction;
    // A failure after the work, as a failing COMMIT would be: the rows roll back.
    services.transaction = (work) =>
      transaction(async () => {
        await work();
        throw new Error('commit failed');
      });
    try {
      await assert.rejects(composite().delete(scopeOf(tenant), user.uuid, true), /commit failed/);
    } finally {
      services.transaction = transaction;
    }
    assert.equal(await world.authUserStatus(user.uuid), 200);
    assert.equal((await services.users.get(scopeOf(tenant), user.uuid)).uuid, user.uuid);
  });

  it('when wazo-auth fails after the commit, then the delete succeeds and the uuid is logged', async () => {
    const user = await created();
    logged.length = 0;
    proxy.dropAnswer = (method) => method === 'DELETE';
    try {
      await composite().delete(scopeOf(tenant), user.uuid, true);
    } finally {
      proxy.dropAnswer = () => false;
    }
    await assert.rejects(api.resources.services.users.get(scopeOf(tenant), user.uuid), /User was not found/);
    const [entry] = logged;
    assert.equal(entry?.level, 'error');
    assert.equal(entry?.details.user_uuid, user.uuid);
    assert.match(entry?.message ?? '', new RegExp(user.uuid));
  });
});
