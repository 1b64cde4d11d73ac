/**
 * A tenant's default SIP templates on a real PostgreSQL, through the wired Service API: made once
 * with Wazo's labels, options, transports and parents, recorded on the tenant, no event; a replay
 * (or two processes at once) makes nothing twice; Wazo's reset when the flag is cleared; a deleted
 * template nulls the tenant's field; deleting the tenant removes its templates.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { createUnitOfWork } from '../db/unit-of-work.js';
import { createEndpointSipDao } from '../endpoint-sip/endpoint-sip.dao.js';
import type { SipResource } from '../endpoint-sip/endpoint-sip.model.js';
import { scopeOf } from '../search/search.js';
import { createServiceApi, type ServiceApi } from '../service-api.js';
import { createMigratedTestDatabase, type MigratedTestDatabase, testEncoder } from '../testing/index.js';
import { createTenantsDao } from './tenants.dao.js';
import { createTenantsNotifier } from './tenants.notifier.js';
import { createTenantsService } from './tenants.service.js';
import { createTenantsValidator } from './tenants.validator.js';

const outboxCount = async (db: MigratedTestDatabase['db']) =>
  Number((await sql<{ n: string }>`SELECT count(*) AS n FROM bus_outbox`.execute(db)).rows[0]?.n);

describe('default SIP templates of a tenant', () => {
  let testDb: MigratedTestDatabase;
  let api: ServiceApi;
  let udp: string;
  let wss: string;
  const T = randomUUID();
  const scope = scopeOf(T);

  const templatesOf = async (tenant: string) =>
    (await api.sipTemplates.search(scopeOf(tenant), { limit: 100 })).items;
  const byLabel = (templates: SipResource[], label: string) => {
    const found = templates.find((t) => t.label === label);
    assert.ok(found, `template ${label}`);
    return found;
  };

  before(async () => {
    testDb = await createMigratedTestDatabase();
    api = createServiceApi({ db: testDb.db, encoder: testEncoder });
    // Installed by the migrations, as Wazo's populate does.
    const named = async (name: string) => {
      const found = (await api.sipTransports.search({ filters: { name } })).items;
      assert.equal(found.length, 1, name);
      return found[0]!;
    };
    const installedUdp = await named('transport-udp');
    const installedWss = await named('transport-wss');
    assert.deepEqual(installedUdp.options, [
      ['protocol', 'udp'],
      ['bind', '0.0.0.0:5060'],
    ]);
    assert.deepEqual(installedWss.options, [
      ['protocol', 'wss'],
      ['bind', '0.0.0.0:5060'],
    ]);
    udp = installedUdp.uuid;
    wss = installedWss.uuid;
  });
  after(() => testDb.drop());

  it('when a tenant is first ensured with its templates, then the five of Wazo are made, recorded, silently', async () => {
    const events = await outboxCount(testDb.db);
    const result = await api.tenants.ensureWithSipTemplates(T, 'acme', 'Acme');
    assert.equal(result.outcome, 'created');
    assert.equal(result.sipTemplatesGenerated, true);
    assert.equal(await outboxCount(testDb.db), events, 'Wazo sends no event for the default templates');

    const templates = await templatesOf(T);
    assert.deepEqual(templates.map((t) => t.label).sort(), [
      'global',
      'meeting_guest',
      'registration_trunk',
      'twilio_trunk',
      'webrtc',
    ]);
    const [global, webrtc, guest, trunk, twilio] = [
      'global',
      'webrtc',
      'meeting_guest',
      'registration_trunk',
      'twilio_trunk',
    ].map((label) => byLabel(templates, label)) as [
      SipResource,
      SipResource,
      SipResource,
      SipResource,
      SipResource,
    ];
    for (const template of templates) {
      assert.equal(template.tenant_uuid, T);
      assert.equal(template.asterisk_id, null);
      assert.match(template.name, /^[a-z0-9]{8}$/);
      assert.deepEqual([template.auth_section_options, template.outbound_auth_section_options], [[], []]);
    }

    assert.deepEqual(global.transport, { uuid: udp });
    assert.deepEqual(global.templates, []);
    assert.deepEqual(global.aor_section_options, [
      ['maximum_expiration', '3600'],
      ['default_expiration', '120'],
      ['minimum_expiration', '60'],
      ['qualify_frequency', '60'],
      ['remove_existing', 'true'],
      ['max_contacts', '1'],
    ]);
    assert.equal(global.endpoint_section_options.length, 17);
    assert.deepEqual(global.endpoint_section_options.slice(13), [
      ['allow', '!all,ulaw'],
      ['set_var', 'TIMEOUT(absolute)=36000'],
      ['set_var', 'DYNAMIC_FEATURES=togglerecord'],
      ['notify_early_inuse_ringing', 'yes'],
    ]);

    assert.deepEqual(webrtc.transport, { uuid: wss });
    assert.deepEqual(webrtc.templates, [{ uuid: global.uuid, label: 'global' }]);
    assert.deepEqual(webrtc.aor_section_options, [
      ['remove_existing', 'false'],
      ['max_contacts', '10'],
    ]);
    assert.deepEqual(webrtc.endpoint_section_options.slice(0, 3), [
      ['webrtc', 'yes'],
      ['dtls_auto_generate_cert', 'yes'],
      ['allow', '!all,opus,g722,alaw,ulaw,vp9,vp8,h264'],
    ]);

    assert.equal(guest.transport, null);
    assert.deepEqual(guest.templates, [{ uuid: webrtc.uuid, label: 'webrtc' }]);
    assert.deepEqual([guest.aor_section_options, guest.endpoint_section_options], [[], []]);

    assert.deepEqual(trunk.templates, [{ uuid: global.uuid, label: 'global' }]);
    assert.deepEqual(trunk.registration_section_options, [
      ['forbidden_retry_interval', '30'],
      ['retry_interval', '20'],
      ['max_retries', '10000'],
      ['auth_rejection_permanent', 'no'],
      ['fatal_retry_interval', '30'],
    ]);

    assert.deepEqual(twilio.templates, [{ uuid: trunk.uuid, label: 'registration_trunk' }]);
    assert.equal(twilio.identify_section_options.length, 32);
    assert.deepEqual(twilio.identify_section_options[0], ['match', '54.172.60.0']);
    assert.deepEqual(twilio.identify_section_options[31], ['match', '54.244.51.0']);

    const view = await api.tenants.get(scope, T);
    assert.deepEqual(view, {
      uuid: T,
      slug: 'acme',
      name: 'Acme',
      sip_templates_generated: true,
      global_sip_template_uuid: global.uuid,
      webrtc_sip_template_uuid: webrtc.uuid,
      registration_trunk_sip_template_uuid: trunk.uuid,
      meeting_guest_sip_template_uuid: guest.uuid,
      twilio_trunk_sip_template_uuid: twilio.uuid,
    });
  });

  it('when an endpoint inherits webrtc, then its merged view holds webrtc and global options (the softphone)', async () => {
    const webrtc = byLabel(await templatesOf(T), 'webrtc');
    const endpoint = await api.endpointSip.create(scope, T, {
      templates: [{ uuid: webrtc.uuid }],
      auth_section_options: [['username', 'alice']],
    });
    const merged = await api.endpointSip.getMerged(scope, endpoint.uuid);
    const option = (key: string) => merged.endpoint_section_options.find(([k]) => k === key)?.[1];
    assert.equal(option('webrtc'), 'yes');
    assert.equal(option('allow'), '!all,opus,g722,alaw,ulaw,vp9,vp8,h264', 'the child template wins');
    assert.equal(option('dtmf_mode'), 'rfc4733', 'global reached through webrtc');
    await api.endpointSip.delete(scope, endpoint.uuid);
  });

  it('when the tenant is ensured again, or twice at once, then no template is made twice and an edit is kept', async () => {
    const before = await templatesOf(T);
    const global = byLabel(before, 'global');
    await api.sipTemplates.edit(scope, global.uuid, { asterisk_id: '42' });
    const again = await api.tenants.ensureWithSipTemplates(T, 'acme', 'Acme');
    assert.deepEqual([again.outcome, again.sipTemplatesGenerated], ['unchanged', false]);
    const after = await templatesOf(T);
    assert.deepEqual(after.map((t) => t.uuid).sort(), before.map((t) => t.uuid).sort());
    assert.equal(byLabel(after, 'global').asterisk_id, '42');

    const racing = randomUUID();
    const results = await Promise.all([
      api.tenants.ensureWithSipTemplates(racing, 'race'),
      api.tenants.ensureWithSipTemplates(racing, 'race'),
    ]);
    assert.deepEqual(results.map((r) => r.sipTemplatesGenerated).sort(), [false, true]);
    assert.equal((await templatesOf(racing)).length, 5);
  });

  it('when the tenant’s flag is cleared (Wazo’s reset), then the templates are reset in place', async () => {
    const before = await templatesOf(T);
    const global = byLabel(before, 'global');
    await api.sipTemplates.edit(scope, global.uuid, { endpoint_section_options: [['language', 'fr_FR']] });
    await sql`UPDATE tenant SET sip_templates_generated = false WHERE uuid = ${T}`.execute(testDb.db);
    assert.equal((await api.tenants.ensureWithSipTemplates(T)).sipTemplatesGenerated, true);
    const after = await templatesOf(T);
    assert.deepEqual(after.map((t) => t.uuid).sort(), before.map((t) => t.uuid).sort());
    const reset = byLabel(after, 'global');
    assert.equal(reset.asterisk_id, null);
    assert.equal(reset.name, global.name);
    assert.equal(reset.endpoint_section_options.length, 17);
  });

  it('when a default template is deleted, then the tenant’s field is nulled and it is not made again', async () => {
    const global = byLabel(await templatesOf(T), 'global');
    await api.sipTemplates.delete(scope, global.uuid);
    const view = await api.tenants.get(scope, T);
    assert.equal(view.global_sip_template_uuid, null);
    assert.equal(view.sip_templates_generated, true);
    assert.ok(view.webrtc_sip_template_uuid);
    assert.deepEqual(byLabel(await templatesOf(T), 'webrtc').templates, [], 'its children lose the parent');
    await api.tenants.ensureWithSipTemplates(T);
    assert.equal((await templatesOf(T)).length, 4);
  });

  it('when the tenant is deleted, then its templates go and another tenant’s stay', async () => {
    const other = randomUUID();
    await api.tenants.ensureWithSipTemplates(other);
    assert.equal(await api.tenants.delete(T), true);
    const { rows } = await sql<{ tenant_uuid: string }>`
      SELECT DISTINCT tenant_uuid::text FROM endpoint_sip WHERE tenant_uuid IN (${T}, ${other})`.execute(
      testDb.db,
    );
    assert.deepEqual(rows, [{ tenant_uuid: other }]);
    assert.equal((await templatesOf(other)).length, 5);
  });

  it('when a tenant is ensured without templates (a resource’s POST), then none are made, as in Wazo', async () => {
    const plain = randomUUID();
    await api.tenants.ensure(plain);
    assert.deepEqual(await templatesOf(plain), []);
    assert.equal((await api.tenants.get(scopeOf(plain), plain)).sip_templates_generated, false);
  });

  it('when making the templates fails, then the tenant is not kept either (one transaction)', async () => {
    const failing = createTenantsService({
      uow: createUnitOfWork({ db: testDb.db, encoder: testEncoder }),
      dao: createTenantsDao(),
      validator: createTenantsValidator(),
      notifier: createTenantsNotifier(),
      sipTemplates: {
        templates: createEndpointSipDao(),
        transportNamed: () => Promise.reject(new Error('transports unreadable')),
        newUuid: randomUUID,
        random: Math.random,
      },
    });
    const doomed = randomUUID();
    await assert.rejects(failing.ensureWithSipTemplates(doomed, 'doomed'), /transports unreadable/);
    assert.ok(!(await api.tenants.list()).some((t) => t.uuid === doomed));
    assert.deepEqual(await templatesOf(doomed), []);
  });
});
