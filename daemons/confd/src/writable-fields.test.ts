/**
 * No request field reaches SQL unless its route's body schema declares it (issues 12.1, 14.3):
 * every create and update route of the OpenAPI document gets unknown and read-only keys, hostile
 * shapes and wrong types for every field, with a real token on real PostgreSQL. None answers 5xx;
 * a refused body changes no row of any table; an accepted one stores none of its unknown keys.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import {
  assertNoHarm,
  fillPath,
  hostileTexts,
  UNKNOWN_KEYS,
  type WriteProbe,
  type WriteRoute,
  writeRoutes,
  wrongFieldBodies,
} from '@wazo-ts/daemon/testing';
import { scopeOf } from '@wazo-ts/dao';
import { createMigratedTestDatabase, type MigratedTestDatabase } from '@wazo-ts/dao/testing';
import { tablesContaining, type WriteWatch, watchWrites } from '@wazo-ts/db/testing';
import { confdDaemon } from './definition.js';
import {
  editEverything,
  seedContexts,
  seedDevice,
  seedFuncKeys,
  seedLines,
  seedSchedule,
  seedUsers,
  seedVoicemails,
} from './testing/answer-walk.js';
import { seedIaxAndApplication } from './testing/answer-walk-applications.js';
import { seedEndpoints } from './testing/answer-walk-endpoints.js';
import { seedMedia } from './testing/answer-walk-media.js';
import { seedMeetings } from './testing/answer-walk-meetings.js';
import { seedPickups } from './testing/answer-walk-pickups.js';
import { seedAgentsAndQueues } from './testing/answer-walk-queues.js';
import { seedTrunksAndOutcalls } from './testing/answer-walk-trunks.js';
import { seedUserExtras } from './testing/answer-walk-user-extras.js';
import { caller, type Method } from './testing/route-calls.js';
import { buildTestApi, fixedServiceToken, type TestApi } from './testing/test-app.js';

const SENTINEL = 'INJECTED';
const SENTINEL_ID = 987654321;

let database: MigratedTestDatabase;
let api: TestApi;
let writes: WriteWatch;
const tenant = randomUUID();
/** A body each route took, by `METHOD /path/{param}`, and the value of each path parameter. */
const accepted = new Map<string, Record<string, unknown>>();
const params: Record<string, string> = {};

const templateOf = (path: string) => new RegExp(`^${path.replace(/\{[^}]+\}/g, '[^/]+')}$`);

