/**
 * The settings of confd part 3 on a real PostgreSQL: ConfBridge's, the features' and the queues'
 * Asterisk sections, the recording announcements, DHCP and high availability, and the wizard.
 * Each answers Wazo's populated defaults until a PUT replaces it, a PUT announces Wazo's event,
 * a bad body is a 400 in Wazo's words that changes nothing, the system's sections refuse other
 * tenants than the master (401), and the recording announcements are each tenant's own.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { createMigratedTestDatabase, type MigratedTestDatabase } from '@wazo-ts/dao/testing';
import { registrarsPlugin } from '../registrars/index.js';
import { caller, lastOutboxId, sentSince } from '../testing/route-calls.js';
import { settingsMoreBodies } from '../testing/settings-more-walk.js';
import { buildTestApi, fixedServiceToken, type TestApi } from '../testing/test-app.js';
import { wizardPlugin } from '../wizard/index.js';
import { settingsMorePlugins } from './index.js';

let database: MigratedTestDatabase;
let api: TestApi;
let call: ReturnType<typeof caller>;
const master = randomUUID();
const sub = randomUUID();

before(async () => {
  database = await createMigratedTestDatabase({ prefix: 'wazo_confd_settings_more' });
  api = await buildTestApi(database, [...settingsMorePlugins, registrarsPlugin, wizardPlugin], {
    serviceToken: fixedServiceToken('confd', master),
  });
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

const events = async (from: number) =>
  (await sentSince(database, from)).map((e) => [
    e.name,
    e.routing_key,
    e.data,
    e.headers.tenant_uuid ?? null,
  ]);

const get = async (path: string, token = 'admin', tenant?: string) => {
  const res = await call('GET', path, token, undefined, tenant);
  assert.equal(res.statusCode, 200, `${path}: ${res.body}`);
  return res.json();
};

describe('settings part 3: defaults', () => {
  it("when never replaced, then each section answers Wazo's populated values", async () => {
    const expected: Record<string, unknown> = {
      '/asterisk/confbridge/wazo_default_bridge': { options: { type: 'bridge' } },
      '/asterisk/confbridge/wazo_default_user': {
        options: { type: 'user', dsp_drop_silence: 'yes', talk_detection_events: 'yes' },
      },
      '/asterisk/features/featuremap': { options: { blindxfer: '*1', disconnect: '*0', atxfer: '*2' } },
      '/asterisk/features/applicationmap': {
        // biome-ignore lint/suspicious/noTemplateCurlyInString: the dialplan's variable, as text
        options: { togglerecord: '*3,self,AGI(agi://${XIVO_AGID_IP}/call_recording)' },
      },
      '/asterisk/queues/general': {
        options: {
          persistentmembers: 'yes',
          autofill: 'no',
          'monitor-type': 'no',
          updatecdr: 'no',
          shared_lastcall: 'yes',
        },
      },
      '/recordings/announcements': { recording_start: null, recording_stop: null },
      '/dhcp': { active: false, pool_start: '', pool_end: '', network_interfaces: [] },
      '/ha': { node_type: 'disabled', remote_address: null },
    };
    for (const [path, value] of Object.entries(expected)) assert.deepEqual(await get(path), value, path);
    const general = await get('/asterisk/features/general');
    assert.equal(general.options.pickupexten, '*8');
    assert.equal(general.options.parkext, undefined, 'parking options belong to the parking lots');
  });
});

describe('settings part 3: replaced', () => {
  it("when each section is put, then it reads back and announces Wazo's event (service events: no tenant)", async () => {
    const expected: Record<string, [string, string]> = {
      '/asterisk/confbridge/wazo_default_bridge': [
        'confbridge_wazo_default_bridge_edited',
        'config.confbridge_wazo_default_bridge.edited',
      ],
      '/asterisk/confbridge/wazo_default_user': [
        'confbridge_wazo_default_user_edited',
        'config.confbridge_wazo_default_user.edited',
      ],
      '/asterisk/features/applicationmap': [
        'features_applicationmap_edited',
        'config.features_applicationmap.edited',
      ],
      '/asterisk/features/featuremap': ['features_featuremap_edited', 'config.features_featuremap.edited'],
      '/asterisk/features/general': ['features_general_edited', 'config.features_general.edited'],
      '/asterisk/queues/general': ['queue_general_edited', 'config.queue_general.edited'],
      '/recordings/announcements': [
        'recordings_announcements_edited',
        'config.recordings.announcements.edited',
      ],
      '/dhcp': ['dhcp_edited', 'config.dhcp.edited'],
      '/ha': ['ha_edited', 'config.ha.edited'],
    };
    assert.deepEqual(Object.keys(expected).sort(), Object.keys(settingsMoreBodies).sort());
    for (const [path, body] of Object.entries(settingsMoreBodies)) {
      const from = await lastOutboxId(database);
      const res = await call('PUT', path, 'admin', body);
      assert.equal(res.statusCode, 204, `${path}: ${res.body}`);
      // HA also edits the registrars (its own test); the section's event comes last.
      const sent = (await sentSince(database, from)).filter((e) => e.name !== 'registrar_edited');
      assert.deepEqual(
        sent.map((e) => [e.name, e.routing_key]),
        [expected[path]],
        path,
      );
      if (path !== '/recordings/announcements') {
        assert.deepEqual(sent[0]!.data, {}, path);
        assert.equal(sent[0]!.headers.tenant_uuid, undefined, path);
      }
      assert.deepEqual(await get(path), body, path);
    }
  });

  it('when options are put as a list of key/value, then they read back as an object in that order', async () => {
    await call('PUT', '/asterisk/queues/general', 'admin', {
      options: [
        { key: 'zeta', value: '1' },
        { key: 'alpha', value: '2' },
      ],
    });
    assert.deepEqual(Object.entries((await get('/asterisk/queues/general')).options), [
      ['zeta', '1'],
      ['alpha', '2'],
    ]);
    assert.equal((await call('PUT', '/asterisk/features/general', 'admin', { options: {} })).statusCode, 204);
    assert.deepEqual(await get('/asterisk/features/general'), { options: {} });
  });

  it('when the recording announcements are put partly, then the rest is kept; null clears; to the tenant', async () => {
    await call('PUT', '/recordings/announcements', 'admin', {
      recording_start: 'beep',
      recording_stop: 'tt-monkeys',
    });
    let from = await lastOutboxId(database);
    assert.equal((await call('PUT', '/recordings/announcements', 'admin', {})).statusCode, 204);
    assert.deepEqual(await events(from), [
      [
        'recordings_announcements_edited',
        'config.recordings.announcements.edited',
        { recording_start: 'beep', recording_stop: 'tt-monkeys' },
        master,
      ],
    ]);
    assert.deepEqual(await get('/recordings/announcements'), {
      recording_start: 'beep',
      recording_stop: 'tt-monkeys',
    });
    from = await lastOutboxId(database);
    await call('PUT', '/recordings/announcements', 'admin', { recording_start: null, recording_stop: null });
    assert.deepEqual((await events(from))[0]![2], { recording_start: null, recording_stop: null });
    assert.deepEqual(await get('/recordings/announcements'), { recording_start: null, recording_stop: null });
  });

  it('when two tenants set their announcements, then each reads its own', async () => {
    await call(
      'PUT',
      '/recordings/announcements',
      'admin',
      { recording_start: 'test', recording_stop: 'beep' },
      master,
    );
    await call(
      'PUT',
      '/recordings/announcements',
      'admin',
      { recording_start: 'tt-monkeys', recording_stop: 'test2' },
      sub,
    );
    assert.deepEqual(await get('/recordings/announcements', 'admin', master), {
      recording_start: 'test',
      recording_stop: 'beep',
    });
    assert.deepEqual(await get('/recordings/announcements', 'sub'), {
      recording_start: 'tt-monkeys',
      recording_stop: 'test2',
    });
    const from = await lastOutboxId(database);
    await call('PUT', '/recordings/announcements', 'sub', { recording_stop: 'x' });
    assert.equal((await events(from))[0]![3], sub, 'the event goes to the sub-tenant');
  });

  it('when DHCP is deactivated, then the pool is kept and the interfaces emptied', async () => {
    await call('PUT', '/dhcp', 'admin', {
      active: true,
      pool_start: '10.0.0.1',
      pool_end: '10.0.0.254',
      network_interfaces: ['lo'],
    });
    assert.equal((await call('PUT', '/dhcp', 'admin', { active: false })).statusCode, 204);
    assert.deepEqual(await get('/dhcp'), {
      active: false,
      pool_start: '10.0.0.1',
      pool_end: '10.0.0.254',
      network_interfaces: [],
    });
  });

  it("when HA becomes master, then every registrar's backup is the remote; disabled clears them", async () => {
    const created = await call('POST', '/registrars', 'admin', {
      main_host: '192.0.2.1',
      proxy_main_host: '192.0.2.1',
    });
    assert.equal(created.statusCode, 201, created.body);
    const backups = async () =>
      (await get('/registrars')).items.map((r: { backup_host: unknown; proxy_backup_host: unknown }) => [
        r.backup_host,
        r.proxy_backup_host,
      ]);
    let from = await lastOutboxId(database);
    await call('PUT', '/ha', 'admin', { node_type: 'master', remote_address: '10.10.10.10' });
    const sent = await sentSince(database, from);
    const count = (await get('/registrars')).total;
    assert.ok(count >= 1);
    assert.deepEqual(
      sent.map((e) => e.name),
      [...Array(count).fill('registrar_edited'), 'ha_edited'],
    );
    assert.deepEqual(await backups(), Array(count).fill(['10.10.10.10', '10.10.10.10']));
    assert.deepEqual(await get('/ha'), { node_type: 'master', remote_address: '10.10.10.10' });
    await call('PUT', '/ha', 'admin', { node_type: 'disabled' });
    assert.deepEqual(await backups(), Array(count).fill([null, null]));
    assert.deepEqual(await get('/ha'), { node_type: 'disabled', remote_address: null });
    await call('PUT', '/ha', 'admin', { node_type: 'slave', remote_address: '10.10.10.11' });
    from = await lastOutboxId(database);
    await call('PUT', '/ha', 'admin', { node_type: 'disabled' });
    assert.deepEqual(
      (await sentSince(database, from)).map((e) => e.name),
      ['ha_edited'],
      'a slave disabled leaves the registrars alone',
    );
  });
});

describe('settings part 3: refused bodies', () => {
  const togglerecord = '*3,self,AGI(localhost,...)';
  const refused: [string, unknown, RegExp][] = [
    ...[
      '/asterisk/confbridge/wazo_default_bridge',
      '/asterisk/confbridge/wazo_default_user',
      '/asterisk/features/general',
      '/asterisk/queues/general',
    ].flatMap((path): [string, unknown, RegExp][] => [
      [path, { options: 123 }, /options/],
      [path, { options: null }, /options/],
      [path, { options: 'string' }, /options/],
      [path, { options: [['ordered', 'option']] }, /options/],
      [path, { options: { wrong_value: 23 } }, /options/],
      [path, { options: { none_value: null } }, /options/],
      [path, {}, /options/],
    ]),
    ['/asterisk/features/applicationmap', { options: { wrong_value: 23, togglerecord } }, /options/],
    [
      '/asterisk/features/applicationmap',
      { options: { other: 'x' } },
      /options: \['The following option are required: togglerecord'\]/,
    ],
    ['/asterisk/features/featuremap', { options: { blindxfer: '1', automixmon: '1' } }, /required: atxfer/],
    ['/asterisk/features/featuremap', { options: { atxfer: '1', automixmon: '1' } }, /required: blindxfer/],
    ['/asterisk/features/featuremap', { options: { atxfer: 'x'.repeat(256), blindxfer: '1' } }, /options/],
    ['/asterisk/features/general', { options: { ['k'.repeat(129)]: 'v' } }, /Longer than maximum length 128/],
    ...['comebacktoorigin', 'courtesytone', 'findslot', 'parkedcallhangup', 'parkingtime', 'parkpos'].map(
      (key): [string, unknown, RegExp] => [
        '/asterisk/features/general',
        { options: { [key]: 'value' } },
        /The parking options can only be defined with the parkinglots API/,
      ],
    ),
    ['/recordings/announcements', { recording_start: 123 }, /recording_start/],
    ['/recordings/announcements', { recording_stop: 123 }, /recording_stop/],
    ['/dhcp', {}, /active/],
    ['/dhcp', { active: true }, /missing key: pool_start/],
    ['/dhcp', { active: true, pool_start: '10.0.0.1' }, /missing key: pool_end/],
    [
      '/dhcp',
      { active: true, pool_start: 'abcd', pool_end: '10.0.0.254' },
      /pool_start: invalid IP address: abcd/,
    ],
    ['/dhcp', { active: true, pool_start: '10.0.0.1', pool_end: 'abcd' }, /pool_end: invalid IP address/],
    [
      '/dhcp',
      { active: true, pool_start: '10.0.0.2', pool_end: '10.0.0.1' },
      /pool_start must be less than pool_end/,
    ],
    [
      '/dhcp',
      {
        active: true,
        pool_start: '10.0.0.1',
        pool_end: '10.0.0.254',
        network_interfaces: ['not-an-interface', 'lo'],
      },
      /Invalid network interfaces: not-an-interface/,
    ],
    ['/ha', {}, /node_type/],
    ['/ha', { node_type: 'backup' }, /node_type/],
    ['/ha', { node_type: 'master' }, /remote_address cannot be empty/],
    ['/ha', { node_type: 'master', remote_address: null }, /remote_address/],
    ['/ha', { node_type: 'master', remote_address: 'not-an-ip-address' }, /remote_address/],
  ];
  for (const [path, body, message] of refused) {
    it(`when ${path} gets ${JSON.stringify(body).slice(0, 70)}, then 400 and nothing changes`, async () => {
      const before = await get(path);
      const from = await lastOutboxId(database);
      const res = await call('PUT', path, 'admin', body);
      assert.equal(res.statusCode, 400, res.body);
      assert.match(res.body, message);
      assert.deepEqual(await get(path), before);
      assert.deepEqual(await sentSince(database, from), []);
    });
  }

  it('when a PUT has no body, then 400', async () => {
    for (const path of Object.keys(settingsMoreBodies))
      assert.equal((await call('PUT', path, 'admin')).statusCode, 400, path);
  });

  it('when the pool is given as inet_aton reads it, then it is taken', async () => {
    assert.equal(
      (await call('PUT', '/dhcp', 'admin', { active: true, pool_start: '10.1', pool_end: '0x0a.0.0.254' }))
        .statusCode,
      204,
    );
  });
});

describe('settings part 3: tenants and ACLs', () => {
  it('when a sub-tenant token calls a system section, then 401; the announcements are its own', async () => {
    for (const [path, body] of Object.entries(settingsMoreBodies)) {
      const own = path === '/recordings/announcements';
      assert.equal((await call('GET', path, 'sub')).statusCode, own ? 200 : 401, `GET ${path}`);
      assert.equal((await call('PUT', path, 'sub', body)).statusCode, own ? 204 : 401, `PUT ${path}`);
    }
  });

  it("when a token lacks the ACL, then 401; the queues' ACL is Wazo's confd.asterisk.queue.general", async () => {
    assert.equal((await call('GET', '/asterisk/queues/general', 'reader')).statusCode, 200);
    assert.equal((await call('GET', '/asterisk/features/featuremap', 'reader')).statusCode, 200);
    assert.equal((await call('GET', '/dhcp', 'reader')).statusCode, 401);
    assert.equal((await call('GET', '/recordings/announcements', 'reader')).statusCode, 401);
    api.verifier.add({
      token: 'queues',
      acl: ['confd.asterisk.queues.#'],
      metadata: { tenant_uuid: master },
    });
    assert.equal((await call('GET', '/asterisk/queues/general', 'queues')).statusCode, 401);
  });
});

describe('wizard', () => {
  it('when its status is asked, without a token, then configured', async () => {
    const res = await api.app.inject({ method: 'GET', url: '/1.1/wizard' });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().configured, true);
    assert.deepEqual(Object.keys(res.json()).sort(), ['configurable', 'configurable_status', 'configured']);
  });

  it('when passed again or asked to discover, then 403 Wazo is already configured, whatever the body', async () => {
    for (const [method, url, payload] of [
      ['POST', '/1.1/wizard', { admin_password: 'secret', license: true }],
      ['GET', '/1.1/wizard/discover', undefined],
    ] as const) {
      const res = await api.app.inject({ method, url, ...(payload === undefined ? {} : { payload }) });
      assert.equal(res.statusCode, 403, `${method} ${url}: ${res.body}`);
      assert.deepEqual(res.json(), ['Wazo is already configured']);
    }
  });
});
