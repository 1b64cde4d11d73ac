/**
 * Every route of confd, answered on a seeded database: what the client receives (serialised by
 * fast-json-stringify through the route's response schema) is exactly what the handler returned.
 * A key missing from a response schema would be dropped silently, a wrong type coerced; here it
 * fails. The OpenAPI document then lists a response schema for every operation.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { undocumentedAnswers } from '@wazo-ts/daemon/testing';
import { scopeOf } from '@wazo-ts/dao';
import { createMigratedTestDatabase, type MigratedTestDatabase } from '@wazo-ts/dao/testing';
import { answerLinksPlugin } from './common/answer-links.js';
import { confdDaemon } from './definition.js';
import { type AnswerRecorder, createAnswerRecorder } from './testing/answer-recorder.js';
import { seedAndReadEverything } from './testing/answer-walk.js';
import { walkMediaFiles } from './testing/answer-walk-media.js';
import { caller, type Method } from './testing/route-calls.js';
import { buildTestApi, fixedServiceToken, type TestApi } from './testing/test-app.js';

/** Routes that never answer 2xx here. */
const CANNOT_SUCCEED = new Set([
  // The wizard is passed at installation: Wazo then refuses both with 403 (settings-more test).
  'POST /1.1/wizard',
  'GET /1.1/wizard/discover',
]);

let database: MigratedTestDatabase;
let api: TestApi;
let recorder: AnswerRecorder;
const tenant = randomUUID();
let me: { uuid: string };

before(async () => {
  database = await createMigratedTestDatabase({ prefix: 'wazo_confd_answers' });
  recorder = createAnswerRecorder();
  const plugins = confdDaemon.plugins.filter(
    (p) => typeof p !== 'string' && p.name !== 'tenant_sync' && p !== answerLinksPlugin,
  );
  // The recorder sees each answer once its links are filled, as the client gets it.
  const all = [answerLinksPlugin, recorder.plugin, ...(plugins as (typeof recorder.plugin)[])];
  api = await buildTestApi(database, all, {
    serviceToken: fixedServiceToken('confd-token', tenant),
    // wazo-auth's answer is passed on under `auth` as it comes: any keys, kept whole.
    authUsers: {
      create: async (_token, _tenant, user) => ({ ...user, password: undefined, emails: [], metadata: {} }),
      delete: async () => true,
      list: async () => [],
      close: () => undefined,
    },
  });
  // A phone wazo-provd would have found on the network: no route makes one (no provisioning server).
  // With its default SIP templates: a meeting's guest endpoint is made from one.
  await api.resources.services.tenants.ensureWithSipTemplates(tenant);
  // The token's own user, for the `/users/me/...` routes.
  me = await api.resources.services.users.create(scopeOf(tenant), tenant, { firstname: 'Me' });
  api.verifier.add({ token: 'admin', acl: ['confd.#'], metadata: { tenant_uuid: tenant, uuid: me.uuid } });
  await database.pool.query('INSERT INTO device (tenant_uuid, is_new, mac) VALUES ($1, true, $2)', [
    tenant,
    '00:00:00:00:00:01',
  ]);
});
after(async () => {
  await api?.app.close();
  await database?.drop();
});

