/**
 * The schedules routes on a real PostgreSQL: CRUD, list params, 404 across tenants, bad input
 * changing nothing, and schedule events in the outbox only with a commit.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { createMigratedTestDatabase, type MigratedTestDatabase } from '@wazo-ts/dao/testing';
import { caller, outboxNames, rowCount } from '../testing/route-calls.js';
import { buildTestApi, type TestApi } from '../testing/test-app.js';
import { schedulesPlugin } from './schedules.routes.js';

let database: MigratedTestDatabase;
let api: TestApi;
let call: ReturnType<typeof caller>;
const tenant1 = randomUUID();
const child1 = randomUUID();
const tenant2 = randomUUID();
const events = () => outboxNames(database);
const closed = { closed_destination: { type: 'none' } };

before(async () => {
  database = await createMigratedTestDatabase({ prefix: 'wazo_confd_schedules' });
  api = await buildTestApi(database, [schedulesPlugin]);
  call = caller(api);
  api.addSubtenant(tenant1, child1);
  api.verifier.add({ token: 'admin1', acl: ['confd.#'], metadata: { tenant_uuid: tenant1 } });
  api.verifier.add({ token: 'admin2', acl: ['confd.#'], metadata: { tenant_uuid: tenant2 } });
  api.verifier.add({ token: 'reader', acl: ['confd.schedules.read'], metadata: { tenant_uuid: tenant1 } });
});
after(async () => {
  await api?.app.close();
  await database?.drop();
});

describe('schedules routes', () => {
  let office: { id: number };

  it('when a schedule is created, then 201 with Location, period defaults and schedule_created', async () => {
    const res = await call('POST', '/schedules', 'admin1', {
      ...closed,
      name: 'office',
      open_periods: [{ hours_start: '08:00', hours_end: '17:00' }],
    });
    assert.equal(res.statusCode, 201, res.body);
    office = res.json();
    assert.equal(res.headers.location, `http://localhost:80/1.1/schedules/${office.id}`);
    assert.equal(res.json().tenant_uuid, tenant1);
    assert.equal(res.json().enabled, true);
    assert.equal(res.json().open_periods[0].week_days.length, 7);
    assert.deepEqual(await events(), ['schedule_created']);
  });

  it('when read, then the schedule; a non-numeric or unknown id is a 404', async () => {
    const res = await call('GET', `/schedules/${office.id}`, 'admin1');
    assert.deepEqual([res.statusCode, res.json().name], [200, 'office']);
    assert.equal((await call('GET', '/schedules/abc', 'admin1')).statusCode, 404);
    const unknown = await call('GET', '/schedules/999999', 'admin1');
    assert.deepEqual(unknown.json(), ["Resource Not Found - Schedule was not found ('id': 999999)"]);
  });

  it('when another tenant reads, edits or deletes it, then 404 and nothing changes', async () => {
    const before = await events();
    for (const [method, body] of [['GET'], ['PUT', { name: 'x' }], ['DELETE']] as const) {
      const res = await call(method, `/schedules/${office.id}`, 'admin2', body);
      assert.equal(res.statusCode, 404, method);
      assert.deepEqual(res.json(), [`Resource Not Found - Schedule was not found ('id': ${office.id})`]);
    }
    assert.equal((await call('GET', `/schedules/${office.id}`, 'admin1')).json().name, 'office');
    assert.deepEqual(await events(), before);
  });

  it('when listed, then only the tenant, sub-tenants on recurse, with list params', async () => {
    await call('POST', '/schedules', 'admin1', { ...closed, name: 'night' }, child1);
    await call('POST', '/schedules', 'admin2', { ...closed, name: 'other' });
    const own = (await call('GET', '/schedules', 'reader')).json();
    assert.deepEqual([own.total, own.items[0].name], [1, 'office']);
    const all = (await call('GET', '/schedules?recurse=true&order=name&direction=desc', 'reader')).json();
    assert.deepEqual(
      all.items.map((s: { name: string }) => s.name),
      ['office', 'night'],
    );
    const page = (await call('GET', '/schedules?recurse=true&limit=1&offset=1', 'reader')).json();
    assert.deepEqual([page.total, page.items[0].name], [2, 'office']);
    const found = (await call('GET', '/schedules?recurse=true&search=nig', 'reader')).json();
    assert.deepEqual([found.total, found.items[0].name], [1, 'night']);
    const bad = await call('GET', '/schedules?limit=0', 'reader');
    assert.deepEqual(bad.json(), ["Input Error - field 'limit': wrong type. Should be a positive number"]);
  });

  it('when the body is bad, then confd strings and nothing is written', async () => {
    const count = await rowCount(database, 'schedules');
    const before = await events();
    const missing = await call('POST', '/schedules', 'admin1', { name: 'x' });
    assert.equal(missing.statusCode, 400);
    assert.deepEqual(missing.json(), [
      "Input Error - closed_destination: ['Missing data for required field.']",
    ]);
    const hours = await call('PUT', `/schedules/${office.id}`, 'admin1', {
      open_periods: [{ hours_start: '25:00', hours_end: '17:00' }],
    });
    assert.equal(hours.statusCode, 400);
    assert.equal(await rowCount(database, 'schedules'), count);
    assert.equal(
      (await call('GET', `/schedules/${office.id}`, 'admin1')).json().open_periods[0].hours_start,
      '08:00',
    );
    assert.deepEqual(await events(), before);
  });

  it('when edited and deleted, then 204s and schedule_edited then schedule_deleted', async () => {
    const edit = await call('PUT', `/schedules/${office.id}`, 'admin1', {
      name: 'office hours',
      enabled: false,
    });
    assert.equal(edit.statusCode, 204, edit.body);
    const read = (await call('GET', `/schedules/${office.id}`, 'admin1')).json();
    assert.deepEqual([read.name, read.enabled], ['office hours', false]);
    assert.equal((await call('DELETE', `/schedules/${office.id}`, 'admin1')).statusCode, 204);
    assert.equal((await call('GET', `/schedules/${office.id}`, 'admin1')).statusCode, 404);
    assert.deepEqual((await events()).slice(-2), ['schedule_edited', 'schedule_deleted']);
  });

  it('when the token lacks the ACL, then 401', async () => {
    assert.equal((await call('POST', '/schedules', 'reader', closed)).statusCode, 401);
  });
});
