/**
 * The settings sections on a real PostgreSQL: each answers Wazo's populated defaults until a PUT
 * replaces it, a PUT announces the section's event (Wazo's name and routing key), a bad body is
 * a 400 that changes nothing, the system's sections refuse other tenants than the master (401),
 * and the per-tenant sections keep one document per tenant.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { createMigratedTestDatabase, type MigratedTestDatabase } from '@wazo-ts/dao/testing';
import { caller } from '../testing/route-calls.js';
import { settingsBodies } from '../testing/settings-walk.js';
import { buildTestApi, fixedServiceToken, type TestApi } from '../testing/test-app.js';
import { settingsPlugins } from './index.js';

let database: MigratedTestDatabase;
let api: TestApi;
let call: ReturnType<typeof caller>;
const master = randomUUID();
const sub = randomUUID();

before(async () => {
  database = await createMigratedTestDatabase({ prefix: 'wazo_confd_settings' });
  api = await buildTestApi(database, settingsPlugins, { serviceToken: fixedServiceToken('confd', master) });
  call = caller(api);
  api.verifier.add({ token: 'admin', acl: ['confd.#'], metadata: { tenant_uuid: master } });
  api.verifier.add({ token: 'sub', acl: ['confd.#'], metadata: { tenant_uuid: sub } });
  api.verifier.add({ token: 'reader', acl: ['confd.asterisk.#'], metadata: { tenant_uuid: master } });
  api.addSubtenant(master, sub);
  await api.resources.services.tenants.ensure(master);
  await api.resources.services.tenants.ensure(sub);
});
after(async () => {
  await api?.app.close();
  await database?.drop();
});

/** The events queued since `from`, as `[name, routing key, body data]`. */
async function eventsAfter(from: number) {
  const { rows } = await database.pool.query<{ id: string; name: string; routing_key: string; body: Buffer }>(
    'SELECT id, name, routing_key, body FROM bus_outbox WHERE id > $1 ORDER BY id',
    [from],
  );
  return rows.map((row) => [row.name, row.routing_key, JSON.parse(row.body.toString()).data]);
}

async function lastEventId(): Promise<number> {
  const { rows } = await database.pool.query('SELECT coalesce(max(id), 0) AS id FROM bus_outbox');
  return Number(rows[0].id);
}

describe('settings sections: defaults', () => {
  it('when never replaced, then each Asterisk section answers Wazo populated options', async () => {
    const expected: Record<string, Record<string, string>> = {
      '/asterisk/pjsip/global': {
        user_agent: 'Wazo PBX',
        endpoint_identifier_order: 'auth_username,username,ip',
      },
      '/asterisk/pjsip/system': {},
      '/asterisk/rtp/general': { rtpstart: '10000', rtpend: '20000' },
      '/asterisk/rtp/ice_host_candidates': {},
      '/asterisk/hep/general': { enabled: '0' },
    };
    for (const [path, options] of Object.entries(expected)) {
      const res = await call('GET', path, 'admin');
      assert.equal(res.statusCode, 200, `${path}: ${res.body}`);
      assert.deepEqual(res.json(), { options }, path);
    }
    const sccp = (await call('GET', '/asterisk/sccp/general', 'admin')).json();
    assert.deepEqual(Object.keys(sccp.options), [
      'directmedia',
      'dialtimeout',
      'keepalive',
      'language',
      'allow',
      'guest',
      'max_guests',
    ]);
    const iax = (await call('GET', '/asterisk/iax/general', 'admin')).json();
    assert.equal(iax.options.bindport, '4569');
    assert.deepEqual(iax.ordered_options, []);
    assert.deepEqual((await call('GET', '/asterisk/iax/callnumberlimits', 'admin')).json(), { items: [] });
    const voicemail = (await call('GET', '/asterisk/voicemail/general', 'admin')).json();
    assert.equal(voicemail.options.maxmsg, '100');
    assert.equal(voicemail.options.tz, undefined, 'options without a value are left out');
    const zones = (await call('GET', '/asterisk/voicemail/zonemessages', 'admin')).json();
    assert.deepEqual(zones.items[0], {
      name: 'eu-fr',
      timezone: 'Europe/Paris',
      message: "'vm-received' q 'digits/at' kM",
    });
  });

  it('when never replaced, then the system and tenant settings answer their defaults', async () => {
    const expected: Record<string, unknown> = {
      '/configuration/live_reload': { enabled: true },
      '/provisioning/networking': {
        provision_host: '',
        provision_http_port: 8667,
        provision_http_base_url: '',
      },
      '/emails': {
        domain_name: '',
        from: 'example.wazo.community',
        address_rewriting_rules: [],
        smtp_host: '',
        fallback_smtp_host: '',
      },
      '/localization': { tenant_uuid: master, country: null },
      '/voicemails/transcription': { enabled: false },
    };
    for (const [path, answer] of Object.entries(expected))
      assert.deepEqual((await call('GET', path, 'admin')).json(), answer, path);
  });
});

