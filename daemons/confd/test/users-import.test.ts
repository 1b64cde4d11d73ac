/**
 * `POST /users/import` and `GET /users/export` on a real PostgreSQL and a REAL wazo-auth: rows
 * with lines, SIP endpoints, extensions, voicemails and call permissions made and their ids
 * answered as Wazo; a bad row anywhere leaves nothing in either daemon and no event, with every
 * bad row's error in Wazo's shape; a login wazo-auth refuses rolls back too; tenants stay apart;
 * the export reads back what was imported, wazo-auth logins included, and imports again; `PUT`
 * updates users by uuid (confd and wazo-auth), all or nothing too.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { postToken } from '@wazo-ts/auth/testing';
import { scopeOf } from '@wazo-ts/dao';
import { createMigratedTestDatabase, type MigratedTestDatabase } from '@wazo-ts/dao/testing';
import { parse } from 'csv-parse/sync';
import { type AuthUsersClient, createAuthUsersClient } from '../src/common/auth-users.js';
import { outboxNames, rowCount } from '../src/testing/route-calls.js';
import { buildTestApi, fixedServiceToken, type TestApi } from '../src/testing/test-app.js';
import { userImportPlugin } from '../src/user-import/index.js';
import { usersPlugin } from '../src/users/index.js';
import { type AuthWorld, startAuthWorld } from './support/auth-world.js';

let world: AuthWorld;
let database: MigratedTestDatabase;
let api: TestApi;
let client: AuthUsersClient;
let tenant1: string;
let tenant2: string;
const ctx = { t1: '', t2: '' };
const perm = { t1: '', t2: '' };

const login = () => `imp-${randomBytes(4).toString('hex')}`;

/** A CSV text from rows of cells by column (the header is every column any row names). */
function csvOf(rows: Record<string, string>[]): string {
  const header = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  const cell = (value: string) => (/[",\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);
  return [header.join(','), ...rows.map((row) => header.map((c) => cell(row[c] ?? '')).join(','))].join('\n');
}

function send(method: 'POST' | 'PUT', token: string, body: string, tenant?: string) {
  const headers: Record<string, string> = {
    'x-auth-token': token,
    'content-type': 'text/csv; charset=utf-8',
  };
  if (tenant) headers['wazo-tenant'] = tenant;
  return api.app.inject({ method, url: '/1.1/users/import', headers, payload: body });
}

function exportCsv(token: string, tenant?: string) {
  const headers: Record<string, string> = { 'x-auth-token': token };
  if (tenant) headers['wazo-tenant'] = tenant;
  return api.app.inject({ method: 'GET', url: '/1.1/users/export', headers });
}

const get = async (url: string, token = 'admin1') =>
  (await api.app.inject({ method: 'GET', url: `/1.1${url}`, headers: { 'x-auth-token': token } })).json();

before(async () => {
  world = await startAuthWorld();
  tenant1 = await world.newTenant();
  tenant2 = await world.newTenant();
  database = await createMigratedTestDatabase({ prefix: 'wazo_confd_users_import' });
  client = createAuthUsersClient(world.authConfig);
  api = await buildTestApi(database, [usersPlugin, userImportPlugin], {
    authUsers: client,
    serviceToken: fixedServiceToken(world.serviceToken, world.auth.masterTenantUuid),
  });
  api.verifier.add({ token: 'admin1', acl: ['confd.#'], metadata: { tenant_uuid: tenant1 } });
  api.verifier.add({ token: 'admin2', acl: ['confd.#'], metadata: { tenant_uuid: tenant2 } });
  api.verifier.add({ token: 'reader', acl: ['confd.users.read'], metadata: { tenant_uuid: tenant1 } });
  const { tenants, contexts, callPermissions } = api.resources.services;
  for (const [key, tenant] of [
    ['t1', tenant1],
    ['t2', tenant2],
  ] as const) {
    await tenants.ensureWithSipTemplates(tenant);
    const range = { user_ranges: [{ start: '1000', end: '1999' }] };
    ctx[key] = (await contexts.create(scopeOf(tenant), tenant, { label: 'Internal', ...range })).name;
    perm[key] = (await callPermissions.create(scopeOf(tenant), tenant, { name: `perm-${key}` })).name;
  }
});
after(async () => {
  await api?.app.close();
  client?.close();
  await database?.drop();
  await world?.auth.stop();
});

/** Rows of every table an import may touch, wazo-auth's users and the outbox. */
async function footprint() {
  const tables = ['users', 'line', 'endpoint_sip', 'extension', 'user_line', 'line_extension', 'voicemail'];
  const counts: Record<string, number> = {};
  for (const table of tables) counts[table] = await rowCount(database, table);
  const { rows } = await world.auth.database.pool.query('SELECT count(*) AS n FROM auth_user');
  return { ...counts, auth_user: Number(rows[0].n), outbox: (await outboxNames(database)).length };
}

const aliceLogin = login();
const alice = () => aliceLogin;

describe('POST /users/import', () => {
  const alice = aliceLogin;
  let created: Record<string, unknown>[];

  it('when rows name lines, extensions, voicemails and call permissions, then 201 with their ids as Wazo', async () => {
    const res = await send(
      'POST',
      'admin1',
      csvOf([
        {
          firstname: 'Rîchard',
          lastname: 'Lâpointe',
          email: `${alice}@example.com`,
          username: alice,
          password: 'secret-pw',
          language: 'fr_FR',
          outgoing_caller_id: '"Rîchy Cool" <4185551234>',
          supervision_enabled: '1',
          call_transfer_enabled: '0',
          ring_seconds: '10',
          simultaneous_calls: '5',
          subscription_type: '2',
          line_protocol: 'sip',
          context: ctx.t1,
          exten: '1001',
          sip_username: `sip${alice.slice(4)}`,
          sip_secret: 'sipsecret',
          voicemail_name: 'Richard VM',
          voicemail_number: '1001',
          voicemail_context: ctx.t1,
          voicemail_password: '1234',
          voicemail_attach_audio: '1',
          call_permissions: perm.t1,
        },
        { firstname: 'Bob', line_protocol: 'webrtc', context: ctx.t1, exten: '1002' },
        { firstname: 'Carol' },
      ]),
    );
    assert.equal(res.statusCode, 201, res.body);
    created = res.json().created;
    assert.equal(created.length, 3);
    const [r1, r2, r3] = created as Record<string, unknown>[];
    assert.deepEqual(Object.keys(r1!).sort(), [
      'call_permission_ids',
      'extension_id',
      'incall_extension_id',
      'line_id',
      'row_number',
      'sccp_id',
      'sip_uuid',
      'user_id',
      'user_uuid',
      'voicemail_id',
    ]);
    assert.deepEqual(
      created.map((r) => r.row_number),
      [1, 2, 3],
    );
    assert.equal(Array.isArray(r1!.call_permission_ids) && r1!.call_permission_ids.length, 1);
    assert.ok(r2!.line_id && r2!.sip_uuid && r2!.extension_id);
    assert.deepEqual(
      [r2!.voicemail_id, r3!.line_id, r3!.sip_uuid, r3!.extension_id],
      [null, null, null, null],
    );

    const user = await get(`/users/${r1!.user_uuid}`);
    assert.equal(user.tenant_uuid, tenant1);
    assert.equal(user.firstname, 'Rîchard');
    assert.equal(user.language, 'fr_FR');
    assert.equal(user.supervision_enabled, true);
    assert.equal(user.call_transfer_enabled, false);
    assert.equal(user.subscription_type, 2);
    assert.equal(user.voicemail.id, r1!.voicemail_id);
    assert.deepEqual(
      user.call_permissions.map((p: { name: string }) => p.name),
      [perm.t1],
    );
    assert.equal(user.lines[0].id, r1!.line_id);
    assert.equal(user.lines[0].endpoint_sip.uuid, r1!.sip_uuid);
    assert.deepEqual(
      user.lines[0].extensions.map((e: { exten: string }) => e.exten),
      ['1001'],
    );
    const bob = await get(`/users/${r2!.user_uuid}`);
    assert.equal(bob.lines[0].is_webrtc, true);
    // As Wazo's import: the tenant's global template, then its webrtc one for a webrtc line.
    const { tenants, endpointSip } = api.resources.services;
    const tenant = await tenants.get(scopeOf(tenant1), tenant1);
    const templatesOf = async (uuid: unknown) =>
      (await endpointSip.get(scopeOf(tenant1), String(uuid))).templates.map((t) => t.uuid);
    assert.deepEqual(await templatesOf(r1!.sip_uuid), [tenant.global_sip_template_uuid]);
    assert.deepEqual(await templatesOf(r2!.sip_uuid), [
      tenant.global_sip_template_uuid,
      tenant.webrtc_sip_template_uuid,
    ]);
  });

  it('when an imported user logs in at wazo-auth, then with the same uuid, tenant and password', async () => {
    const token = await postToken(world.auth.api, alice, 'secret-pw');
    assert.equal(token.metadata.uuid, created[0]!.user_uuid);
    assert.equal(token.metadata.tenant_uuid, tenant1);
    assert.equal(await world.authUserStatus(String(created[2]!.user_uuid)), 200, 'a row without login too');
  });

  it('when any row is bad, then 400 with each bad row in Wazo shape, and nothing is kept anywhere', async () => {
    const before = await footprint();
    const good = {
      firstname: 'Good',
      username: login(),
      line_protocol: 'sip',
      context: ctx.t1,
      exten: '1100',
    };
    const res = await send(
      'POST',
      'admin1',
      csvOf([
        good,
        { firstname: '' },
        { firstname: 'X', supervision_enabled: 'yeah' },
        { firstname: 'X', mobile_phone_number: 'blah' },
        { firstname: 'X', context: 'nowhere', line_protocol: 'sip' },
        { firstname: 'X', call_permissions: 'unknownperm' },
        { firstname: 'X', exten: '1101', context: ctx.t1 },
        { firstname: 'X', exten: '1102', context: ctx.t1, line_protocol: 'iax' },
        { firstname: 'X', voicemail_name: 'v', voicemail_number: '%%%', voicemail_context: ctx.t1 },
        { firstname: 'X', ring_seconds: 'ten' },
      ]),
    );
    assert.equal(res.statusCode, 400, res.body);
    const errors = res.json().errors as {
      message: string;
      timestamp: number;
      details: Record<string, unknown>;
    }[];
    assert.deepEqual(
      errors.map((e) => e.details.row_number),
      [2, 3, 4, 5, 6, 7, 8, 9, 10],
    );
    for (const error of errors) assert.ok(Number.isInteger(error.timestamp));
    assert.deepEqual(errors[1]!.details.row, {
      ...Object.fromEntries(Object.keys(errors[1]!.details.row as object).map((k) => [k, ''])),
      firstname: 'X',
      supervision_enabled: 'yeah',
    });
    const messages = errors.map((e) => e.message);
    assert.match(messages[0]!, /firstname/);
    assert.equal(messages[1], "Input Error - 'supervision_enabled' must be one of (0, 1)");
    assert.match(messages[2]!, /mobile_phone_number/);
    assert.match(messages[3]!, /Context was not found/);
    assert.match(messages[4]!, /CallPermission was not found/);
    assert.equal(messages[5], 'Input Error - missing parameters: line_protocol');
    assert.equal(messages[6], "Input Error - 'line_protocol' must be one of (sip, webrtc, sccp)");
    assert.match(messages[7]!, /number/);
    assert.equal(messages[8], "Input Error - field 'ring_seconds': wrong type. Should be a integer");
    assert.deepEqual(await footprint(), before, 'no row, no wazo-auth user, no event');
    assert.equal(await world.authUsersNamed(good.username), 0);
  });

  it('when wazo-auth refuses a login, then that row is the error and the rows before it are undone in both daemons', async () => {
    const before = await footprint();
    const first = login();
    const res = await send(
      'POST',
      'admin1',
      csvOf([
        { firstname: 'First', username: first },
        { firstname: 'Dup', username: alice },
      ]),
    );
    assert.equal(res.statusCode, 400, res.body);
    const errors = res.json().errors;
    assert.equal(errors.length, 1);
    assert.equal(errors[0].details.row_number, 2);
    assert.match(errors[0].message, /already exists/);
    assert.deepEqual(await footprint(), before);
    assert.equal(await world.authUsersNamed(first), 0, "the first row's wazo-auth user was deleted again");
  });

  it('when rows name an incall number, then an incall to each user with that number; PUT and export follow', async () => {
    const { contexts, incalls } = api.resources.services;
    const incallCtx = (
      await contexts.create(scopeOf(tenant1), tenant1, {
        label: 'From outside',
        type: 'incall',
        incall_ranges: [{ start: '5550000', end: '5559999' }],
      })
    ).name;
    const res = await send(
      'POST',
      'admin1',
      csvOf([
        { firstname: 'Inez', incall_exten: '5550100', incall_context: incallCtx, incall_ring_seconds: '15' },
        { firstname: 'Ivan', incall_exten: '5550101', incall_context: incallCtx },
        { firstname: 'Nobody', incall_exten: '', incall_context: '' },
      ]),
    );
    assert.equal(res.statusCode, 201, res.body);
    const [inez, ivan, nobody] = res.json().created;
    assert.equal(nobody.incall_extension_id, null);
    const routed = await incalls.search(scopeOf(tenant1), { filters: { user_id: inez.user_id } });
    assert.deepEqual(
      routed.items.map((i) => [
        i.destination.type,
        i.destination.user_id,
        i.destination.ring_time,
        i.extensions[0]?.id,
      ]),
      [['user', inez.user_id, 15, inez.incall_extension_id]],
    );
    const user = await get(`/users/${ivan.user_uuid}`);
    assert.deepEqual(
      user.incalls.map((i: { extensions: { exten: string }[] }) => i.extensions[0]?.exten),
      ['5550101'],
    );
    const wrong = await send(
      'POST',
      'admin1',
      csvOf([{ firstname: 'W', incall_exten: '5550102', incall_context: ctx.t1 }]),
    );
    assert.equal(wrong.statusCode, 400);
    assert.match(wrong.json().errors[0].message, /ContextType 'internal' cannot be associated/);
    const update = await send(
      'PUT',
      'admin1',
      csvOf([
        {
          uuid: ivan.user_uuid,
          incall_exten: '5550109',
          incall_context: incallCtx,
          incall_ring_seconds: '20',
        },
      ]),
    );
    assert.equal(update.statusCode, 200, update.body);
    assert.equal(update.json().updated[0].incall_extension_id, ivan.incall_extension_id);
    const edited = (await incalls.search(scopeOf(tenant1), { filters: { user_id: ivan.user_id } })).items;
    assert.deepEqual(
      edited.map((i) => [i.extensions[0]?.exten, i.destination.ring_time]),
      [['5550109', 20]],
    );
    const rows = parse((await exportCsv('admin1')).body, { columns: true }) as Record<string, string>[];
    const exported = rows.find((r) => r.uuid === ivan.user_uuid)!;
    assert.deepEqual([exported.incall_exten, exported.incall_context], ['5550109', incallCtx]);
    await incalls.create(scopeOf(tenant1), tenant1, { destination: { type: 'user', user_id: ivan.user_id } });
    const several = await send('PUT', 'admin1', csvOf([{ uuid: ivan.user_uuid, firstname: 'Ivan' }]));
    assert.equal(several.statusCode, 400);
    assert.deepEqual(
      several.json().errors.map((e: { message: string }) => e.message),
      ['Resource Error - Operation not permitted. Cannot update when user has multiple incalls'],
    );
  });

  it('when a row asks for an SCCP line, then the line has a new SCCP endpoint, as Wazo', async () => {
    const res = await send(
      'POST',
      'admin1',
      csvOf([{ firstname: 'Sccp', line_protocol: 'sccp', context: ctx.t1 }]),
    );
    assert.equal(res.statusCode, 201, res.body);
    const [ids] = res.json().created;
    assert.equal(typeof ids.sccp_id, 'number');
    assert.equal(ids.sip_uuid, null);
    const line = await get(`/users/${ids.user_uuid}`).then((u) => u.lines[0]);
    assert.deepEqual([line.id, line.endpoint_sccp?.id, line.endpoint_sip], [ids.line_id, ids.sccp_id, null]);
  });

  it("when another tenant's context or call permission is named, then not found and nothing made", async () => {
    const before = await footprint();
    const res = await send(
      'POST',
      'admin1',
      csvOf([
        { firstname: 'A', context: ctx.t2, line_protocol: 'sip' },
        { firstname: 'B', call_permissions: perm.t2 },
      ]),
    );
    assert.equal(res.statusCode, 400);
    assert.deepEqual(
      res.json().errors.map((e: { message: string }) => e.message),
      [
        `Resource Not Found - Context was not found ('name': '${ctx.t2}')`,
        `Resource Not Found - CallPermission was not found ('name': '${perm.t2}')`,
      ],
    );
    assert.deepEqual(await footprint(), before);
  });

  it('when imported with Wazo-Tenant, then the users are made in that tenant only', async () => {
    const res = await send(
      'POST',
      'admin2',
      csvOf([{ firstname: 'Tenant2', context: ctx.t2, line_protocol: 'sip' }]),
    );
    assert.equal(res.statusCode, 201, res.body);
    const { user_uuid } = res.json().created[0];
    assert.equal((await get(`/users/${user_uuid}`, 'admin2')).tenant_uuid, tenant2);
    const other = await api.app.inject({
      method: 'GET',
      url: `/1.1/users/${user_uuid}`,
      headers: { 'x-auth-token': 'admin1' },
    });
    assert.equal(other.statusCode, 404);
  });

  it('when the token lacks confd.users.import.create, or the body is not CSV, then refused and nothing made', async () => {
    const before = await footprint();
    assert.equal((await send('POST', 'reader', csvOf([{ firstname: 'A' }]))).statusCode, 401);
    const json = await api.app.inject({
      method: 'POST',
      url: '/1.1/users/import',
      headers: { 'x-auth-token': 'admin1', 'content-type': 'application/json' },
      payload: { firstname: 'A' },
    });
    assert.equal(json.statusCode, 400, json.body);
    const broken = await send('POST', 'admin1', 'firstname\n"unclosed');
    assert.equal(broken.statusCode, 400, broken.body);
    assert.match(broken.json()[0], /^Input Error - invalid CSV/);
    assert.deepEqual(await footprint(), before);
  });

  it('when committed, then the events are in the outbox', async () => {
    const before = (await outboxNames(database)).length;
    const res = await send(
      'POST',
      'admin1',
      csvOf([{ firstname: 'Eve', line_protocol: 'sip', context: ctx.t1, exten: '1003' }]),
    );
    assert.equal(res.statusCode, 201, res.body);
    assert.deepEqual((await outboxNames(database)).slice(before), [
      'user_created',
      'sip_endpoint_created',
      'line_endpoint_sip_associated',
      'line_created',
      'extension_created',
      'user_line_associated',
      'line_extension_associated',
    ]);
  });
});

describe('GET /users/export', () => {
  it("when exported, then Wazo's columns, the tenant's users only, with their telephony and login", async () => {
    const res = await exportCsv('admin1');
    assert.equal(res.statusCode, 200, res.body);
    assert.match(String(res.headers['content-type']), /^text\/csv; charset=utf-8/);
    const [header] = res.body.split('\r\n');
    assert.equal(
      header,
      'uuid,subscription_type,firstname,lastname,email,mobile_phone_number,outgoing_caller_id,language,' +
        'call_permission_password,enabled,ring_seconds,simultaneous_calls,supervision_enabled,' +
        'call_transfer_enabled,dtmf_hangup_enabled,call_record_outgoing_external_enabled,' +
        'call_record_outgoing_internal_enabled,call_record_incoming_external_enabled,' +
        'call_record_incoming_internal_enabled,online_call_record_enabled,userfield,voicemail_name,' +
        'voicemail_number,voicemail_context,voicemail_password,voicemail_email,voicemail_attach_audio,' +
        'voicemail_delete_messages,voicemail_ask_password,line_protocol,provisioning_code,context,' +
        'sip_username,sip_secret,exten,incall_exten,incall_context,call_permissions,username',
    );
    const rows = parse(res.body, { columns: true }) as Record<string, string>[];
    assert.ok(
      rows.every((r) => r.firstname !== 'Tenant2'),
      'no user of another tenant',
    );
    const richard = rows.find((r) => r.firstname === 'Rîchard')!;
    assert.deepEqual(
      {
        subscription_type: richard.subscription_type,
        supervision_enabled: richard.supervision_enabled,
        call_transfer_enabled: richard.call_transfer_enabled,
        ring_seconds: richard.ring_seconds,
        voicemail_number: richard.voicemail_number,
        voicemail_attach_audio: richard.voicemail_attach_audio,
        line_protocol: richard.line_protocol,
        context: richard.context,
        sip_secret: richard.sip_secret,
        exten: richard.exten,
        call_permissions: richard.call_permissions,
        incall_exten: richard.incall_exten,
      },
      {
        subscription_type: '2',
        supervision_enabled: '1',
        call_transfer_enabled: '0',
        ring_seconds: '10',
        voicemail_number: '1001',
        voicemail_attach_audio: '1',
        line_protocol: 'sip',
        context: ctx.t1,
        sip_secret: 'sipsecret',
        exten: '1001',
        call_permissions: perm.t1,
        incall_exten: '',
      },
    );
    assert.match(richard.username!, /^imp-/);
    const tenant2 = parse((await exportCsv('admin2')).body, { columns: true }) as Record<string, string>[];
    assert.deepEqual(
      tenant2.map((r) => r.firstname),
      ['Tenant2'],
    );
  });

  it('when a tenant exported is imported into another after the clashing columns go, then the same users are made', async () => {
    const rows = parse((await exportCsv('admin1')).body, { columns: true }) as Record<string, string>[];
    const bob = rows.find((r) => r.firstname === 'Bob')!;
    // Another tenant: its own context, no login or number or SIP name already taken.
    const again = {
      ...bob,
      uuid: '',
      username: '',
      context: ctx.t2,
      exten: '1002',
      sip_username: '',
      provisioning_code: '',
    };
    const res = await send('POST', 'admin2', csvOf([again]));
    assert.equal(res.statusCode, 201, res.body);
    const user = await get(`/users/${res.json().created[0].user_uuid}`, 'admin2');
    assert.equal(user.firstname, 'Bob');
    assert.equal(user.lines[0].extensions[0].exten, '1002');
  });

  it('when the token lacks confd.users.export.read, then 401', async () => {
    assert.equal((await exportCsv('reader')).statusCode, 401);
  });
});

describe('PUT /users/import', () => {
  let dave: { user_uuid: string; line_id: number; sip_uuid: string; extension_id: number; user_id: number };
  const daveLogin = login();

  before(async () => {
    const res = await send(
      'POST',
      'admin1',
      csvOf([
        {
          firstname: 'Dave',
          username: daveLogin,
          password: 'secret-pw',
          line_protocol: 'sip',
          context: ctx.t1,
          exten: '1200',
          call_permissions: perm.t1,
        },
      ]),
    );
    assert.equal(res.statusCode, 201, res.body);
    dave = res.json().created[0];
  });

  it('when rows update users by uuid, then 200 with their ids, confd and wazo-auth changed', async () => {
    const newLogin = login();
    const res = await send(
      'PUT',
      'admin1',
      csvOf([
        {
          uuid: dave.user_uuid,
          firstname: 'David',
          lastname: 'Bowman',
          username: newLogin,
          email: `${newLogin}@example.com`,
          supervision_enabled: '0',
          exten: '1201',
          context: ctx.t1,
          sip_username: `sip${newLogin.slice(4)}`,
          sip_secret: 'newsecret',
          voicemail_name: 'Dave VM',
          voicemail_number: '1201',
          voicemail_context: ctx.t1,
          call_permissions: '',
        },
      ]),
    );
    assert.equal(res.statusCode, 200, res.body);
    const [updated] = res.json().updated;
    assert.equal(updated.row_number, 1);
    assert.equal(updated.user_id, dave.user_id);
    assert.equal(updated.line_id, dave.line_id);
    assert.equal(updated.extension_id, dave.extension_id);
    assert.equal(updated.sip_uuid, dave.sip_uuid);
    assert.deepEqual(updated.call_permission_ids, []);
    const user = await get(`/users/${dave.user_uuid}`);
    assert.deepEqual([user.firstname, user.lastname, user.supervision_enabled], ['David', 'Bowman', false]);
    assert.equal(user.voicemail.id, updated.voicemail_id);
    assert.deepEqual(user.call_permissions, []);
    assert.equal(user.lines[0].extensions[0].exten, '1201');
    assert.deepEqual(user.lines[0].endpoint_sip.auth_section_options, [
      ['username', `sip${newLogin.slice(4)}`],
    ]);
    const token = await postToken(world.auth.api, newLogin, 'secret-pw');
    assert.equal(token.metadata.uuid, dave.user_uuid, 'wazo-auth took the new login');
    assert.equal(await world.authUsersNamed(daveLogin), 0);
  });

  it('when one row is bad, then 400 and neither confd nor wazo-auth changed', async () => {
    const before = await footprint();
    const renamed = login();
    const res = await send(
      'PUT',
      'admin1',
      csvOf([
        { uuid: dave.user_uuid, firstname: 'Changed', username: renamed },
        { uuid: dave.user_uuid, firstname: '', username: '' },
        { uuid: '00000000-0000-4000-8000-000000000000', firstname: 'Nobody', username: '' },
        { uuid: dave.user_uuid, firstname: 'David', password: 'another-pw' },
      ]),
    );
    assert.equal(res.statusCode, 400, res.body);
    const errors = res.json().errors;
    assert.deepEqual(
      errors.map((e: { details: { row_number: number } }) => e.details.row_number),
      [2, 3, 4],
    );
    assert.match(errors[0].message, /firstname/);
    assert.equal(
      errors[1].message,
      "Resource Not Found - User was not found ('uuid': '00000000-0000-4000-8000-000000000000')",
    );
    assert.equal(errors[2].message, "Input Error - password: ['Not supported by this confd.']");
    assert.equal((await get(`/users/${dave.user_uuid}`)).firstname, 'David');
    assert.equal(await world.authUsersNamed(renamed), 0);
    assert.deepEqual(await footprint(), before);
  });

  it("when wazo-auth refuses a row's login, then its earlier rows are put back in wazo-auth too", async () => {
    const other = (await send('POST', 'admin1', csvOf([{ firstname: 'Frank', username: login() }]))).json()
      .created[0];
    const renamed = login();
    const res = await send(
      'PUT',
      'admin1',
      csvOf([
        { uuid: dave.user_uuid, username: renamed },
        { uuid: other.user_uuid, username: alice() },
      ]),
    );
    assert.equal(res.statusCode, 400, res.body);
    assert.equal(res.json().errors[0].details.row_number, 2);
    assert.equal(await world.authUsersNamed(renamed), 0, "the first row's new login was put back");
  });

  it("when another tenant's user is named, then not found", async () => {
    const res = await send('PUT', 'admin2', csvOf([{ uuid: dave.user_uuid, firstname: 'Stolen' }]));
    assert.equal(res.statusCode, 400);
    assert.match(res.json().errors[0].message, /User was not found/);
    assert.equal((await get(`/users/${dave.user_uuid}`)).firstname, 'David');
  });
});