const LINKED: Record<string, { route: string; field: string }> = {
  users: { route: 'users', field: 'uuid' },
  lines: { route: 'lines', field: 'id' },
  groups: { route: 'groups', field: 'uuid' },
  contexts: { route: 'contexts', field: 'id' },
  extensions: { route: 'extensions', field: 'id' },
  schedules: { route: 'schedules', field: 'id' },
  endpoint_sip: { route: 'endpoints/sip', field: 'uuid' },
  endpoint_custom: { route: 'endpoints/custom', field: 'id' },
  callpermissions: { route: 'callpermissions', field: 'id' },
  voicemails: { route: 'voicemails', field: 'id' },
  devices: { route: 'devices', field: 'id' },
  endpoint_sip_templates: { route: 'endpoints/sip/templates', field: 'uuid' },
  func_keys_templates: { route: 'funckeys/templates', field: 'id' },
  registrars: { route: 'registrars', field: 'id' },
  access_features: { route: 'access_features', field: 'id' },
  callfilters: { route: 'callfilters', field: 'id' },
  endpoint_iax: { route: 'endpoints/iax', field: 'id' },
  applications: { route: 'applications', field: 'uuid' },
  user_me_blocklist_numbers: { route: 'users/me/blocklist/numbers', field: 'uuid' },
  user_blocklist_numbers: { route: 'users/blocklist/numbers', field: 'uuid' },
  external_apps: { route: 'external/apps', field: 'name' },
  extensions_features: { route: 'extensions/features', field: 'uuid' },
  endpoint_sccp: { route: 'endpoints/sccp', field: 'id' },
  skillrules: { route: 'queues/skillrules', field: 'id' },
  switchboards: { route: 'switchboards', field: 'uuid' },
  callpickups: { route: 'callpickups', field: 'id' },
  incalls: { route: 'incalls', field: 'id' },
  phone_numbers: { route: 'phone-numbers', field: 'uuid' },
  ingresses_http: { route: 'ingresses/http', field: 'uuid' },
  meetings: { route: 'meetings', field: 'uuid' },
  agents: { route: 'agents', field: 'id' },
  skills: { route: 'agents/skills', field: 'id' },
  queues: { route: 'queues', field: 'id' },
  ivr: { route: 'ivr', field: 'id' },
  moh: { route: 'moh', field: 'uuid' },
  sounds: { route: 'sounds', field: 'name' },
  trunks: { route: 'trunks', field: 'id' },
  outcalls: { route: 'outcalls', field: 'id' },
  register_iax: { route: 'registers/iax', field: 'id' },
  conferences: { route: 'conferences', field: 'id' },
  pagings: { route: 'pagings', field: 'id' },
  parkinglots: { route: 'parkinglots', field: 'id' },
};

/** An association's item links both sides by their `<side>_id` (a line's device, a template's user). */
const ASSOCIATION_FIELDS: Record<string, string> = {
  lines: 'line_id',
  devices: 'device_id',
  users: 'user_id',
  func_keys_templates: 'template_id',
};

/** The field an object is linked by: its own, or the side's id in an association's item. */
function linkField(rel: string, object: Record<string, unknown>, association: boolean): string {
  if (association) return ASSOCIATION_FIELDS[rel]!;
  // A user itself is linked by id, as Wazo does; the summaries without an id, by uuid.
  return rel === 'users' && 'id' in object ? 'id' : LINKED[rel]!.field;
}

/**
 * Every `links` in an answer, at any depth, is Wazo's `[{rel, href}]` naming the object it sits
 * in (by the field Wazo's schema links by; users by uuid, see docs/compatibility.md), and every
 * object that has such a field under a key Wazo links also has its `links`. Returns how many.
 */
const relsSeen = new Set<string>();
/** The pairs of rels seen on association items (a line's device, a template's user). */
const associationsSeen = new Set<string>();

function checkLinks(value: unknown, where: string, key = ''): number {
  if (Array.isArray(value)) return value.reduce((n: number, item) => n + checkLinks(item, where, key), 0);
  if (typeof value !== 'object' || value === null) return 0;
  const object = value as Record<string, unknown>;
  let seen = 0;
  // A range of phone numbers answers a link to each number it holds, beside their count.
  if (key === '' && where === 'POST /phone-numbers/ranges') {
    for (const { rel, href } of object.links as { rel: string; href: string }[]) {
      assert.match(href, /^http:\/\/localhost:80\/1\.1\/phone-numbers\/[0-9a-f-]{36}$/, where);
      assert.equal(rel, 'phone_numbers', where);
    }
    return 0;
  }
  if ('links' in object) {
    const links = object.links as { rel: string; href: string }[];
    const association = links.length > 1;
    if (association) associationsSeen.add(links.map((link) => link.rel).join(' '));
    assert.ok(
      links.length === 1 || links.length === 2,
      `${where}: ${key} has one link, or two for an association`,
    );
    for (const { rel, href } of links) {
      const expected = LINKED[rel];
      assert.ok(expected, `${where}: ${key} links to ${rel}`);
      const field = linkField(rel, object, association);
      assert.equal(href, `http://localhost:80/1.1/${expected.route}/${object[field]}`, `${where}: ${key}`);
      relsSeen.add(rel);
      seen += 1;
    }
  } else {
    const linkedKeys = [
      'lines',
      'users',
      'groups',
      'schedules',
      'contexts',
      'extensions',
      'endpoint_sip',
      'call_permissions',
      'voicemail',
      'line',
      'application',
      'endpoint_custom',
      'endpoint_sccp',
      'incalls',
      'agents',
      'skills',
      'queues',
      'agent',
      'queue',
      'trunk',
      'trunks',
      'outcalls',
      'endpoint_iax',
      'register_iax',
      'conference',
      'parking_lot',
    ];
    assert.ok(
      !linkedKeys.includes(key) || !('id' in object || 'uuid' in object),
      `${where}: ${key} has links`,
    );
  }
  for (const [name, child] of Object.entries(object))
    if (name !== 'links') seen += checkLinks(child, where, name);
  return seen;
}

