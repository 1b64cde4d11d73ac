/**
 * `POST /lines/{id}/extensions` on a real PostgreSQL: the extension is created and associated in
 * one transaction (201, Location, both events), and a refused association, a line of another
 * tenant or a bad body leave no extension and send nothing.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { createMigratedTestDatabase, type MigratedTestDatabase } from '@wazo-ts/dao/testing';
import { contextsPlugin } from '../contexts/contexts.routes.js';
import { extensionsPlugin } from '../extensions/extensions.routes.js';
import { caller, outboxNames, rowCount } from '../testing/route-calls.js';
import { buildTestApi, type TestApi } from '../testing/test-app.js';
import { lineAssociationsPlugin } from './line-associations.routes.js';
import { linesPlugin } from './lines.routes.js';

let database: MigratedTestDatabase;
let api: TestApi;
let call: ReturnType<typeof caller>;
const tenant1 = randomUUID();
const tenant2 = randomUUID();
let ctx: string;
let line: number;

before(async () => {
  database = await createMigratedTestDatabase({ prefix: 'wazo_confd_line_extension_create' });
  api = await buildTestApi(database, [contextsPlugin, extensionsPlugin, linesPlugin, lineAssociationsPlugin]);
  call = caller(api);
  api.verifier.add({ token: 'admin1', acl: ['confd.#'], metadata: { tenant_uuid: tenant1 } });
  api.verifier.add({ token: 'admin2', acl: ['confd.#'], metadata: { tenant_uuid: tenant2 } });
  const ranges = { user_ranges: [{ start: '1000', end: '1999' }] };
  ctx = (await call('POST', '/contexts', 'admin1', { label: 'internal', ...ranges })).json().name;
  const custom = { context: ctx, endpoint_custom: { interface: 'custom/a' } };
  line = (await call('POST', '/lines', 'admin1', custom)).json().id;
});
after(async () => {
  await api?.app.close();
  await database?.drop();
});

describe('line extension create', () => {
  it('when an extension is posted on a line, then 201 with it, a Location, and both events', async () => {
    const before = await outboxNames(database);
    const res = await call('POST', `/lines/${line}/extensions`, 'admin1', { exten: '1001', context: ctx });
    assert.equal(res.statusCode, 201, res.body);
    const extension = res.json();
    assert.deepEqual([extension.exten, extension.context], ['1001', ctx]);
    assert.match(String(res.headers.location), new RegExp(`/1\\.1/extensions/${extension.id}$`));
    assert.deepEqual((await outboxNames(database)).slice(before.length), [
      'extension_created',
      'line_extension_associated',
    ]);
    const read = (await call('GET', `/lines/${line}`, 'admin1')).json();
    assert.deepEqual(
      read.extensions.map((e: { id: number }) => e.id),
      [extension.id],
    );
  });

  it('when the association, the line or the body is refused, then no extension is left and nothing is sent', async () => {
    const before = [await rowCount(database, 'extension'), await outboxNames(database)];
    const second = await call('POST', `/lines/${line}/extensions`, 'admin1', { exten: '1002', context: ctx });
    assert.equal(second.statusCode, 400);
    assert.match(second.json()[0], /^Resource Error - Line is associated with a Extension/);
    const foreign = await call('POST', `/lines/${line}/extensions`, 'admin2', {
      exten: '1003',
      context: ctx,
    });
    assert.equal(foreign.statusCode, 400, foreign.body);
    const missing = await call('POST', '/lines/999999/extensions', 'admin1', { exten: '1004', context: ctx });
    assert.deepEqual(missing.json(), ["Resource Not Found - Line was not found ('id': 999999)"]);
    const bad = await call('POST', `/lines/${line}/extensions`, 'admin1', { context: ctx });
    assert.deepEqual(bad.json(), ["Input Error - exten: ['Missing data for required field.']"]);
    assert.deepEqual([await rowCount(database, 'extension'), await outboxNames(database)], before);
  });
});
