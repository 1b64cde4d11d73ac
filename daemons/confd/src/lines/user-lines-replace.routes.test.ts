/**
 * `PUT /users/{id or uuid}/lines` on a real PostgreSQL: the user ends with exactly the listed
 * lines, the first as main line; refused lists (unknown line, duplicate, another tenant's line)
 * change nothing and send nothing.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { createMigratedTestDatabase, type MigratedTestDatabase } from '@wazo-ts/dao/testing';
import { contextsPlugin } from '../contexts/contexts.routes.js';
import { caller, type Method, outboxNames as outboxOf } from '../testing/route-calls.js';
import { buildTestApi, type TestApi } from '../testing/test-app.js';
import { usersPlugin } from '../users/users.routes.js';
import { lineAssociationsPlugin } from './line-associations.routes.js';
import { linesPlugin } from './lines.routes.js';

let database: MigratedTestDatabase;
let api: TestApi;
const tenant1 = randomUUID();
const tenant2 = randomUUID();

const call = (method: Method, url: string, token: string, body?: unknown) =>
  caller(api)(method, url, token, body);
const outboxNames = () => outboxOf(database);
const userLines = async (userId: number) =>
  (
    await database.pool.query<{ line_id: number; main_line: boolean }>(
      'SELECT line_id, main_line FROM user_line WHERE user_id = $1 ORDER BY line_id',
      [userId],
    )
  ).rows;

let lines: number[];
let foreignLine: number;
let user: { id: number; uuid: string };
before(async () => {
  database = await createMigratedTestDatabase({ prefix: 'wazo_confd_user_lines' });
  api = await buildTestApi(database, [usersPlugin, contextsPlugin, linesPlugin, lineAssociationsPlugin]);
  api.verifier.add({ token: 'admin1', acl: ['confd.#'], metadata: { tenant_uuid: tenant1 } });
  api.verifier.add({ token: 'admin2', acl: ['confd.#'], metadata: { tenant_uuid: tenant2 } });
  const newLine = async (token: string, context: string, name: string) =>
    (
      await call('POST', '/lines', token, { context, endpoint_custom: { interface: `custom/${name}` } })
    ).json().id as number;
  const ctx1 = (await call('POST', '/contexts', 'admin1', { label: 'internal' })).json().name;
  const ctx2 = (await call('POST', '/contexts', 'admin2', { label: 'internal' })).json().name;
  lines = [
    await newLine('admin1', ctx1, 'a'),
    await newLine('admin1', ctx1, 'b'),
    await newLine('admin1', ctx1, 'c'),
  ];
  foreignLine = await newLine('admin2', ctx2, 'z');
  user = (await call('POST', '/users', 'admin1', { firstname: 'Alice' })).json();
});
after(async () => {
  await api?.app.close();
  await database?.drop();
});

describe('PUT /users/{id}/lines', () => {
  it('when two lines are put, then both are associated and the first is the main line', async () => {
    const [a, b] = lines as [number, number, number];
    const res = await call('PUT', `/users/${user.uuid}/lines`, 'admin1', { lines: [{ id: b }, { id: a }] });
    assert.equal(res.statusCode, 204);
    assert.deepEqual(await userLines(user.id), [
      { line_id: a, main_line: false },
      { line_id: b, main_line: true },
    ]);
    const read = (await call('GET', `/users/${user.id}`, 'admin1')).json();
    assert.equal(read.lines[0].id, b, 'the main line comes first');
  });

  it('when the list changes, then left-out lines are dissociated first and every kept line is announced', async () => {
    const [a, b, c] = lines as [number, number, number];
    const before = (await outboxNames()).length;
    const res = await call('PUT', `/users/${user.id}/lines`, 'admin1', { lines: [{ id: c }, { id: a }] });
    assert.equal(res.statusCode, 204);
    assert.deepEqual(await userLines(user.id), [
      { line_id: a, main_line: false },
      { line_id: c, main_line: true },
    ]);
    assert.deepEqual((await outboxNames()).slice(before), [
      'user_line_dissociated',
      'user_line_associated',
      'user_line_associated',
    ]);
    assert.ok(!(await userLines(user.id)).some((l) => l.line_id === b));
  });

  it('when a new line is put first and the old main line after it, then the new one becomes main', async () => {
    const [a, b, c] = lines as [number, number, number];
    // Each step swaps the main line in place, in either direction, as a client may send it.
    const steps: number[][] = [[a], [b, a], [a, b], [b, a], [c, b, a], [a, c, b]];
    for (const step of steps) {
      const body = { lines: step.map((id) => ({ id })) };
      const res = await call('PUT', `/users/${user.id}/lines`, 'admin1', body);
      assert.equal(res.statusCode, 204, `${JSON.stringify(step)}: ${res.body}`);
      const main = (await userLines(user.id)).filter((l) => l.main_line).map((l) => l.line_id);
      assert.deepEqual(main, [step[0]]);
    }
    await call('PUT', `/users/${user.id}/lines`, 'admin1', { lines: [{ id: c }, { id: a }] });
  });

  it('when refused (unknown line, duplicate, another tenant, bad body), then nothing changes', async () => {
    const [a] = lines as [number, number, number];
    const state = await userLines(user.id);
    const events = await outboxNames();
    const cases: [unknown, number, string][] = [
      [
        { lines: [{ id: a }, { id: 999999 }] },
        400,
        "Input Error - field 'lines': Line was not found ('id': 999999)",
      ],
      [
        { lines: [{ id: a }, { id: a }] },
        400,
        'Resource Error - Operation not permitted. Cannot associate same line more than once',
      ],
      [
        { lines: [{ id: foreignLine }] },
        400,
        `Input Error - field 'lines': Line was not found ('id': ${foreignLine})`,
      ],
    ];
    for (const [body, status, message] of cases) {
      const res = await call('PUT', `/users/${user.id}/lines`, 'admin1', body);
      assert.equal(res.statusCode, status, JSON.stringify(body));
      assert.deepEqual(res.json(), [message]);
    }
    const bad = await call('PUT', `/users/${user.id}/lines`, 'admin1', { lines: [{ id: 'x' }] });
    assert.equal(bad.statusCode, 400);
    const foreign = await call('PUT', `/users/${user.id}/lines`, 'admin2', { lines: [] });
    assert.equal(foreign.statusCode, 404);
    assert.deepEqual(await userLines(user.id), state);
    assert.deepEqual(await outboxNames(), events);
  });

  it('when an empty list is put, then the user has no line left', async () => {
    assert.equal((await call('PUT', `/users/${user.id}/lines`, 'admin1', { lines: [] })).statusCode, 204);
    assert.deepEqual(await userLines(user.id), []);
  });
});