describe('settings sections: replace', () => {
  it('when each section is put, then 204, read back as sent and its event queued', async () => {
    const events: Record<string, [string, string]> = {
      '/asterisk/pjsip/global': ['pjsip_global_updated', 'config.pjsip_global.updated'],
      '/asterisk/pjsip/system': ['pjsip_system_updated', 'config.pjsip_system.updated'],
      '/asterisk/rtp/general': ['rtp_general_edited', 'config.rtp_general.edited'],
      '/asterisk/rtp/ice_host_candidates': [
        'rtp_ice_host_candidates_edited',
        'config.rtp_ice_host_candidates.edited',
      ],
      '/asterisk/hep/general': ['hep_general_edited', 'config.hep_general.edited'],
      '/asterisk/sccp/general': ['sccp_general_edited', 'config.sccp_general.edited'],
      '/asterisk/iax/general': ['iax_general_edited', 'config.iax_general.edited'],
      '/asterisk/iax/callnumberlimits': ['iax_callnumberlimits_edited', 'config.iax_callnumberlimits.edited'],
      '/asterisk/voicemail/general': ['voicemail_general_edited', 'config.voicemail_general.edited'],
      '/asterisk/voicemail/zonemessages': [
        'voicemail_zonemessages_edited',
        'config.voicemail_zonemessages.edited',
      ],
      '/configuration/live_reload': ['live_reload_edited', 'config.live_reload.edited'],
      '/provisioning/networking': ['provisioning_networking_edited', 'config.provisioning.networking.edited'],
      '/emails': ['email_config_updated', 'config.email.updated'],
      '/localization': ['localization_edited', 'config.localization.edited'],
      '/voicemails/transcription': [
        'voicemail_transcription_config_edited',
        'config.voicemail_transcription.edited',
      ],
    };
    assert.deepEqual(Object.keys(events).sort(), Object.keys(settingsBodies).sort());
    for (const [path, body] of Object.entries(settingsBodies)) {
      const from = await lastEventId();
      const res = await call('PUT', path, 'admin', body);
      assert.equal(res.statusCode, 204, `${path}: ${res.body}`);
      const queued = await eventsAfter(from);
      assert.deepEqual(
        queued.map(([name, key]) => [name, key]),
        [events[path]],
        path,
      );
    }
    const options = (path: string) => call('GET', path, 'admin').then((res) => res.json().options);
    assert.deepEqual(await options('/asterisk/pjsip/global'), { user_agent: 'Wazo PBX', max_forwards: '70' });
    assert.deepEqual(await options('/asterisk/pjsip/system'), { timer_t1: '500' });
    assert.deepEqual((await call('GET', '/asterisk/iax/general', 'admin')).json(), {
      options: { bindport: '4569' },
      ordered_options: [['allow', 'ulaw']],
    });
    assert.deepEqual(
      (await call('GET', '/asterisk/voicemail/zonemessages', 'admin')).json(),
      settingsBodies['/asterisk/voicemail/zonemessages'],
    );
    assert.deepEqual((await call('GET', '/emails', 'admin')).json(), {
      domain_name: 'example.com',
      from: '',
      address_rewriting_rules: [{ match: 'a', replacement: 'b' }],
      smtp_host: '',
      fallback_smtp_host: '',
    });
    assert.deepEqual((await call('GET', '/configuration/live_reload', 'admin')).json(), { enabled: false });
  });

  it('when options keep their order and repeat, then the answer keeps the order given', async () => {
    const ordered = [
      ['bindport', '5060'],
      ['allow', '127.0.0.1'],
      ['deny', '192.168.0.0'],
      ['allow', '192.168.0.1'],
    ];
    await call('PUT', '/asterisk/iax/general', 'admin', {
      options: { nat: 'toto' },
      ordered_options: ordered,
    });
    assert.deepEqual((await call('GET', '/asterisk/iax/general', 'admin')).json().ordered_options, ordered);
    const keys = ['zeta', 'alpha', 'mid'];
    await call('PUT', '/asterisk/pjsip/system', 'admin', {
      options: Object.fromEntries(keys.map((k) => [k, k])),
    });
    assert.deepEqual(
      Object.keys((await call('GET', '/asterisk/pjsip/system', 'admin')).json().options),
      keys,
    );
  });

  it('when live reload changes, then its event carries the new state', async () => {
    const from = await lastEventId();
    await call('PUT', '/configuration/live_reload', 'admin', { enabled: true });
    assert.deepEqual(await eventsAfter(from), [
      ['live_reload_edited', 'config.live_reload.edited', { live_reload_enabled: true }],
    ]);
  });

  it('when provisioning networking is put partly, then the fields left out keep their value; null clears', async () => {
    await call('PUT', '/provisioning/networking', 'admin', { provision_http_base_url: 'http://example.com' });
    assert.deepEqual((await call('GET', '/provisioning/networking', 'admin')).json(), {
      provision_host: '192.0.2.10',
      provision_http_port: 8667,
      provision_http_base_url: 'http://example.com',
    });
    await call('PUT', '/provisioning/networking', 'admin', {
      provision_host: null,
      provision_http_base_url: null,
    });
    assert.deepEqual((await call('GET', '/provisioning/networking', 'admin')).json(), {
      provision_host: null,
      provision_http_port: 8667,
      provision_http_base_url: null,
    });
  });
});