/** The users CSV routes take (and the export gives) text/csv, not JSON. */
async function walkUsersCsv(recorder: AnswerRecorder) {
  const csv = (method: 'POST' | 'PUT', payload: string) =>
    api.app.inject({
      method,
      url: '/1.1/users/import',
      headers: { 'x-auth-token': 'admin', 'content-type': 'text/csv; charset=utf-8' },
      payload,
    });
  const created = await csv('POST', 'firstname,lastname\nZed,\n');
  assert.equal(created.statusCode, 201, created.body);
  assert.deepEqual(created.json(), recorder.lastReturned(), 'POST /users/import sends what it returned');
  const uuid = created.json().created[0].user_uuid;
  const updated = await csv('PUT', `uuid,userfield\n${uuid},x\n`);
  assert.equal(updated.statusCode, 200, updated.body);
  assert.deepEqual(updated.json(), recorder.lastReturned(), 'PUT /users/import sends what it returned');
  const exported = await api.app.inject({ url: '/1.1/users/export', headers: { 'x-auth-token': 'admin' } });
  assert.equal(exported.statusCode, 200, exported.body);
  assert.match(exported.body, /^uuid,subscription_type,firstname,/);
}

describe('confd answers through their response schemas', () => {
  it('when every route is called on a seeded database, then each answer is sent as returned', async () => {
    const call = caller(api);
    const checked = async (method: Method, url: string, body?: unknown) => {
      const res = await call(method, url, 'admin', body);
      assert.ok(res.statusCode < 300, `${method} ${url}: ${res.statusCode} ${res.body}`);
      if (res.statusCode === 204) {
        assert.equal(res.body, '', `${method} ${url} sends no body`);
        return undefined;
      }
      assert.deepEqual(res.json(), recorder.lastReturned(), `${method} ${url} sends what it returned`);
      assert.deepEqual(
        recorder.lastDocumented(),
        recorder.lastReturned(),
        `${method} ${url} returns its schema's types`,
      );
      linksSeen += checkLinks(res.json(), `${method} ${url}`);
      return res.json();
    };
    let linksSeen = 0;
    await seedAndReadEverything(checked, me);
    await walkUsersCsv(recorder);
    await walkMediaFiles(api.app, 'admin');
    assert.ok(linksSeen > 50, `${linksSeen} links checked`);
    assert.deepEqual([...relsSeen].sort(), Object.keys(LINKED).sort(), 'every kind of link was seen');
    assert.deepEqual([...associationsSeen].sort(), ['func_keys_templates users', 'lines devices']);
    const missed = [...recorder.routes].filter(
      (route) => !recorder.answered.has(route) && !CANNOT_SUCCEED.has(route),
    );
    assert.deepEqual(missed, [], 'every route was answered at least once');
    assert.ok(recorder.routes.size >= 48, `${recorder.routes.size} routes`);
  });

  it('when the OpenAPI document is read, then every operation documents its answer', async () => {
    const res = await api.app.inject({ url: '/1.1/api/api.yml' });
    assert.equal(res.statusCode, 200);
    assert.deepEqual(undocumentedAnswers(res.body), []);
    assert.doesNotMatch(res.body, /~kind|~optional|\[Kind\]/, 'no TypeBox internals');
  });
});
