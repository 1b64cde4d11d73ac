/**
 * `DELETE /users/{id}?recursive=true` for users on a SHARED line (U2 secondary user on U1's line),
 * on a real PostgreSQL and a real wazo-auth: either user goes alone, the line and its extension
 * stay with the other (the main user role passing on), and the last user takes the line with it.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { scopeOf } from '@wazo-ts/dao';
import { createMigratedTestDatabase, type MigratedTestDatabase } from '@wazo-ts/dao/testing';
import { type AuthUsersClient, createAuthUsersClient } from '../src/common/auth-users.js';
import { caller } from '../src/testing/route-calls.js';
import { buildTestApi, fixedServiceToken, type TestApi } from '../src/testing/test-app.js';
import { usersPlugin } from '../src/users/index.js';
import { type AuthWorld, startAuthWorld } from './support/auth-world.js';

let world: AuthWorld;
let database: MigratedTestDatabase;
let api: TestApi;
let client: AuthUsersClient;
let call: ReturnType<typeof caller>;
let tenant: string;
let context: string;
let nextExten = 1300;

before(async () => {
  world = await startAuthWorld();
  tenant = await world.newTenant();
  database = await createMigratedTestDatabase({ prefix: 'wazo_confd_users_shared_line' });
  client = createAuthUsersClient(world.authConfig);
  api = await buildTestApi(database, [usersPlugin], {
    authUsers: client,
    serviceToken: fixedServiceToken(world.serviceToken, world.auth.masterTenantUuid),
  });
  call = caller(api);
  api.verifier.add({ token: 'admin', acl: ['confd.#'], metadata: { tenant_uuid: tenant } });
  await api.resources.services.tenants.ensure(tenant);
  const range = { user_ranges: [{ start: '1000', end: '1999' }] };
  const created = await api.resources.services.contexts.create(scopeOf(tenant), tenant, {
    label: 'Internal',
    ...range,
  });
  context = created.name;
});
after(async () => {
  await api?.app.close();
  client?.close();
  await database?.drop();
  await world?.auth.stop();
});

interface Created {
  id: number;
  uuid: string;
  lines: { id: number }[];
}

/** U1 with a line and a login, U2 with a login added to U1's line as its secondary user. */
async function sharedLine() {
  const exten = String(nextExten++);
  const login = () => ({ username: `user-${randomBytes(4).toString('hex')}`, password: 'secret-pw' });
  const line = { context, endpoint_sip: {}, extensions: [{ exten, context }] };
  const u1 = await call('POST', '/users', 'admin', { firstname: 'Main', auth: login(), lines: [line] });
  assert.equal(u1.statusCode, 201, u1.body);
  const u2 = await call('POST', '/users', 'admin', { firstname: 'Second', auth: login() });
  assert.equal(u2.statusCode, 201, u2.body);
  const main = u1.json() as Created;
  const secondary = u2.json() as Created;
  const lineId = main.lines[0]!.id;
  await api.resources.services.userLines.associate(scopeOf(tenant), secondary.uuid, lineId);
  return { main, secondary, lineId, exten };
}

const usersOfLine = async (lineId: number) => {
  const { rows } = await database.pool.query(
    'SELECT u.uuid, ul.main_user FROM user_line ul JOIN users u ON u.id = ul.user_id WHERE ul.line_id = $1',
    [lineId],
  );
  return rows as { uuid: string; main_user: boolean }[];
};
const lineExists = async (lineId: number) =>
  (await database.pool.query('SELECT 1 FROM line WHERE id = $1', [lineId])).rowCount === 1;
const extensionExists = async (exten: string) =>
  (await database.pool.query('SELECT 1 FROM extension WHERE exten = $1', [exten])).rowCount === 1;

describe('DELETE /users/{id}?recursive=true on a shared line', () => {
  it('when the main user is deleted, then 204 and the line stays with the secondary user, now main', async () => {
    const { main, secondary, lineId, exten } = await sharedLine();
    const res = await call('DELETE', `/users/${main.uuid}?recursive=true`, 'admin');
    assert.equal(res.statusCode, 204, res.body);
    assert.equal((await call('GET', `/users/${main.uuid}`, 'admin')).statusCode, 404);
    assert.equal(await world.authUserStatus(main.uuid), 404);
    assert.deepEqual(await usersOfLine(lineId), [{ uuid: secondary.uuid, main_user: true }]);
    assert.ok(await extensionExists(exten));
    const left = await call('GET', `/users/${secondary.uuid}`, 'admin');
    assert.deepEqual(
      left.json().lines.map((l: { id: number }) => l.id),
      [lineId],
    );
  });

  it('when the secondary user is deleted, then 204 and the main user keeps its line', async () => {
    const { main, secondary, lineId, exten } = await sharedLine();
    const res = await call('DELETE', `/users/${secondary.uuid}?recursive=true`, 'admin');
    assert.equal(res.statusCode, 204, res.body);
    assert.equal(await world.authUserStatus(secondary.uuid), 404);
    assert.equal(await world.authUserStatus(main.uuid), 200);
    assert.deepEqual(await usersOfLine(lineId), [{ uuid: main.uuid, main_user: true }]);
    assert.ok(await lineExists(lineId));
    assert.ok(await extensionExists(exten));
  });

  it('when both users are deleted in turn, then the last one takes the line and its extension', async () => {
    const { main, secondary, lineId, exten } = await sharedLine();
    assert.equal((await call('DELETE', `/users/${main.uuid}?recursive=true`, 'admin')).statusCode, 204);
    assert.ok(await lineExists(lineId));
    const res = await call('DELETE', `/users/${secondary.uuid}?recursive=true`, 'admin');
    assert.equal(res.statusCode, 204, res.body);
    assert.equal(await lineExists(lineId), false);
    assert.equal(await extensionExists(exten), false);
  });
});
