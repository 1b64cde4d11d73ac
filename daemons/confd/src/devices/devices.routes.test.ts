/**
 * The devices and line_device routes on a real PostgreSQL: Wazo's defaults, MAC format and
 * uniqueness, 404 across tenants, list params, events only with a commit, autoprov and
 * synchronize without a provisioning server, unallocated devices, and a line's device with
 * Wazo's association rules.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { scopeOf } from '@wazo-ts/dao';
import { createMigratedTestDatabase, type MigratedTestDatabase } from '@wazo-ts/dao/testing';
import { caller, outboxNames, rowCount } from '../testing/route-calls.js';
import { buildTestApi, type TestApi } from '../testing/test-app.js';
import { devicesPlugin } from './devices.routes.js';
import { lineDevicesPlugin } from './line-devices.routes.js';

let database: MigratedTestDatabase;
let api: TestApi;
let call: ReturnType<typeof caller>;
const tenant1 = randomUUID();
const child1 = randomUUID();
const tenant2 = randomUUID();
const events = () => outboxNames(database);
const since = async (count: number) => (await events()).slice(count);
const lines = { ready: 0, bare: 0, second: 0 };

before(async () => {
  database = await createMigratedTestDatabase({ prefix: 'wazo_confd_devices' });
  api = await buildTestApi(database, [devicesPlugin, lineDevicesPlugin]);
  call = caller(api);
  api.addSubtenant(tenant1, child1);
  api.verifier.add({ token: 'admin1', acl: ['confd.#'], metadata: { tenant_uuid: tenant1 } });
  api.verifier.add({ token: 'admin2', acl: ['confd.#'], metadata: { tenant_uuid: tenant2 } });
  const { services } = api.resources;
  for (const tenant of [tenant1, child1, tenant2]) await services.tenants.ensure(tenant);
  const scope = scopeOf(tenant1);
  const context = (
    await services.contexts.create(scope, tenant1, {
      label: 'internal',
      user_ranges: [{ start: '1000', end: '1999' }],
    })
  ).name;
  const user = await services.users.create(scope, tenant1, { firstname: 'Ann' });
  const lineWithAll = async (exten: string) => {
    const line = await services.lines.create(scope, { context, endpoint_sip: {} });
    const extension = await services.extensions.create(scope, { exten, context });
    await services.lineExtensions.associate(scope, line.id, extension.id);
    await services.userLines.associate(scope, user.uuid, line.id);
    return line.id;
  };
  lines.ready = await lineWithAll('1001');
  lines.second = await lineWithAll('1002');
  lines.bare = (await services.lines.create(scope, { context })).id;
});
after(async () => {
  await api?.app.close();
  await database?.drop();
});

describe('devices routes', () => {
  let device: { id: string };

  it("when created without fields, then 201 with Location, Wazo's defaults and device_created", async () => {
    const res = await call('POST', '/devices', 'admin1', {});
    assert.equal(res.statusCode, 201, res.body);
    device = res.json();
    assert.match(device.id, /^[0-9a-f]{32}$/);
    assert.equal(res.headers.location, `http://localhost:80/1.1/devices/${device.id}`);
    assert.deepEqual(res.json(), {
      id: device.id,
      tenant_uuid: tenant1,
      is_new: false,
      status: 'not_configured',
      ip: null,
      mac: null,
      sn: null,
      plugin: null,
      vendor: null,
      model: null,
      version: null,
      description: null,
      template_id: null,
      options: null,
    });
    assert.deepEqual((await events()).at(-1), 'device_created');
  });

  it('when created with every field, then the MAC is lowercase and each field is read back', async () => {
    const body = {
      ip: '10.0.0.1',
      mac: 'AA:BB:CC:DD:EE:FF',
      sn: 'sn1',
      plugin: 'wazo-yealink',
      vendor: 'Yealink',
      model: 'T46',
      version: '1.0',
      description: 'desk',
      template_id: 'tpl',
      options: { switchboard: true },
    };
    const res = await call('POST', '/devices', 'admin1', body);
    assert.equal(res.statusCode, 201, res.body);
    const read = (await call('GET', `/devices/${res.json().id}`, 'admin1')).json();
    assert.deepEqual(read, { ...res.json(), ...body, mac: 'aa:bb:cc:dd:ee:ff' });
  });

  it('when the MAC or IP is malformed or the MAC taken, then 400 and nothing is written', async () => {
    const count = await rowCount(database, 'device');
    const bad = await call('POST', '/devices', 'admin1', { mac: 'aa:bb' });
    assert.deepEqual(bad.json(), ["Input Error - mac: ['String does not match expected pattern.']"]);
    assert.equal((await call('POST', '/devices', 'admin1', { ip: '999.1.1.1' })).statusCode, 400);
    const taken = await call('POST', '/devices', 'admin2', { mac: 'aa:bb:cc:dd:ee:ff' });
    assert.deepEqual(taken.json(), ["Resource Error - Device already exists ('mac': 'aa:bb:cc:dd:ee:ff')"]);
    const edit = await call('PUT', `/devices/${device.id}`, 'admin1', { mac: 'AA:BB:CC:DD:EE:FF' });
    assert.equal(edit.statusCode, 400);
    assert.equal(await rowCount(database, 'device'), count);
  });

  it('when edited, then the given fields change and device_edited', async () => {
    const before = (await events()).length;
    const res = await call('PUT', `/devices/${device.id}`, 'admin1', {
      description: 'lobby',
      mac: '00:11:22:33:44:55',
    });
    assert.equal(res.statusCode, 204, res.body);
    const read = (await call('GET', `/devices/${device.id}`, 'admin1')).json();
    assert.deepEqual([read.description, read.mac, read.ip], ['lobby', '00:11:22:33:44:55', null]);
    assert.deepEqual(await since(before), ['device_edited']);
  });

  it('when another tenant (or a sub-tenant) reads, edits or deletes it, then 404', async () => {
    const before = await events();
    for (const [method, url, body] of [
      ['GET', ''],
      ['PUT', '', {}],
      ['DELETE', ''],
      ['GET', '/autoprov'],
      ['GET', '/synchronize'],
    ] as const) {
      const res = await call(method, `/devices/${device.id}${url}`, 'admin2', body);
      assert.equal(res.statusCode, 404, `${method} ${url}`);
      assert.deepEqual(res.json(), [`Resource Not Found - Device was not found ('id': '${device.id}')`]);
    }
    assert.equal((await call('GET', `/devices/${device.id}`, 'admin1', undefined, child1)).statusCode, 404);
    assert.deepEqual(await events(), before);
  });

  it('when listed, then the tenant (sub-tenants on recurse), searched and sorted by ip', async () => {
    await call('POST', '/devices', 'admin1', { ip: '10.0.0.2', description: 'child' }, child1);
    const own = (await call('GET', '/devices', 'admin1')).json();
    assert.equal(own.total, 2);
    const all = (await call('GET', '/devices?recurse=true', 'admin1')).json();
    assert.deepEqual(
      all.items.map((d: { ip: string | null }) => d.ip),
      ['10.0.0.1', '10.0.0.2', null],
    );
    const found = (await call('GET', '/devices?search=yealink', 'admin1')).json();
    assert.deepEqual([found.total, found.items[0].vendor], [1, 'Yealink']);
    const byMac = (await call('GET', '/devices?mac=00:11:22:33:44:55', 'admin1')).json();
    assert.deepEqual(
      byMac.items.map((d: { id: string }) => d.id),
      [device.id],
    );
  });

  it('when a line is put on the device, then Wazo refuses a line missing its endpoint, and line_device_associated', async () => {
    const bare = await call('PUT', `/lines/${lines.bare}/devices/${device.id}`, 'admin1');
    assert.deepEqual(bare.json(), [
      `Resource Error - Line must be associated with a Endpoint ('line_id': ${lines.bare})`,
    ]);
    const before = (await events()).length;
    const res = await call('PUT', `/lines/${lines.ready}/devices/${device.id}`, 'admin1');
    assert.equal(res.statusCode, 204, res.body);
    assert.deepEqual(await since(before), ['line_device_associated']);
    assert.equal((await call('PUT', `/lines/${lines.ready}/devices/${device.id}`, 'admin1')).statusCode, 204);
    assert.deepEqual(await since(before), ['line_device_associated']);
    const line = (await call('GET', `/lines/${lines.ready}/devices`, 'admin1')).json();
    assert.deepEqual(line, { line_id: lines.ready, device_id: device.id });
    const list = (await call('GET', `/devices/${device.id}/lines`, 'admin1')).json();
    assert.deepEqual(list, { total: 1, items: [{ line_id: lines.ready, device_id: device.id }] });
    const same = await call('PUT', `/lines/${lines.second}/devices/${device.id}`, 'admin1');
    assert.deepEqual(same.json(), [
      'Resource Error - Cannot associate 2 lines with same position (position: 1)',
    ]);
    const none = await call('GET', `/lines/${lines.second}/devices`, 'admin1');
    assert.deepEqual(none.json(), [
      `Resource Not Found - LineDevice was not found ('line_id': ${lines.second})`,
    ]);
  });

  it('when a device serving a line is deleted, then it is refused', async () => {
    const res = await call('DELETE', `/devices/${device.id}`, 'admin1');
    assert.deepEqual(res.json(), [
      `Resource Error - Device is associated with a Line ('device_id': '${device.id}', 'line_ids': (${lines.ready},))`,
    ]);
  });

  it('when reset to autoprov, then its lines are taken off, status autoprov; synchronize is a 204', async () => {
    const before = (await events()).length;
    assert.equal((await call('GET', `/devices/${device.id}/autoprov`, 'admin1')).statusCode, 204);
    assert.deepEqual(await since(before), ['line_device_dissociated']);
    const read = (await call('GET', `/devices/${device.id}`, 'admin1')).json();
    assert.deepEqual([read.status, read.options, read.template_id], ['autoprov', null, null]);
    assert.equal((await call('GET', `/devices/${device.id}/synchronize`, 'admin1')).statusCode, 204);
  });

  it('when a line is taken off its device, then 204 and line_device_dissociated; again nothing', async () => {
    await call('PUT', `/lines/${lines.ready}/devices/${device.id}`, 'admin1');
    const before = (await events()).length;
    assert.equal(
      (await call('DELETE', `/lines/${lines.ready}/devices/${device.id}`, 'admin1')).statusCode,
      204,
    );
    assert.equal(
      (await call('DELETE', `/lines/${lines.ready}/devices/${device.id}`, 'admin1')).statusCode,
      204,
    );
    assert.deepEqual(await since(before), ['line_device_dissociated']);
  });

  it('when an unallocated device is given to a tenant, then it leaves the unallocated list', async () => {
    const { rows } = await database.pool.query<{ id: string }>(
      'INSERT INTO device (tenant_uuid, is_new) VALUES ($1, true) RETURNING id',
      [tenant2],
    );
    const id = rows[0]!.id;
    const unallocated = (await call('GET', '/devices/unallocated', 'admin1')).json();
    assert.deepEqual(
      unallocated.items.map((d: { id: string }) => d.id),
      [id],
    );
    assert.equal((await call('PUT', `/devices/unallocated/${id}`, 'admin1')).statusCode, 204);
    const read = (await call('GET', `/devices/${id}`, 'admin1')).json();
    assert.deepEqual([read.tenant_uuid, read.is_new], [tenant1, false]);
    assert.equal((await call('GET', '/devices/unallocated', 'admin1')).json().total, 0);
    assert.equal((await call('PUT', `/devices/unallocated/${id}`, 'admin1')).statusCode, 404);
  });

  it('when deleted, then 204, device_deleted, and a second delete is a 404', async () => {
    const before = (await events()).length;
    assert.equal((await call('DELETE', `/devices/${device.id}`, 'admin1')).statusCode, 204);
    assert.deepEqual(await since(before), ['device_deleted']);
    assert.equal((await call('DELETE', `/devices/${device.id}`, 'admin1')).statusCode, 404);
  });
});
