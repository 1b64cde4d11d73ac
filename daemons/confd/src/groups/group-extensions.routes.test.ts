/**
 * `/groups/{id or uuid}/extensions/{id}` on a real PostgreSQL, as line extensions: PUT associates
 * once (again: no event), the group then shows the extension; Wazo's refusals (a second extension,
 * an extension a line uses, outside the group ranges, another tenant's) change nothing; a line
 * cannot take a group's extension; DELETE dissociates.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { createMigratedTestDatabase, type MigratedTestDatabase } from '@wazo-ts/dao/testing';
import { contextsPlugin } from '../contexts/index.js';
import { extensionsPlugin } from '../extensions/index.js';
import { lineAssociationsPlugin, linesPlugin } from '../lines/index.js';
import { caller, outboxNames } from '../testing/route-calls.js';
import { buildTestApi, type TestApi } from '../testing/test-app.js';
import { groupExtensionsPlugin, groupsPlugin } from './index.js';

let database: MigratedTestDatabase;
let api: TestApi;
let call: ReturnType<typeof caller>;
const tenant = randomUUID();
const other = randomUUID();
let group: { id: number; uuid: string };
const ext: Record<string, number> = {};
let lineId: number;

before(async () => {
  database = await createMigratedTestDatabase({ prefix: 'wazo_confd_group_extensions' });
  const plugins = [groupsPlugin, groupExtensionsPlugin, contextsPlugin, extensionsPlugin, linesPlugin];
  api = await buildTestApi(database, [...plugins, lineAssociationsPlugin]);
  call = caller(api);
  api.verifier.add({ token: 'admin', acl: ['confd.#'], metadata: { tenant_uuid: tenant } });
  api.verifier.add({ token: 'other', acl: ['confd.#'], metadata: { tenant_uuid: other } });
  const ranges = {
    user_ranges: [{ start: '1000', end: '1999' }],
    group_ranges: [{ start: '2000', end: '2999' }],
  };
  const ctx = (await call('POST', '/contexts', 'admin', { label: 'internal', ...ranges })).json().name;
  const otherCtx = (await call('POST', '/contexts', 'other', { label: 'internal', ...ranges })).json().name;
  for (const [name, exten, context, token] of [
    ['sales', '2001', ctx, 'admin'],
    ['second', '2002', ctx, 'admin'],
    ['user', '1001', ctx, 'admin'],
    ['foreign', '2001', otherCtx, 'other'],
  ] as const) {
    const res = await call('POST', '/extensions', token, { exten, context });
    assert.equal(res.statusCode, 201, res.body);
    ext[name] = res.json().id;
  }
  lineId = (await call('POST', '/lines', 'admin', { context: ctx, endpoint_sip: {} })).json().id;
  group = (await call('POST', '/groups', 'admin', { label: 'Sales' })).json();
});
after(async () => {
  await api?.app.close();
  await database?.drop();
});

describe('group extensions', () => {
  it('when associated, then 204, the group shows it, and again is a no-op without event', async () => {
    const before = (await outboxNames(database)).length;
    const res = await call('PUT', `/groups/${group.uuid}/extensions/${ext.sales}`, 'admin');
    assert.equal(res.statusCode, 204, res.body);
    assert.equal((await call('PUT', `/groups/${group.id}/extensions/${ext.sales}`, 'admin')).statusCode, 204);
    assert.deepEqual((await outboxNames(database)).slice(before), ['group_extension_associated']);
    const read = (await call('GET', `/groups/${group.id}`, 'admin')).json();
    assert.deepEqual(
      read.extensions.map((e: { id: number; exten: string }) => [e.id, e.exten]),
      [[ext.sales, '2001']],
    );
  });

  it('when groups are listed by exten, or the extension reads, then the group is found', async () => {
    const byExten = (await call('GET', '/groups?exten=2001', 'admin')).json();
    assert.deepEqual(
      byExten.items.map((g: { uuid: string }) => g.uuid),
      [group.uuid],
    );
    assert.equal((await call('GET', '/groups?exten=2999', 'admin')).json().total, 0);
    assert.equal((await call('GET', '/groups?search=200', 'admin')).json().total, 1);
    const extension = (await call('GET', `/extensions/${ext.sales}`, 'admin')).json();
    assert.deepEqual(extension.group, { uuid: group.uuid, id: group.id, name: extension.group.name });
  });

  it("when refused (a second extension, outside the group ranges, another tenant's), then 400/404", async () => {
    const second = await call('PUT', `/groups/${group.id}/extensions/${ext.second}`, 'admin');
    assert.equal(second.statusCode, 400);
    assert.match(second.body, /Group is associated with a Extension/);
    const lone = (await call('POST', '/groups', 'admin', { label: 'Lone' })).json();
    const outside = await call('PUT', `/groups/${lone.id}/extensions/${ext.user}`, 'admin');
    assert.equal(outside.statusCode, 400);
    assert.match(outside.body, /outside of range/);
    assert.equal(
      (await call('PUT', `/groups/${lone.id}/extensions/${ext.foreign}`, 'admin')).statusCode,
      404,
    );
    assert.equal((await call('PUT', `/groups/${lone.id}/extensions/${ext.sales}`, 'admin')).statusCode, 400);
  });

  it('when a line has the extension, then no group takes it; a line takes no group extension', async () => {
    const lined = await call('PUT', `/lines/${lineId}/extensions/${ext.user}`, 'admin');
    assert.equal(lined.statusCode, 204, lined.body);
    const lone = (await call('POST', '/groups', 'admin', { label: 'Other' })).json();
    const res = await call('PUT', `/groups/${lone.id}/extensions/${ext.user}`, 'admin');
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /Extension is associated with a line/);
    await call('DELETE', `/lines/${lineId}/extensions/${ext.user}`, 'admin');
    const taken = await call('PUT', `/lines/${lineId}/extensions/${ext.sales}`, 'admin');
    assert.equal(taken.statusCode, 400);
    assert.match(taken.body, /Extension is associated with a group/);
  });

  it('when the extension is deleted while associated, then 400; after DELETE, it is free', async () => {
    assert.equal((await call('DELETE', `/extensions/${ext.sales}`, 'admin')).statusCode, 400);
    const before = (await outboxNames(database)).length;
    assert.equal(
      (await call('DELETE', `/groups/${group.id}/extensions/${ext.sales}`, 'admin')).statusCode,
      204,
    );
    assert.equal(
      (await call('DELETE', `/groups/${group.id}/extensions/${ext.sales}`, 'admin')).statusCode,
      204,
    );
    assert.deepEqual((await outboxNames(database)).slice(before), ['group_extension_dissociated']);
    assert.deepEqual((await call('GET', `/groups/${group.id}`, 'admin')).json().extensions, []);
    assert.equal((await call('DELETE', `/extensions/${ext.sales}`, 'admin')).statusCode, 204);
  });
});