describe('settings sections: refused bodies', () => {
  const refused: [string, unknown, RegExp][] = [
    ['/asterisk/pjsip/global', { options: 123 }, /options/],
    ['/asterisk/pjsip/global', { options: null }, /options/],
    ['/asterisk/pjsip/global', {}, /options/],
    ['/asterisk/sccp/general', { options: { directmedia: 'x'.repeat(81) } }, /options/],
    ['/asterisk/sccp/general', { options: { ['k'.repeat(81)]: 'v' } }, /Longer than maximum length 80/],
    ['/asterisk/iax/general', { options: { register: 'x' }, ordered_options: [] }, /The 'register' key/],
    ['/asterisk/iax/general', { options: {}, ordered_options: [['register', 'x']] }, /The 'register' key/],
    [
      '/asterisk/iax/general',
      { options: {}, ordered_options: [['too', 'much', 'value']] },
      /ordered_options/,
    ],
    ['/asterisk/iax/general', { options: {}, ordered_options: [['none', null]] }, /ordered_options/],
    ['/asterisk/iax/general', { options: [['ordered', 'option']], ordered_options: [] }, /options/],
    ['/asterisk/iax/callnumberlimits', { items: [{ ip_address: '1.2.3.4', netmask: 'x' }] }, /items/],
    ['/asterisk/voicemail/zonemessages', { items: null }, /items/],
    ['/configuration/live_reload', { enabled: 1 }, /enabled/],
    ['/configuration/live_reload', { enabled: null }, /enabled/],
    ['/provisioning/networking', { provision_host: 'x'.repeat(40) }, /provision_host/],
    ['/provisioning/networking', { provision_http_base_url: 123 }, /provision_http_base_url/],
    ['/localization', { country: 'XX' }, /Invalid country code: XX/],
    ['/localization', { country: 'CAN' }, /country/],
    ['/voicemails/transcription', {}, /enabled/],
  ];
  for (const [path, body, message] of refused) {
    it(`when ${path} gets ${JSON.stringify(body).slice(0, 60)}, then 400 and nothing changes`, async () => {
      const before = (await call('GET', path, 'admin')).json();
      const from = await lastEventId();
      const res = await call('PUT', path, 'admin', body);
      assert.equal(res.statusCode, 400, res.body);
      assert.match(res.body, message);
      assert.match(res.json()[0], /^Input Error - /);
      assert.deepEqual((await call('GET', path, 'admin')).json(), before);
      assert.deepEqual(await eventsAfter(from), []);
    });
  }
});

