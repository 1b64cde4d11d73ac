/**
 * confd's tenant view on a real PostgreSQL: a list shows the scoping tenant (its sub-tenants
 * with `recurse=true`), an item outside the caller's tenants is 404, every tenant shows Wazo's
 * SIP template fields (the uuids of the templates the sync made); and the system lists (time zones, sound languages).
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { createMigratedTestDatabase, type MigratedTestDatabase } from '@wazo-ts/dao/testing';
import { endpointSipPlugin } from '../endpoints/index.js';
import { soundLanguagesPlugin, timezonesPlugin } from '../system/index.js';
import { caller } from '../testing/route-calls.js';
import { buildTestApi, type TestApi } from '../testing/test-app.js';
import { tenantsPlugin } from './index.js';

let database: MigratedTestDatabase;
let api: TestApi;
let call: ReturnType<typeof caller>;
const main = randomUUID();
const sub = randomUUID();

before(async () => {
  database = await createMigratedTestDatabase({ prefix: 'wazo_confd_tenants' });
  api = await buildTestApi(database, [
    tenantsPlugin,
    timezonesPlugin,
    soundLanguagesPlugin,
    endpointSipPlugin,
  ]);
  call = caller(api);
  api.verifier.add({ token: 'main', acl: ['confd.#'], metadata: { tenant_uuid: main } });
  api.verifier.add({ token: 'sub', acl: ['confd.#'], metadata: { tenant_uuid: sub } });
  api.verifier.add({ token: 'none', acl: [], metadata: { tenant_uuid: main } });
  api.addSubtenant(main, sub);
  await api.resources.services.tenants.ensure(main, 'main', 'Main');
  await api.resources.services.tenants.ensure(sub, 'sub', 'Sub');
});
after(async () => {
  await api?.app.close();
  await database?.drop();
});

const view = (uuid: string) => ({
  uuid,
  sip_templates_generated: false,
  global_sip_template_uuid: null,
  webrtc_sip_template_uuid: null,
  registration_trunk_sip_template_uuid: null,
  meeting_guest_sip_template_uuid: null,
});

describe('tenants', () => {
  it('when listed, then the scoping tenant only; with recurse, its sub-tenants too', async () => {
    assert.deepEqual((await call('GET', '/tenants', 'main')).json(), { total: 1, items: [view(main)] });
    assert.deepEqual((await call('GET', '/tenants', 'main', undefined, sub)).json(), {
      total: 1,
      items: [view(sub)],
    });
    const all = (await call('GET', '/tenants?recurse=true', 'main')).json();
    assert.equal(all.total, 2);
    assert.deepEqual(all.items.map((t: { uuid: string }) => t.uuid).sort(), [main, sub].sort());
  });

  it('when read by uuid, then its view; another tenant or an unknown uuid is 404', async () => {
    assert.deepEqual((await call('GET', `/tenants/${sub}`, 'main')).json(), view(sub));
    const hidden = await call('GET', `/tenants/${main}`, 'sub');
    assert.equal(hidden.statusCode, 404);
    assert.match(hidden.json()[0], /^Resource Not Found - Tenant was not found/);
    assert.equal((await call('GET', '/tenants/not-a-uuid', 'main')).statusCode, 404);
  });

  it('when the sync gave a tenant its default SIP templates, then the view shows their uuids as Wazo', async () => {
    const synced = randomUUID();
    api.verifier.add({ token: 'synced', acl: ['confd.#'], metadata: { tenant_uuid: synced } });
    await api.resources.services.tenants.ensureWithSipTemplates(synced, 'synced');
    const templates = (await call('GET', '/endpoints/sip/templates', 'synced')).json().items;
    const uuidOf = (label: string) => templates.find((t: { label: string }) => t.label === label)?.uuid;
    assert.equal(templates.length, 5);
    assert.deepEqual((await call('GET', `/tenants/${synced}`, 'synced')).json(), {
      uuid: synced,
      sip_templates_generated: true,
      global_sip_template_uuid: uuidOf('global'),
      webrtc_sip_template_uuid: uuidOf('webrtc'),
      registration_trunk_sip_template_uuid: uuidOf('registration_trunk'),
      meeting_guest_sip_template_uuid: uuidOf('meeting_guest'),
    });
    assert.ok(uuidOf('twilio_trunk'), 'made, though the view does not show it (as Wazo)');
  });

  it('when created, edited or deleted through confd, then not served (wazo-auth owns tenants)', async () => {
    assert.equal((await call('POST', '/tenants', 'main', {})).statusCode, 404);
    assert.equal((await call('DELETE', `/tenants/${sub}`, 'main')).statusCode, 404);
  });

  it('when the token lacks the ACL, then 401', async () => {
    assert.equal((await call('GET', '/tenants', 'none')).statusCode, 401);
    assert.equal((await call('GET', `/tenants/${main}`, 'none')).statusCode, 401);
  });
});

describe('system lists', () => {
  it('when time zones are listed, then every zone of the host, aliases included', async () => {
    const res = await call('GET', '/timezones', 'main');
    assert.equal(res.statusCode, 200);
    const { total, items } = res.json();
    assert.equal(total, items.length);
    const names = items.map((item: { zone_name: string }) => item.zone_name);
    assert.ok(names.includes('Europe/Paris'));
    assert.ok(names.includes('America/Montreal'), 'aliases are listed, as zoneinfo lists them');
    assert.ok(!names.some((name: string) => name.startsWith('posix/') || name.startsWith('right/')));
    assert.deepEqual(names, [...names].sort());
    assert.equal((await call('GET', '/timezones', 'none')).statusCode, 401);
  });

  it('when sound languages are listed without Asterisk, then an empty list', async () => {
    assert.deepEqual((await call('GET', '/sounds/languages', 'main')).json(), { total: 0, items: [] });
    assert.equal((await call('GET', '/sounds/languages', 'none')).statusCode, 401);
  });
});