async function seed(routes: WriteRoute[]) {
  const call = caller(api);
  const checked = async (method: Method, url: string, body?: unknown) => {
    const res = await call(method, url, 'admin', body);
    assert.ok(res.statusCode < 300, `${method} ${url}: ${res.statusCode} ${res.body}`);
    const route = routes.find((r) => r.method === method && templateOf(r.path).test(`/1.1${url}`));
    if (route && body && !accepted.has(`${method} ${route.path}`))
      accepted.set(`${method} ${route.path}`, body as Record<string, unknown>);
    return res.statusCode === 204 ? undefined : res.json();
  };
  const { internal } = await seedContexts(checked);
  const { sip, extension } = await seedLines(checked, internal.name);
  const { alice, bob } = await seedUsers(checked, internal.name, sip.id);
  const group = await checked('POST', '/groups', { label: 'sales', timeout: 15 });
  const schedule = await seedSchedule(checked, internal.name);
  const funcKeyTemplate = await seedFuncKeys(checked, alice, bob, group);
  const permission = await checked('POST', '/callpermissions', {
    name: 'local',
    extensions: ['1XXX'],
    description: 'office',
  });
  const endpoints = await seedEndpoints(checked);
  const voicemail = await seedVoicemails(checked, internal.name, alice, bob);
  const device = await seedDevice(checked, sip.id);
  const callFilter = await checked('POST', '/callfilters', { name: 'boss', strategy: 'all', source: 'all' });
  await checked('PUT', `/callfilters/${callFilter.id}/recipients/users`, {
    users: [{ uuid: alice.uuid, timeout: 5 }],
  });
  await checked('PUT', `/callfilters/${callFilter.id}/surrogates/users`, { users: [{ uuid: bob.uuid }] });
  await checked('PUT', `/callfilters/${callFilter.id}/fallbacks`, { noanswer_destination: { type: 'none' } });
  const { iax, application } = await seedIaxAndApplication(checked);
  await editEverything(checked, { internal, sip, extension, alice, group, schedule, voicemail, device });
  const extras = await seedUserExtras(checked, alice);
  const skillRule = await checked('POST', '/queues/skillrules', { name: 'writable' });
  const pickups = await seedPickups(checked, alice, group);
  const incall = await checked('POST', '/incalls', { destination: { type: 'user', user_id: alice.id } });
  const phoneNumber = await checked('POST', '/phone-numbers', {
    number: '+15551234',
    caller_id_name: 'Seed',
  });
  const queues = await seedAgentsAndQueues(checked, alice);
  const media = await seedMedia(checked, alice);
  const conferenceGroup = await seedConferenceGroup(checked, internal.name, alice);
  Object.assign(params, {
    sip_uuid: endpoints.sip.uuid,
    template_uuid: endpoints.template.uuid,
    transport_uuid: endpoints.transport.uuid,
    user_id: String(alice.id),
    line_id: String(sip.id),
    context_id: String(internal.id),
    extension_id: String(extension.id),
    group_id: String(group.id),
    schedule_id: String(schedule.id),
    template_id: String(funcKeyTemplate.id),
    position: '1',
    group_uuid: group.uuid,
    callpermission_id: String(permission.id),
    registrar_id: 'default',
    access_feature_id: '2',
    voicemail_id: String(voicemail.id),
    device_id: String(device.id),
    callfilter_id: String(callFilter.id),
    iax_id: String(iax.id),
    application_uuid: application.uuid,
    blocklist_number_uuid: extras.blocklistNumber.uuid,
    name: extras.appName,
    user_uuid: alice.uuid,
    uuid: extras.featureUuid,
    custom_id: String(endpoints.custom.id),
    sccp_id: String(endpoints.sccp.id),
    skillrule_id: String(skillRule.id),
    switchboard_uuid: pickups.switchboard.uuid,
    callpickup_id: String(pickups.pickup.id),
    incall_id: String(incall.id),
    phone_number_uuid: phoneNumber.uuid,
    ...(await seedMeetings(checked)),
    agent_id: String(queues.agent.id),
    skill_id: String(queues.skill.id),
    queue_id: String(queues.queue.id),
    ivr_id: String(media.ivr.id),
    moh_uuid: media.moh.uuid,
    ...(await seedTrunksAndOutcalls(checked)),
    ...conferenceGroup,
  });
}

const urlOf = (route: WriteRoute) => fillPath(route, params).replace(/^\/1\.1/, '');

function readOnlyValues(route: WriteRoute): Record<string, unknown> {
  return Object.fromEntries(route.readOnly.map((key) => [key, key === 'id' ? SENTINEL_ID : SENTINEL]));
}

const probe: WriteProbe = {
  send: (route, payload) =>
    api.app.inject({
      method: route.method,
      url: `/1.1${urlOf(route)}`,
      headers: { 'x-auth-token': 'admin', 'content-type': 'application/json' },
      payload,
    }),
  // Committed row writes, counted by triggers set once the world is seeded (see watchWrites): a
  // digest of every table for each of thousands of bodies took most of this file's minutes.
  fingerprint: () => writes.count(),
};

before(async () => {
  database = await createMigratedTestDatabase({ prefix: 'wazo_confd_writable' });
  const plugins = confdDaemon.plugins.filter((p) => typeof p !== 'string' && p.name !== 'tenant_sync');
  api = await buildTestApi(database, plugins as never, {
    serviceToken: fixedServiceToken('confd-token', tenant),
    authUsers: {
      create: async (_token, _tenant, user) => ({ ...user, password: undefined, emails: [], metadata: {} }),
      delete: async () => true,
      close: () => undefined,
    },
  });
  // The token's own user, for the `/users/me/...` routes; default SIP templates for meetings.
  await api.resources.services.tenants.ensureWithSipTemplates(tenant);
  const me = await api.resources.services.users.create(scopeOf(tenant), tenant, { firstname: 'Me' });
  api.verifier.add({ token: 'admin', acl: ['confd.#'], metadata: { tenant_uuid: tenant, uuid: me.uuid } });
});
after(async () => {
  await api?.app.close();
  await database?.drop();
});