describe('settings sections: tenants and ACLs', () => {
  it('when a sub-tenant token calls a system section, then 401, except reading zone messages', async () => {
    for (const path of Object.keys(settingsBodies)) {
      if (path === '/localization' || path === '/voicemails/transcription') continue;
      const put = await call('PUT', path, 'sub', settingsBodies[path]);
      assert.equal(put.statusCode, 401, `PUT ${path}`);
      const get = await call('GET', path, 'sub');
      assert.equal(get.statusCode, path === '/asterisk/voicemail/zonemessages' ? 200 : 401, `GET ${path}`);
    }
  });

  it('when the master tenant names a sub-tenant, then system sections still answer it (its token is the master)', async () => {
    const res = await call('GET', '/asterisk/pjsip/global', 'admin', undefined, sub);
    assert.equal(res.statusCode, 200, res.body);
  });

  it('when a token lacks the ACL, then 401', async () => {
    assert.equal((await call('GET', '/asterisk/pjsip/global', 'reader')).statusCode, 200);
    assert.equal((await call('GET', '/emails', 'reader')).statusCode, 401);
    assert.equal(
      (await call('PUT', '/configuration/live_reload', 'reader', { enabled: true })).statusCode,
      401,
    );
  });

  it('when tenants set their localization and transcription, then each reads its own, announced to it', async () => {
    await call('PUT', '/localization', 'admin', { country: 'FR' }, master);
    const from = await lastEventId();
    assert.equal((await call('PUT', '/localization', 'sub', { country: 'ca' })).statusCode, 204);
    assert.deepEqual(await eventsAfter(from), [
      ['localization_edited', 'config.localization.edited', { tenant_uuid: sub, country: 'ca' }],
    ]);
    assert.deepEqual((await call('GET', '/localization', 'admin')).json(), {
      tenant_uuid: master,
      country: 'FR',
    });
    assert.deepEqual((await call('GET', '/localization', 'admin', undefined, sub)).json(), {
      tenant_uuid: sub,
      country: 'ca',
    });
    assert.equal((await call('PUT', '/localization', 'sub', {})).statusCode, 204);
    assert.equal(
      (await call('GET', '/localization', 'sub')).json().country,
      'ca',
      'a field left out is kept',
    );
    await call('PUT', '/voicemails/transcription', 'sub', { enabled: true });
    assert.deepEqual((await call('GET', '/voicemails/transcription', 'sub')).json(), { enabled: true });
    await call('PUT', '/voicemails/transcription', 'admin', { enabled: false });
    assert.deepEqual((await call('GET', '/voicemails/transcription', 'sub')).json(), { enabled: true });
  });

  it('when a tenant is deleted, then its own settings go with it', async () => {
    const gone = randomUUID();
    await api.resources.services.tenants.ensure(gone);
    api.verifier.add({ token: 'gone', acl: ['confd.#'], metadata: { tenant_uuid: gone } });
    await call('PUT', '/localization', 'gone', { country: 'BE' });
    await api.resources.services.tenants.delete(gone);
    const { rows } = await database.pool.query('SELECT 1 FROM settings_section WHERE tenant_uuid = $1', [
      gone,
    ]);
    assert.equal(rows.length, 0);
  });
});

describe('settings sections: before confd knows its master tenant', () => {
  it('when no service token is known, then system sections answer 503 not initialized', async () => {
    const bare = await buildTestApi(database, settingsPlugins);
    try {
      bare.verifier.add({ token: 'admin', acl: ['confd.#'], metadata: { tenant_uuid: master } });
      const res = await caller(bare)('GET', '/asterisk/pjsip/global', 'admin');
      assert.equal(res.statusCode, 503);
      assert.match(res.body, /wazo-confd is not initialized/);
    } finally {
      await bare.app.close();
    }
  });
});
