/**
 * The line associations through the app on a real PostgreSQL: line-extension and user-line PUT and
 * DELETE answer 204 with their events, a repeated PUT changes nothing, another tenant gets 404,
 * a refused association writes nothing.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { createMigratedTestDatabase, type MigratedTestDatabase } from '@wazo-ts/dao/testing';
import { contextsPlugin } from '../contexts/contexts.routes.js';
import { extensionsPlugin } from '../extensions/extensions.routes.js';
import { buildTestApi, type TestApi } from '../testing/test-app.js';
import { usersPlugin } from '../users/users.routes.js';
import { lineAssociationsPlugin } from './line-associations.routes.js';
import { linesPlugin } from './lines.routes.js';

let database: MigratedTestDatabase;
let api: TestApi;
const tenant1 = randomUUID();
const tenant2 = randomUUID();

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';
function call(method: Method, url: string, token: string, body?: unknown) {
  return api.app.inject({
    method,
    url: `/1.1${url}`,
    headers: { 'x-auth-token': token },
    ...(body === undefined ? {} : { payload: body as object }),
  });
}
const outboxNames = async (): Promise<string[]> =>
  (await database.pool.query<{ name: string }>('SELECT name FROM bus_outbox ORDER BY id')).rows.map(
    (r) => r.name,
  );
const links = async (table: string): Promise<number> =>
  Number((await database.pool.query(`SELECT count(*) AS n FROM ${table}`)).rows[0].n);

let ctx: string;
let line: number;
let line2: number;
let exten: number;
let outside: number;
let user: { id: number; uuid: string };
before(async () => {
  database = await createMigratedTestDatabase({ prefix: 'wazo_confd_line_links' });
  api = await buildTestApi(database, [
    usersPlugin,
    contextsPlugin,
    extensionsPlugin,
    linesPlugin,
    lineAssociationsPlugin,
  ]);
  api.verifier.add({ token: 'admin1', acl: ['confd.#'], metadata: { tenant_uuid: tenant1 } });
  api.verifier.add({ token: 'admin2', acl: ['confd.#'], metadata: { tenant_uuid: tenant2 } });
  api.verifier.add({ token: 'reader', acl: ['confd.lines.read'], metadata: { tenant_uuid: tenant1 } });
  const ranges = { user_ranges: [{ start: '1000', end: '1999' }] };
  ctx = (await call('POST', '/contexts', 'admin1', { label: 'internal', ...ranges })).json().name;
  line = (
    await call('POST', '/lines', 'admin1', { context: ctx, endpoint_custom: { interface: 'custom/a' } })
  ).json().id;
  line2 = (
    await call('POST', '/lines', 'admin1', { context: ctx, endpoint_custom: { interface: 'custom/b' } })
  ).json().id;
  exten = (await call('POST', '/extensions', 'admin1', { exten: '1001', context: ctx })).json().id;
  outside = (await call('POST', '/extensions', 'admin1', { exten: '3000', context: ctx })).json().id;
  user = (await call('POST', '/users', 'admin1', { firstname: 'Alice' })).json();
});
after(async () => {
  await api?.app.close();
  await database?.drop();
});

describe('line associations', () => {
  it('when a line and an extension are associated, then 204 once, and the line shows it', async () => {
    const before = await outboxNames();
    for (let i = 0; i < 2; i++) {
      assert.equal((await call('PUT', `/lines/${line}/extensions/${exten}`, 'admin1')).statusCode, 204);
    }
    assert.deepEqual(await outboxNames(), [...before, 'line_extension_associated']);
    const read = (await call('GET', `/extensions/${exten}`, 'admin1')).json();
    assert.deepEqual(
      read.lines.map((l: { id: number }) => l.id),
      [line],
    );
  });

  it('when a user and the line are associated by uuid, then 204 and user_line_associated', async () => {
    const before = await outboxNames();
    assert.equal((await call('PUT', `/users/${user.uuid}/lines/${line}`, 'admin1')).statusCode, 204);
    assert.equal((await call('PUT', `/users/${user.id}/lines/${line}`, 'admin1')).statusCode, 204);
    assert.deepEqual(await outboxNames(), [...before, 'user_line_associated']);
    assert.equal(await links('user_line'), 1);
  });

  it('when another tenant or a refused association tries, then errors and nothing changes', async () => {
    const before = await outboxNames();
    const counts = [await links('user_line'), await links('line_extension')];
    const cases: [Method, string, string, number, string][] = [
      [
        'PUT',
        `/lines/${line}/extensions/${exten}`,
        'admin2',
        404,
        `Resource Not Found - Line was not found ('id': ${line})`,
      ],
      [
        'DELETE',
        `/lines/${line}/extensions/${exten}`,
        'admin2',
        404,
        `Resource Not Found - Line was not found ('id': ${line})`,
      ],
      [
        'PUT',
        `/users/${user.uuid}/lines/${line}`,
        'admin2',
        404,
        `Resource Not Found - User was not found ('uuid': '${user.uuid}')`,
      ],
      [
        'DELETE',
        `/users/${user.id}/lines/${line}`,
        'admin2',
        404,
        `Resource Not Found - User was not found ('id': ${user.id})`,
      ],
      [
        'PUT',
        `/lines/${line}/extensions/999999`,
        'admin1',
        404,
        "Resource Not Found - Extension was not found ('id': 999999)",
      ],
      [
        'PUT',
        `/lines/${line2}/extensions/${outside}`,
        'admin1',
        400,
        `Input Error - Extension '3000' is outside of range for context '${ctx}'`,
      ],
      [
        'PUT',
        `/lines/${line}/extensions/${outside}`,
        'admin1',
        400,
        `Resource Error - Line is associated with a Extension ('line_id': ${line}, 'extension_id': ${exten})`,
      ],
    ];
    for (const [method, url, token, status, message] of cases) {
      const res = await call(method, url, token);
      assert.equal(res.statusCode, status, url);
      assert.deepEqual(res.json(), [message], url);
    }
    assert.deepEqual([await links('user_line'), await links('line_extension')], counts);
    assert.deepEqual(await outboxNames(), before);
  });

  it('when dissociated, then 204s and the dissociated events', async () => {
    assert.equal((await call('DELETE', `/users/${user.uuid}/lines/${line}`, 'admin1')).statusCode, 204);
    assert.equal((await call('DELETE', `/lines/${line}/extensions/${exten}`, 'admin1')).statusCode, 204);
    assert.deepEqual((await outboxNames()).slice(-2), [
      'user_line_dissociated',
      'line_extension_dissociated',
    ]);
    assert.deepEqual([await links('user_line'), await links('line_extension')], [0, 0]);
  });

  it('when the token lacks the ACL, then 401', async () => {
    assert.equal((await call('PUT', `/lines/${line}/extensions/${exten}`, 'reader')).statusCode, 401);
    assert.equal((await call('DELETE', `/users/${user.id}/lines/${line}`, 'reader')).statusCode, 401);
  });
});