describe('confd request bodies: only declared fields are written', () => {
  let routes: WriteRoute[] = [];

  it('when the OpenAPI document is walked and the world seeded, then every write route has a body it took', async () => {
    routes = writeRoutes((await api.app.inject({ url: '/1.1/api/api.yml' })).body);
    assert.ok(routes.length >= 20, `${routes.length} write routes`);
    await seed(routes);
    for (const route of routes) urlOf(route);
    writes = await watchWrites(database.pool);
  });

  it('when a GET document is PUT back with one field changed, then 204 and only that field changed', async () => {
    const call = caller(api);
    // PUT /phone-numbers/main names which number becomes main; its GET answers that number.
    const puts = routes.filter(
      (route) =>
        route.method === 'PUT' && route.readOnly.length > 0 && !route.path.endsWith('/phone-numbers/main'),
    );
    assert.ok(puts.length >= 6, puts.map((route) => route.path).join(', '));
    for (const route of puts) {
      const url = urlOf(route);
      const read = (await call('GET', url, 'admin')).json();
      // The user's name changes wherever the document shows it (its lines list their users too).
      const renamed = JSON.stringify(read).replaceAll(
        `"firstname":"${read.firstname}"`,
        '"firstname":"Changed"',
      );
      const changed = 'firstname' in read ? JSON.parse(renamed) : read;
      // Wazo refuses the deprecated call_record_enabled beside the four flags it stands for.
      const { call_record_enabled: _deprecated, ...sent } = changed;
      const res = await call('PUT', url, 'admin', sent);
      assert.ok(res.statusCode < 300, `PUT ${route.path}: ${res.statusCode} ${res.body}`);
      assert.deepEqual((await call('GET', url, 'admin')).json(), changed, `PUT ${route.path}`);
    }
  });

  it('when unknown and read-only keys come with a body, then none is stored or answered', async () => {
    for (const route of routes) {
      const base = accepted.get(`${route.method} ${route.path}`) ?? {};
      const body = { ...base, ...UNKNOWN_KEYS, ...readOnlyValues(route) };
      await assertNoHarm(probe, route, [JSON.stringify(body), ...hostileTexts(base)]);
      const res = await probe.send(route, JSON.stringify(body));
      assert.doesNotMatch(
        res.body,
        new RegExp(`${SENTINEL}|${SENTINEL_ID}`),
        `${route.method} ${route.path}`,
      );
    }
    assert.deepEqual(await tablesContaining(database.pool, SENTINEL), []);
    assert.deepEqual(await tablesContaining(database.pool, String(SENTINEL_ID)), []);
  });

  it('when any field has a wrong type or a hostile value, then never a 5xx, and a 400 writes nothing', async () => {
    for (const route of routes) {
      const base = accepted.get(`${route.method} ${route.path}`) ?? {};
      await assertNoHarm(probe, route, wrongFieldBodies(route, base));
    }
  });
});

/** A conference, a paging and a parking lot, each with its extension or users: their path ids. */
async function seedConferenceGroup(
  checked: (method: Method, url: string, body?: unknown) => Promise<{ id: number }>,
  context: string,
  user: { uuid: string },
) {
  const conference = await checked('POST', '/conferences', { name: 'room', pin: '1' });
  const room = await checked('POST', '/extensions', { exten: '4008', context });
  await checked('PUT', `/conferences/${conference.id}/extensions/${room.id}`);
  const paging = await checked('POST', '/pagings', { number: '9902', name: 'all' });
  await checked('PUT', `/pagings/${paging.id}/members/users`, { users: [{ uuid: user.uuid }] });
  await checked('PUT', `/pagings/${paging.id}/callers/users`, { users: [{ uuid: user.uuid }] });
  const lot = await checked('POST', '/parkinglots', { name: 'lot', slots_start: '801', slots_end: '850' });
  const lotExtension = await checked('POST', '/extensions', { exten: '800', context });
  await checked('PUT', `/parkinglots/${lot.id}/extensions/${lotExtension.id}`);
  return {
    conference_id: String(conference.id),
    paging_id: String(paging.id),
    parking_lot_id: String(lot.id),
  };
}
