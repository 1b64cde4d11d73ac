/**
 * External apps on a real PostgreSQL: a tenant's (create under a name with defaults and all
 * fields, Location, one name per tenant, partial edit, delete, events with the name only, the
 * name no identifier across tenants, recurse lists) and a user's (by uuid or id, its own name
 * space, `view=fallback` over the tenant's, 404 across tenants, gone with the user).
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { scopeOf } from '@wazo-ts/dao';
import { createMigratedTestDatabase, type MigratedTestDatabase } from '@wazo-ts/dao/testing';
import { answerLinksPlugin } from '../common/answer-links.js';
import { caller, lastOutboxId, rowCount, sentSince } from '../testing/route-calls.js';
import { buildTestApi, fixedServiceToken, type TestApi } from '../testing/test-app.js';
import { usersPlugin } from '../users/users.plugin.js';
import { externalAppsPlugin, userExternalAppsPlugin } from './index.js';

let database: MigratedTestDatabase;
let api: TestApi;
let call: ReturnType<typeof caller>;
const master = randomUUID();
const sub = randomUUID();
const other = randomUUID();
const users = { ann: { uuid: '', id: 0 }, sue: { uuid: '', id: 0 } };
const config = { url: 'https://app.example.com', options: { a: [1, 2], b: null } };

before(async () => {
  database = await createMigratedTestDatabase({ prefix: 'wazo_confd_external_apps' });
  api = await buildTestApi(
    database,
    [answerLinksPlugin, usersPlugin, externalAppsPlugin, userExternalAppsPlugin],
    {
      serviceToken: fixedServiceToken('service', master),
    },
  );
  call = caller(api);
  api.addSubtenant(master, sub);
  const { services } = api.resources;
  for (const tenant of [master, sub, other]) await services.tenants.ensure(tenant);
  users.ann = await services.users.create(scopeOf(master), master, { firstname: 'Ann' });
  users.sue = await services.users.create(scopeOf(sub), sub, { firstname: 'Sue' });
  api.verifier.add({ token: 'admin', acl: ['confd.#'], metadata: { tenant_uuid: master } });
  api.verifier.add({ token: 'subadmin', acl: ['confd.#'], metadata: { tenant_uuid: sub } });
  api.verifier.add({ token: 'other', acl: ['confd.#'], metadata: { tenant_uuid: other } });
  api.verifier.add({
    token: 'reader',
    acl: ['confd.external.apps.read', 'confd.external.apps.*.read'],
    metadata: { tenant_uuid: master },
  });
});
after(async () => {
  await api?.app.close();
  await database?.drop();
});

const href = (path: string) => `http://localhost:80/1.1${path}`;

describe('a tenant external app', () => {
  it('when created with no field, then label and configuration null, Location, and external_app_created with the name', async () => {
    const from = await lastOutboxId(database);
    const res = await call('POST', '/external/apps/minimal', 'admin', {});
    assert.equal(res.statusCode, 201, res.body);
    const links = [{ rel: 'external_apps', href: href('/external/apps/minimal') }];
    assert.deepEqual(res.json(), {
      tenant_uuid: master,
      name: 'minimal',
      label: null,
      configuration: null,
      links,
    });
    assert.equal(res.headers.location, href('/external/apps/minimal'));
    const events = await sentSince(database, from);
    assert.deepEqual(
      events.map((e) => [e.name, e.routing_key, e.data, e.headers.tenant_uuid, e.headers['user_uuid:*']]),
      [['external_app_created', 'config.external_apps.created', { name: 'minimal' }, master, true]],
    );
  });

  it('when created with every field, then read back as given, any JSON object kept whole', async () => {
    const res = await call('POST', '/external/apps/full', 'admin', { label: 'Full', configuration: config });
    assert.equal(res.statusCode, 201, res.body);
    const read = (await call('GET', '/external/apps/full', 'admin')).json();
    assert.deepEqual(read, {
      tenant_uuid: master,
      name: 'full',
      label: 'Full',
      configuration: config,
      links: [{ rel: 'external_apps', href: href('/external/apps/full') }],
    });
  });

  it('when a name is taken in the tenant, then 400 ExternalApp already exists; another tenant may use it', async () => {
    const res = await call('POST', '/external/apps/full', 'admin', {});
    assert.equal(res.statusCode, 400);
    assert.deepEqual(res.json(), [
      `Resource Error - ExternalApp already exists ('tenant_uuid': '${master}', 'name': 'full')`,
    ]);
    assert.equal((await call('POST', '/external/apps/full', 'subadmin', { label: 'Sub' })).statusCode, 201);
  });

  it('when fields are wrong, then 400 naming the field, and nothing changes', async () => {
    const before = await rowCount(database, 'external_app');
    for (const [field, value] of [
      ['label', 123],
      ['label', 'a'.repeat(257)],
      ['configuration', 'text'],
      ['configuration', [1]],
      ['configuration', 12],
    ] as const) {
      const res = await call('POST', '/external/apps/bad', 'admin', { [field]: value });
      assert.equal(res.statusCode, 400, `${field}: ${res.body}`);
      assert.match(res.json()[0], new RegExp(`^Input Error - ${field}`));
      assert.equal((await call('PUT', '/external/apps/full', 'admin', { [field]: value })).statusCode, 400);
    }
    const long = await call('POST', `/external/apps/${'n'.repeat(129)}`, 'admin', {});
    assert.deepEqual(long.json(), ["Input Error - name: ['Longer than maximum length 128.']"]);
    assert.equal(await rowCount(database, 'external_app'), before);
  });

  it('when edited, then only the given fields change, announced', async () => {
    const from = await lastOutboxId(database);
    assert.equal((await call('PUT', '/external/apps/full', 'admin', { label: null })).statusCode, 204);
    const read = (await call('GET', '/external/apps/full', 'admin')).json();
    assert.deepEqual([read.label, read.configuration], [null, config]);
    const events = await sentSince(database, from);
    assert.deepEqual(
      events.map((e) => [e.name, e.routing_key, e.data]),
      [['external_app_edited', 'config.external_apps.edited', { name: 'full' }]],
    );
  });

  it("when listed, then the tenant's sorted by name; the sub-tenant's only with recurse; searched and paged", async () => {
    const own = (await call('GET', '/external/apps', 'admin')).json();
    assert.deepEqual(
      own.items.map((a: { name: string }) => a.name),
      ['full', 'minimal'],
    );
    const all = (await call('GET', '/external/apps?recurse=true', 'admin')).json();
    assert.equal(all.total, 3);
    const search = (await call('GET', '/external/apps?search=min', 'admin')).json();
    assert.deepEqual(
      search.items.map((a: { name: string }) => a.name),
      ['minimal'],
    );
    const page = (await call('GET', '/external/apps?direction=desc&limit=1', 'admin')).json();
    assert.deepEqual([page.total, page.items[0].name], [2, 'minimal']);
    assert.equal((await call('GET', '/external/apps', 'reader')).statusCode, 200);
    assert.equal((await call('POST', '/external/apps/x', 'reader', {})).statusCode, 401);
  });

  it("when another tenant names the app, then 404 ExternalApp: a parent does not reach its sub-tenant's by name", async () => {
    for (const token of ['other'])
      for (const method of ['GET', 'PUT', 'DELETE'] as const) {
        const res = await call(method, '/external/apps/minimal', token, method === 'PUT' ? {} : undefined);
        assert.equal(res.statusCode, 404, `${method}: ${res.body}`);
        assert.deepEqual(res.json(), ["Resource Not Found - ExternalApp was not found ('name': 'minimal')"]);
      }
    const parent = (await call('GET', '/external/apps/full', 'admin')).json();
    assert.equal(parent.tenant_uuid, master);
    const child = (await call('GET', '/external/apps/full', 'admin', undefined, sub)).json();
    assert.equal(child.label, 'Sub');
  });

  it('when deleted, then gone and announced', async () => {
    const from = await lastOutboxId(database);
    assert.equal((await call('DELETE', '/external/apps/minimal', 'admin')).statusCode, 204);
    assert.equal((await call('GET', '/external/apps/minimal', 'admin')).statusCode, 404);
    assert.deepEqual(
      (await sentSince(database, from)).map((e) => [e.name, e.data]),
      [['external_app_deleted', { name: 'minimal' }]],
    );
  });
});

describe("a user's external app", () => {
  const url = (user: { uuid: string } | { id: number }, name = '') =>
    `/users/${'uuid' in user ? user.uuid : user.id}/external/apps${name ? `/${name}` : ''}`;

  it('when created, then 201 with name, label and configuration, Location by uuid, and user_external_app_created', async () => {
    const from = await lastOutboxId(database);
    const res = await call('POST', url({ id: users.ann.id }, 'phone'), 'admin', {
      label: 'Mine',
      configuration: config,
    });
    assert.equal(res.statusCode, 201, res.body);
    assert.deepEqual(res.json(), { name: 'phone', label: 'Mine', configuration: config });
    assert.equal(res.headers.location, href(`/users/${users.ann.uuid}/external/apps/phone`));
    const events = await sentSince(database, from);
    assert.deepEqual(
      events.map((e) => [e.name, e.routing_key, e.data, e.headers.tenant_uuid]),
      [['user_external_app_created', 'config.user_external_apps.created', { name: 'phone' }, master]],
    );
    const again = await call('POST', url(users.ann, 'phone'), 'admin', {});
    assert.deepEqual(again.json(), [
      `Resource Error - UserExternalApp already exists ('user_uuid': '${users.ann.uuid}', 'name': 'phone')`,
    ]);
  });

  it('when read, edited and listed, then as a confd list of the user only', async () => {
    assert.deepEqual((await call('GET', url(users.ann, 'phone'), 'admin')).json(), {
      name: 'phone',
      label: 'Mine',
      configuration: config,
    });
    assert.equal(
      (await call('PUT', url(users.ann, 'phone'), 'admin', { configuration: null })).statusCode,
      204,
    );
    const list = (await call('GET', url(users.ann), 'admin')).json();
    assert.deepEqual(list, { total: 1, items: [{ name: 'phone', label: 'Mine', configuration: null }] });
    const missing = await call('GET', url(users.ann, 'full'), 'admin');
    assert.equal(missing.statusCode, 404);
    assert.deepEqual(missing.json(), ["Resource Not Found - UserExternalApp was not found ('name': 'full')"]);
  });

  it("when view=fallback, then the tenant's apps fill in those the user has not", async () => {
    const got = (await call('GET', `${url(users.ann, 'full')}?view=fallback`, 'admin')).json();
    assert.deepEqual(got, { name: 'full', label: null, configuration: config });
    const list = (await call('GET', `${url(users.ann)}?view=fallback`, 'admin')).json();
    assert.deepEqual(list.items.map((a: { name: string }) => a.name).sort(), ['full', 'phone']);
    assert.equal(list.total, 2);
    const bad = await call('GET', `${url(users.ann)}?view=other`, 'admin');
    assert.equal(bad.statusCode, 400);
    assert.match(bad.json()[0], /^Input Error - view/);
  });

  it("when the user is another tenant's, then 404 User; the parent reaches its sub-tenant's user", async () => {
    const foreign = await call('GET', url(users.ann), 'other');
    assert.equal(foreign.statusCode, 404);
    assert.deepEqual(foreign.json(), [
      `Resource Not Found - User was not found ('uuid': '${users.ann.uuid}')`,
    ]);
    assert.equal((await call('POST', url(users.ann, 'x'), 'other', {})).statusCode, 404);
    assert.equal((await call('POST', url(users.sue, 'phone'), 'admin', {})).statusCode, 201);
    assert.equal((await call('GET', url({ id: 999999 }), 'admin')).statusCode, 404);
    assert.equal((await call('GET', '/users/nobody/external/apps', 'admin')).statusCode, 404);
  });

  it('when deleted, then gone and announced; when the user is deleted, then its apps go', async () => {
    const from = await lastOutboxId(database);
    assert.equal((await call('DELETE', url(users.ann, 'phone'), 'admin')).statusCode, 204);
    assert.equal((await call('DELETE', url(users.ann, 'phone'), 'admin')).statusCode, 404);
    assert.deepEqual(
      (await sentSince(database, from)).map((e) => e.name),
      ['user_external_app_deleted'],
    );
    assert.equal(await rowCount(database, 'user_external_app'), 1);
    assert.equal((await call('DELETE', `/users/${users.sue.uuid}`, 'admin')).statusCode, 204);
    assert.equal(await rowCount(database, 'user_external_app'), 0);
  });
});
