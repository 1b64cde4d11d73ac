/**
 * `/registrars` on a real PostgreSQL: the installed `default` registrar, create (minimal, full,
 * chosen id), search and paging, partial edit, delete, Wazo's events and errors, and the master
 * tenant rule.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { createMigratedTestDatabase, type MigratedTestDatabase } from '@wazo-ts/dao/testing';
import { caller, outboxNames } from '../testing/route-calls.js';
import { buildTestApi, fixedServiceToken, type TestApi } from '../testing/test-app.js';
import { registrarsPlugin } from './index.js';

let database: MigratedTestDatabase;
let api: TestApi;
let call: ReturnType<typeof caller>;
const master = randomUUID();

before(async () => {
  database = await createMigratedTestDatabase({ prefix: 'wazo_confd_registrars' });
  api = await buildTestApi(database, [registrarsPlugin], {
    serviceToken: fixedServiceToken('confd', master),
  });
  call = caller(api);
  api.verifier.add({ token: 'admin', acl: ['confd.#'], metadata: { tenant_uuid: master } });
  api.verifier.add({ token: 'sub', acl: ['confd.#'], metadata: { tenant_uuid: randomUUID() } });
  api.verifier.add({ token: 'reader', acl: ['confd.registrars.read'], metadata: { tenant_uuid: master } });
});
after(async () => {
  await api?.app.close();
  await database?.drop();
});

const blank = {
  name: null,
  main_port: null,
  backup_host: null,
  backup_port: null,
  proxy_main_port: null,
  proxy_backup_host: null,
  proxy_backup_port: null,
  outbound_proxy_host: null,
  outbound_proxy_port: null,
};

async function eventAfter(action: () => Promise<unknown>) {
  const before = (await outboxNames(database)).length;
  await action();
  const { rows } = await database.pool.query(
    'SELECT name, routing_key, body FROM bus_outbox ORDER BY id OFFSET $1',
    [before],
  );
  return rows.map((row) => ({
    name: row.name,
    key: row.routing_key,
    data: JSON.parse(row.body.toString()).data,
  }));
}

describe('registrars', () => {
  it('when installed, then the default registrar is there and not deletable', async () => {
    const res = await call('GET', '/registrars/default', 'admin');
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(res.json(), {
      ...blank,
      id: 'default',
      deletable: false,
      name: 'local',
      main_host: '127.0.0.1',
      proxy_main_host: '127.0.0.1',
    });
  });

  it('when created with the required hosts only, then defaults, a random id, Location and registrar_created', async () => {
    let res!: Awaited<ReturnType<typeof call>>;
    const events = await eventAfter(async () => {
      res = await call('POST', '/registrars', 'admin', { main_host: '1.2.3.4', proxy_main_host: '1.2.3.5' });
    });
    assert.equal(res.statusCode, 201, res.body);
    const created = res.json();
    assert.match(created.id, /^[0-9a-f]{32}$/);
    assert.deepEqual(created, {
      ...blank,
      id: created.id,
      deletable: true,
      main_host: '1.2.3.4',
      proxy_main_host: '1.2.3.5',
    });
    assert.match(String(res.headers.location), new RegExp(`/1.1/registrars/${created.id}$`));
    assert.deepEqual(events, [{ name: 'registrar_created', key: 'config.registrar.created', data: created }]);
    assert.deepEqual((await call('GET', `/registrars/${created.id}`, 'admin')).json(), created);
  });

  it('when created with an id and every field, then stored as given; the id again is refused', async () => {
    const body = {
      id: 'backup-site',
      deletable: false,
      name: 'Backup',
      main_host: '10.0.0.1',
      main_port: 5060,
      backup_host: '10.0.0.2',
      backup_port: 5061,
      proxy_main_host: '10.0.0.3',
      proxy_main_port: 5062,
      proxy_backup_host: '10.0.0.4',
      proxy_backup_port: 5063,
      outbound_proxy_host: '10.0.0.5',
      outbound_proxy_port: 5064,
    };
    const res = await call('POST', '/registrars', 'admin', body);
    assert.equal(res.statusCode, 201, res.body);
    assert.deepEqual(res.json(), body);
    const again = await call('POST', '/registrars', 'admin', body);
    assert.equal(again.statusCode, 400);
    assert.deepEqual(again.json(), ["Resource Error - Registrar already exists ('id': 'backup-site')"]);
  });

  it('when created without its hosts or with wrong types, then 400 naming the fields', async () => {
    const missing = await call('POST', '/registrars', 'admin', {});
    assert.equal(missing.statusCode, 400);
    assert.match(missing.body, /main_host/);
    assert.match(missing.body, /proxy_main_host/);
    for (const [field, value] of [
      ['main_port', 'abc'],
      ['deletable', 123],
      ['main_host', null],
    ] as const) {
      const res = await call('POST', '/registrars', 'admin', {
        main_host: 'h',
        proxy_main_host: 'h',
        [field]: value,
      });
      assert.equal(res.statusCode, 400, `${field}: ${res.body}`);
      assert.match(res.json()[0], new RegExp(`^Input Error - ${field}`));
    }
  });

  it('when edited, then only the fields given change, null clears, and registrar_edited carries it', async () => {
    const events = await eventAfter(() =>
      call('PUT', '/registrars/backup-site', 'admin', { name: null, main_port: 5070 }),
    );
    const read = (await call('GET', '/registrars/backup-site', 'admin')).json();
    assert.equal(read.name, null);
    assert.equal(read.main_port, 5070);
    assert.equal(read.backup_host, '10.0.0.2');
    assert.deepEqual(events, [{ name: 'registrar_edited', key: 'config.registrar.edited', data: read }]);
  });

  it('when searched, sorted and paged, then as a confd list', async () => {
    const all = (await call('GET', '/registrars', 'admin')).json();
    assert.equal(all.total, 3);
    const found = (await call('GET', '/registrars?search=backup', 'admin')).json();
    assert.deepEqual(
      found.items.map((r: { id: string }) => r.id),
      ['backup-site'],
    );
    const page = (
      await call('GET', '/registrars?order=main_host&direction=desc&limit=1&offset=1', 'admin')
    ).json();
    assert.equal(page.total, 3);
    assert.equal(page.items.length, 1);
    assert.equal((await call('GET', '/registrars?order=nope', 'admin')).statusCode, 400);
  });

  it('when deleted, then gone with registrar_deleted; unknown ids are 404', async () => {
    const events = await eventAfter(() => call('DELETE', '/registrars/backup-site', 'admin'));
    assert.deepEqual(
      events.map((e) => [e.name, e.key, e.data.id]),
      [['registrar_deleted', 'config.registrar.deleted', 'backup-site']],
    );
    for (const method of ['GET', 'PUT', 'DELETE'] as const) {
      const res = await call(method, '/registrars/backup-site', 'admin', method === 'PUT' ? {} : undefined);
      assert.equal(res.statusCode, 404, method);
      assert.deepEqual(res.json(), ["Resource Not Found - Registrar was not found ('id': 'backup-site')"]);
    }
  });

  it('when another tenant than the master calls, or the ACL is missing, then 401', async () => {
    assert.equal((await call('GET', '/registrars', 'sub')).statusCode, 401);
    assert.equal((await call('GET', '/registrars/default', 'sub')).statusCode, 401);
    assert.equal(
      (await call('POST', '/registrars', 'sub', { main_host: 'h', proxy_main_host: 'h' })).statusCode,
      401,
    );
    assert.equal((await call('PUT', '/registrars/default', 'sub', {})).statusCode, 401);
    assert.equal((await call('DELETE', '/registrars/default', 'sub')).statusCode, 401);
    assert.equal((await call('GET', '/registrars', 'reader')).statusCode, 200);
    assert.equal((await call('PUT', '/registrars/default', 'reader', {})).statusCode, 401);
  });
});
