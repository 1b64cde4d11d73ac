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
import { createMigratedTestDatabase, type MigratedTestDatabase } from '@wazo-ts/dao/testing';
import { answerLinksPlugin } from './common/answer-links.js';
import { confdDaemon } from './definition.js';
import { type AnswerRecorder, createAnswerRecorder } from './testing/answer-recorder.js';
import { seedAndReadEverything } from './testing/answer-walk.js';
import { caller, type Method } from './testing/route-calls.js';
import { buildTestApi, fixedServiceToken, type TestApi } from './testing/test-app.js';

/** Routes whose success needs a resource wazo-ts does not have yet (an agent): never a 2xx. */
const CANNOT_SUCCEED = new Set(['PUT /1.1/users/:user_id/agents/:agent_id']);

let database: MigratedTestDatabase;
let api: TestApi;
let recorder: AnswerRecorder;
const tenant = randomUUID();

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
      close: () => undefined,
    },
  });
  api.verifier.add({ token: 'admin', acl: ['confd.#'], metadata: { tenant_uuid: tenant } });
  // A phone wazo-provd would have found on the network: no route makes one (no provisioning server).
  await api.resources.services.tenants.ensure(tenant);
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
  endpoint_sccp: { route: 'endpoints/sccp', field: 'id' },
};

/**
 * Every `links` in an answer, at any depth, is Wazo's `[{rel, href}]` naming the object it sits
 * in (by the field Wazo's schema links by; users by uuid, see docs/compatibility.md), and every
 * object that has such a field under a key Wazo links also has its `links`. Returns how many.
 */
function checkLinks(value: unknown, where: string, key = ''): number {
  if (Array.isArray(value)) return value.reduce((n: number, item) => n + checkLinks(item, where, key), 0);
  if (typeof value !== 'object' || value === null) return 0;
  const object = value as Record<string, unknown>;
  let seen = 0;
  if ('links' in object) {
    const links = object.links as { rel: string; href: string }[];
    assert.equal(links.length, 1, `${where}: ${key} has one link`);
    const { rel, href } = links[0]!;
    const expected = LINKED[rel];
    assert.ok(expected, `${where}: ${key} links to ${rel}`);
    // A user itself is linked by id, as Wazo does; the summaries without an id, by uuid.
    const field = rel === 'users' && 'id' in object ? 'id' : expected.field;
    assert.equal(href, `http://localhost:80/1.1/${expected.route}/${object[field]}`, `${where}: ${key}`);
    seen += 1;
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
      'endpoint_custom',
      'endpoint_sccp',
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
      linksSeen += checkLinks(res.json(), `${method} ${url}`);
      return res.json();
    };
    let linksSeen = 0;
    await seedAndReadEverything(checked);
    assert.ok(linksSeen > 50, `${linksSeen} links checked`);
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
