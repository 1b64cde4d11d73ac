/**
 * wazo-confd's test_outcalls, test_outcall_trunk, test_outcall_extension, test_outcall_schedule
 * and test_outcall_call_permission checklists on a real PostgreSQL: defaults, field errors
 * changing nothing, a name unique on the platform, search, sort and paging, 404s across
 * tenants, events, ordered trunks, extensions of an outcall context with their dial-pattern
 * fields, schedule and call permissions shown on both sides, and what goes with a deleted
 * outcall (its links, the destinations to it).
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { createMigratedTestDatabase, type MigratedTestDatabase } from '@wazo-ts/dao/testing';
import { callPermissionsPlugin } from '../call-permissions/index.js';
import { answerLinksPlugin } from '../common/answer-links.js';
import { contextsPlugin } from '../contexts/index.js';
import { endpointSipPlugin } from '../endpoints/index.js';
import { extensionsPlugin } from '../extensions/index.js';
import { userFallbacksPlugin } from '../fallbacks/index.js';
import { schedulesPlugin } from '../schedules/index.js';
import { caller, lastOutboxId, rowCount, sentSince } from '../testing/route-calls.js';
import { buildTestApi, type TestApi } from '../testing/test-app.js';
import { usersPlugin } from '../users/index.js';
import {
  outcallCallPermissionsPlugin,
  outcallExtensionsPlugin,
  outcallSchedulesPlugin,
  outcallsPlugin,
  outcallTrunksPlugin,
  trunkEndpointsPlugin,
  trunksPlugin,
} from './index.js';

let database: MigratedTestDatabase;
let api: TestApi;
let call: ReturnType<typeof caller>;
const tenant1 = randomUUID();
const child1 = randomUUID();
const tenant2 = randomUUID();
let outcallContext: string;
let internalContext: string;
let childOutcallContext: string;

before(async () => {
  database = await createMigratedTestDatabase({ prefix: 'wazo_confd_outcalls' });
  api = await buildTestApi(database, [
    answerLinksPlugin,
    contextsPlugin,
    extensionsPlugin,
    usersPlugin,
    userFallbacksPlugin,
    schedulesPlugin,
    callPermissionsPlugin,
    endpointSipPlugin,
    trunksPlugin,
    trunkEndpointsPlugin,
    outcallsPlugin,
    outcallTrunksPlugin,
    outcallExtensionsPlugin,
    outcallSchedulesPlugin,
    outcallCallPermissionsPlugin,
  ]);
  call = caller(api);
  api.addSubtenant(tenant1, child1);
  api.verifier.add({ token: 'admin1', acl: ['confd.#'], metadata: { tenant_uuid: tenant1 } });
  api.verifier.add({ token: 'admin2', acl: ['confd.#'], metadata: { tenant_uuid: tenant2 } });
  api.verifier.add({ token: 'reader', acl: ['confd.outcalls.read'], metadata: { tenant_uuid: tenant1 } });
  for (const tenant of [tenant1, child1, tenant2]) await api.resources.services.tenants.ensure(tenant);
  outcallContext = (await created('/contexts', { label: 'to-extern', type: 'outcall' })).name;
  internalContext = (
    await created('/contexts', { label: 'internal', user_ranges: [{ start: '1000', end: '1999' }] })
  ).name;
  childOutcallContext = (
    await created('/contexts', { label: 'sub-extern', type: 'outcall' }, 'admin1', child1)
  ).name;
});
after(async () => {
  await api?.app.close();
  await database?.drop();
});

async function created(path: string, body: object, token = 'admin1', tenant?: string) {
  const res = await call('POST', path, token, body, tenant);
  assert.equal(res.statusCode, 201, res.body);
  return res.json();
}
const get = async (path: string, token = 'admin1') => {
  const res = await call('GET', path, token);
  assert.equal(res.statusCode, 200, res.body);
  return res.json();
};
const put = async (path: string, body: object = {}, expected = 204, token = 'admin1') => {
  const res = await call('PUT', path, token, body);
  assert.equal(res.statusCode, expected, res.body);
  return expected === 204 ? null : (res.json() as string[])[0]!;
};
const ids = (list: { items: { id: number }[] }) => list.items.map((item) => item.id);

describe('outcalls', () => {
  it('when created with a name only, then Wazo defaults, a Location and outcall_created', async () => {
    const from = await lastOutboxId(database);
    const res = await call('POST', '/outcalls', 'admin1', { name: 'minimal' });
    assert.equal(res.statusCode, 201, res.body);
    const outcall = res.json();
    assert.deepEqual(outcall, {
      id: outcall.id,
      tenant_uuid: tenant1,
      name: 'minimal',
      internal_caller_id: false,
      preprocess_subroutine: null,
      ring_time: null,
      description: null,
      enabled: true,
      trunks: [],
      extensions: [],
      schedules: [],
      call_permissions: [],
      links: [{ rel: 'outcalls', href: `http://localhost:80/1.1/outcalls/${outcall.id}` }],
    });
    assert.match(String(res.headers.location), new RegExp(`/1\\.1/outcalls/${outcall.id}$`));
    const [event] = await sentSince(database, from);
    assert.deepEqual(
      [event?.name, event?.routing_key, event?.data, event?.headers.tenant_uuid],
      ['outcall_created', 'config.outcalls.created', { id: outcall.id }, tenant1],
    );
    assert.deepEqual(await get(`/outcalls/${outcall.id}`), outcall);
  });

  it('when created with every field, then each is kept; a ring time of 0 is null', async () => {
    const body = {
      name: 'all',
      internal_caller_id: true,
      preprocess_subroutine: 'subroutine',
      ring_time: 10,
      description: 'outcall description',
      enabled: false,
    };
    const outcall = await created('/outcalls', body);
    assert.deepEqual(
      { ...outcall, id: 0, links: [], tenant_uuid: '' },
      {
        ...body,
        id: 0,
        links: [],
        tenant_uuid: '',
        trunks: [],
        extensions: [],
        schedules: [],
        call_permissions: [],
      },
    );
    assert.equal((await created('/outcalls', { name: 'zero', ring_time: 0 })).ring_time, null);
  });

  it("when a field is wrong or the name taken (in any tenant), then Wazo's words and nothing is written", async () => {
    await created('/outcalls', { name: 'unique' }, 'admin2');
    const outcall = await created('/outcalls', { name: 'to-edit' });
    const before = await rowCount(database, 'outcall');
    const cases: [object, RegExp][] = [
      [{ preprocess_subroutine: 123 }, /^Input Error - preprocess_subroutine/],
      [{ preprocess_subroutine: 'x'.repeat(80) }, /^Input Error - preprocess_subroutine/],
      [{ name: true }, /^Input Error - name/],
      [{ name: null }, /^Input Error - name/],
      [{ name: 'x'.repeat(129) }, /^Input Error - name/],
      [{ internal_caller_id: 'invalid' }, /^Input Error - internal_caller_id/],
      [{ internal_caller_id: null }, /^Input Error - internal_caller_id/],
      [{ ring_time: 'invalid' }, /^Input Error - ring_time/],
      [{ ring_time: -1 }, /^Input Error - ring_time/],
      [{ description: 1234 }, /^Input Error - description/],
      [{ enabled: null }, /^Input Error - enabled/],
      [{ name: 'unique' }, /^Resource Error - Outcall already exists \('name': 'unique'\)/],
    ];
    for (const [body, message] of cases) {
      const post = await call('POST', '/outcalls', 'admin1', { name: 'fresh', ...body });
      assert.equal(post.statusCode, 400, `POST ${JSON.stringify(body)}: ${post.body}`);
      assert.match(post.json()[0], message);
      assert.match((await put(`/outcalls/${outcall.id}`, body, 400)) ?? '', message);
    }
    const missing = await call('POST', '/outcalls', 'admin1', {});
    assert.match(missing.json()[0], /^Input Error - name: \['Missing data for required field.'\]/);
    assert.equal(await rowCount(database, 'outcall'), before);
    assert.equal((await get(`/outcalls/${outcall.id}`)).name, 'to-edit');
  });

  it('when listed, then search, filters, sort, paging and tenants as Wazo', async () => {
    const first = await created('/outcalls', { name: 'b-search', description: 'search' }, 'admin2');
    const second = await created('/outcalls', { name: 'a-hidden', description: 'hidden' }, 'admin2');
    const list = await get('/outcalls', 'admin2');
    assert.ok(list.items.length >= 2);
    assert.deepEqual(ids(await get('/outcalls?search=sear', 'admin2')), [first.id]);
    assert.deepEqual(ids(await get('/outcalls?description=hidden', 'admin2')), [second.id]);
    const byName = await get('/outcalls?order=name&search=-', 'admin2');
    assert.deepEqual(ids(byName), [second.id, first.id]);
    const page = await get('/outcalls?order=name&direction=desc&limit=1&offset=1&search=-', 'admin2');
    assert.deepEqual([page.total, ids(page)], [2, [second.id]]);
    assert.equal((await call('GET', '/outcalls?order=nope', 'admin2')).statusCode, 400);
    const sub = await created('/outcalls', { name: 'in-child' }, 'admin1', child1);
    assert.ok(!ids(await get('/outcalls', 'reader')).includes(sub.id));
    assert.ok(ids(await get('/outcalls?recurse=true', 'reader')).includes(sub.id));
    assert.ok(!ids(await get('/outcalls?recurse=true', 'reader')).includes(first.id));
    assert.equal((await call('POST', '/outcalls', 'reader', { name: 'no' })).statusCode, 401);
  });

  it("when another tenant's outcall is read, edited or deleted, then Outcall was not found", async () => {
    const outcall = await created('/outcalls', { name: 'foreign' }, 'admin2');
    for (const method of ['GET', 'PUT', 'DELETE'] as const) {
      const res = await call(method, `/outcalls/${outcall.id}`, 'admin1', method === 'PUT' ? {} : undefined);
      assert.equal(res.statusCode, 404, res.body);
      assert.match(res.json()[0], /^Resource Not Found - Outcall was not found/);
    }
    assert.equal((await call('GET', '/outcalls/abc', 'admin1')).statusCode, 404);
  });

  it('when edited, then given fields change, the others stay, outcall_edited', async () => {
    const outcall = await created('/outcalls', { name: 'editable', description: 'kept', ring_time: 5 });
    const from = await lastOutboxId(database);
    await put(`/outcalls/${outcall.id}`, {});
    await put(`/outcalls/${outcall.id}`, { name: 'edited', enabled: false, ring_time: null });
    const edited = await get(`/outcalls/${outcall.id}`);
    assert.deepEqual(
      [edited.name, edited.description, edited.enabled, edited.ring_time],
      ['edited', 'kept', false, null],
    );
    await put(`/outcalls/${outcall.id}`, { name: 'edited' });
    const events = await sentSince(database, from);
    assert.deepEqual(
      events.map((e) => [e.name, e.routing_key, e.data]),
      Array(3).fill(['outcall_edited', 'config.outcalls.edited', { id: outcall.id }]),
    );
  });
});

describe('outcall trunks', () => {
  it('when trunks are put, then the outcall has them in that order, each trunk shows the outcall, and outcall_trunks_associated', async () => {
    const outcall = await created('/outcalls', { name: 'with-trunks' });
    const t1 = await created('/trunks', {});
    const t2 = await created('/trunks', {});
    const sip = await created('/endpoints/sip', { name: 'outcall-trunk-sip', label: 'provider' });
    await put(`/trunks/${t2.id}/endpoints/sip/${sip.uuid}`);
    const from = await lastOutboxId(database);
    await put(`/outcalls/${outcall.id}/trunks`, { trunks: [{ id: t2.id }, { id: t1.id }] });
    const shown = await get(`/outcalls/${outcall.id}`);
    assert.deepEqual(
      shown.trunks.map((t: { id: number }) => t.id),
      [t2.id, t1.id],
    );
    assert.deepEqual(shown.trunks[0], {
      tenant_uuid: tenant1,
      id: t2.id,
      endpoint_sip: {
        uuid: sip.uuid,
        label: 'provider',
        name: 'outcall-trunk-sip',
        auth_section_options: [],
        registration_section_options: [],
        links: [{ rel: 'endpoint_sip', href: `http://localhost:80/1.1/endpoints/sip/${sip.uuid}` }],
      },
      endpoint_custom: null,
      links: [{ rel: 'trunks', href: `http://localhost:80/1.1/trunks/${t2.id}` }],
    });
    assert.deepEqual((await get(`/trunks/${t1.id}`)).outcalls, [
      {
        id: outcall.id,
        name: 'with-trunks',
        links: [{ rel: 'outcalls', href: `http://localhost:80/1.1/outcalls/${outcall.id}` }],
      },
    ]);
    const [event] = await sentSince(database, from);
    assert.deepEqual(
      [event?.name, event?.routing_key, event?.data, event?.headers.tenant_uuid],
      [
        'outcall_trunks_associated',
        'config.outcalls.trunks.updated',
        { outcall_id: outcall.id, trunk_ids: [t2.id, t1.id] },
        tenant1,
      ],
    );

    await put(`/outcalls/${outcall.id}/trunks`, { trunks: [{ id: t1.id }] });
    assert.deepEqual(
      (await get(`/outcalls/${outcall.id}`)).trunks.map((t: { id: number }) => t.id),
      [t1.id],
    );
    assert.deepEqual((await get(`/trunks/${t2.id}`)).outcalls, []);
    await call('DELETE', `/trunks/${t1.id}`, 'admin1');
    assert.deepEqual((await get(`/outcalls/${outcall.id}`)).trunks, []);
    await put(`/outcalls/${outcall.id}/trunks`, { trunks: [{ id: t2.id }] });
    await put(`/outcalls/${outcall.id}/trunks`, { trunks: [] });
    assert.deepEqual((await get(`/outcalls/${outcall.id}`)).trunks, []);
  });

  it("when a trunk is missing, twice, or of another tenant, then Wazo's errors and nothing changes", async () => {
    const outcall = await created('/outcalls', { name: 'trunk-errors' });
    const trunk = await created('/trunks', {});
    await put(`/outcalls/${outcall.id}/trunks`, { trunks: [{ id: trunk.id }] });
    const from = await lastOutboxId(database);
    assert.match(
      (await put(`/outcalls/${outcall.id}/trunks`, { trunks: [{ id: 999999 }] }, 400)) ?? '',
      /^Input Error - field 'trunks': Trunk was not found \('id': 999999\)/,
    );
    assert.match(
      (await put(`/outcalls/${outcall.id}/trunks`, { trunks: [{ id: trunk.id }, { id: trunk.id }] }, 400)) ??
        '',
      /^Resource Error - Operation not permitted. Cannot associate same trunk more than once/,
    );
    const sub = await created('/trunks', {}, 'admin1', child1);
    assert.match(
      (await put(`/outcalls/${outcall.id}/trunks`, { trunks: [{ id: sub.id }] }, 400)) ?? '',
      /^Resource Error - different tenants \('outcall_tenant_uuid'/,
    );
    const foreign = await created('/trunks', {}, 'admin2');
    assert.match(
      (await put(`/outcalls/${outcall.id}/trunks`, { trunks: [{ id: foreign.id }] }, 400)) ?? '',
      /Trunk was not found/,
    );
    assert.match((await put(`/outcalls/${outcall.id}/trunks`, {}, 400)) ?? '', /^Input Error - trunks/);
    assert.match((await put(`/outcalls/${outcall.id}/trunks`, { trunks: [{}] }, 400)) ?? '', /^Input Error/);
    assert.equal((await call('PUT', '/outcalls/999999/trunks', 'admin1', { trunks: [] })).statusCode, 404);
    const outcallEvents = (await sentSince(database, from)).filter((e) => e.name.startsWith('outcall_'));
    assert.deepEqual(outcallEvents, []);
    assert.deepEqual(
      (await get(`/outcalls/${outcall.id}`)).trunks.map((t: { id: number }) => t.id),
      [trunk.id],
    );
  });
});

describe('outcall extensions', () => {
  it('when an extension is put with its fields, then shown on the outcall, outcall_extension_associated; again changes the fields without event', async () => {
    const outcall = await created('/outcalls', { name: 'with-extensions' });
    const extension = await created('/extensions', { exten: '_+1NXXNXXXXXX', context: outcallContext });
    const from = await lastOutboxId(database);
    await put(`/outcalls/${outcall.id}/extensions/${extension.id}`, {
      caller_id: 'toto',
      external_prefix: '123',
      prefix: '456',
      strip_digits: 2,
    });
    assert.deepEqual((await get(`/outcalls/${outcall.id}`)).extensions, [
      {
        id: extension.id,
        exten: '_+1NXXNXXXXXX',
        context: outcallContext,
        external_prefix: '123',
        prefix: '456',
        strip_digits: 2,
        caller_id: 'toto',
        links: [{ rel: 'extensions', href: `http://localhost:80/1.1/extensions/${extension.id}` }],
      },
    ]);
    const [event] = await sentSince(database, from);
    assert.deepEqual(
      [event?.name, event?.routing_key, event?.data, event?.headers.tenant_uuid],
      [
        'outcall_extension_associated',
        'config.outcalls.extensions.updated',
        { outcall_id: outcall.id, extension_id: extension.id },
        tenant1,
      ],
    );
    const again = await lastOutboxId(database);
    await put(`/outcalls/${outcall.id}/extensions/${extension.id}`, { prefix: '789' });
    const [shown] = (await get(`/outcalls/${outcall.id}`)).extensions;
    assert.deepEqual(
      [shown.prefix, shown.external_prefix, shown.strip_digits, shown.caller_id],
      ['789', '123', 2, 'toto'],
    );
    assert.deepEqual(await sentSince(database, again), []);

    const bare = await created('/extensions', { exten: '_9.', context: outcallContext });
    await put(`/outcalls/${outcall.id}/extensions/${bare.id}`);
    const second = (await get(`/outcalls/${outcall.id}`)).extensions[1];
    assert.deepEqual(
      [second.id, second.prefix, second.strip_digits, second.caller_id],
      [bare.id, null, null, null],
    );

    const removed = await lastOutboxId(database);
    const del = await call('DELETE', `/outcalls/${outcall.id}/extensions/${extension.id}`, 'admin1');
    assert.equal(del.statusCode, 204, del.body);
    assert.deepEqual(
      (await get(`/outcalls/${outcall.id}`)).extensions.map((e: { id: number }) => e.id),
      [bare.id],
    );
    const [gone] = await sentSince(database, removed);
    assert.deepEqual(
      [gone?.name, gone?.routing_key, gone?.data],
      [
        'outcall_extension_dissociated',
        'config.outcalls.extensions.deleted',
        { outcall_id: outcall.id, extension_id: extension.id },
      ],
    );
    assert.equal(
      (await call('DELETE', `/outcalls/${outcall.id}/extensions/${extension.id}`, 'admin1')).statusCode,
      204,
    );
  });

  it("when the extension is taken, not in an outcall context, of another tenant or a field wrong, then Wazo's errors and nothing changes", async () => {
    const outcall = await created('/outcalls', { name: 'extension-errors' });
    const other = await created('/outcalls', { name: 'extension-owner' });
    const extension = await created('/extensions', { exten: '_0.', context: outcallContext });
    await put(`/outcalls/${other.id}/extensions/${extension.id}`);
    const from = await lastOutboxId(database);
    assert.match(
      (await put(`/outcalls/${outcall.id}/extensions/${extension.id}`, {}, 400)) ?? '',
      new RegExp(
        `^Resource Error - Extension is associated with a outcall \\('extension_id': ${extension.id}`,
      ),
    );
    const internal = await created('/extensions', { exten: '1001', context: internalContext });
    assert.match(
      (await put(`/outcalls/${outcall.id}/extensions/${internal.id}`, {}, 400)) ?? '',
      /^Resource Error - ContextType 'internal' cannot be associated/,
    );
    const sub = await created(
      '/extensions',
      { exten: '_1.', context: childOutcallContext },
      'admin1',
      child1,
    );
    assert.match(
      (await put(`/outcalls/${outcall.id}/extensions/${sub.id}`, {}, 400)) ?? '',
      /^Resource Error - different tenants \('extension_tenant_uuid'/,
    );
    const fresh = await created('/extensions', { exten: '_2.', context: outcallContext });
    const bad: [object, RegExp][] = [
      [{ caller_id: 123 }, /^Input Error - caller_id/],
      [{ caller_id: 'x'.repeat(81) }, /^Input Error - caller_id/],
      [{ external_prefix: 'invalid_regex' }, /^Input Error - external_prefix/],
      [{ external_prefix: '1'.repeat(65) }, /^Input Error - external_prefix/],
      [{ prefix: 'invalid_regex' }, /^Input Error - prefix/],
      [{ prefix: true }, /^Input Error - prefix/],
      [{ strip_digits: null }, /^Input Error - strip_digits/],
      [{ strip_digits: -1 }, /^Input Error - strip_digits/],
      [{ strip_digits: 'string' }, /^Input Error - strip_digits/],
    ];
    for (const [body, message] of bad)
      assert.match((await put(`/outcalls/${outcall.id}/extensions/${fresh.id}`, body, 400)) ?? '', message);
    await put(`/outcalls/${outcall.id}/extensions/${fresh.id}`, { prefix: '+', external_prefix: '+33' });
    assert.equal(
      (await call('PUT', `/outcalls/999999/extensions/${fresh.id}`, 'admin1', {})).statusCode,
      404,
    );
    const missing = await call('PUT', `/outcalls/${outcall.id}/extensions/999999`, 'admin1', {});
    assert.match(missing.json()[0], /^Resource Not Found - Extension was not found/);
    const names = (await sentSince(database, from))
      .map((e) => e.name)
      .filter((n) => n.startsWith('outcall_'));
    assert.deepEqual(names, ['outcall_extension_associated']);
    assert.deepEqual(
      (await get(`/outcalls/${outcall.id}`)).extensions.map((e: { id: number }) => e.id),
      [fresh.id],
    );

    // An extension an outcall uses cannot be deleted; deleting the outcall frees it.
    const refused = await call('DELETE', `/extensions/${fresh.id}`, 'admin1');
    assert.equal(refused.statusCode, 400, refused.body);
    assert.match(
      refused.json()[0],
      new RegExp(
        `^Resource Error - Extension is associated with a outcall \\('extension_id': ${fresh.id}, 'associated_id': ${outcall.id}\\)`,
      ),
    );
    assert.deepEqual((await get(`/extensions/${fresh.id}`)).outcall, {
      id: outcall.id,
      name: 'extension-errors',
      links: [{ rel: 'outcalls', href: `http://localhost:80/1.1/outcalls/${outcall.id}` }],
    });
    const moved = await call('PUT', `/extensions/${fresh.id}`, 'admin1', {
      context: internalContext,
      exten: '1500',
    });
    assert.equal(moved.statusCode, 400, moved.body);
    assert.match(moved.json()[0], /^Resource Error - ContextType 'internal' cannot be associated/);
    assert.equal((await call('DELETE', `/outcalls/${outcall.id}`, 'admin1')).statusCode, 204);
    assert.equal((await get(`/extensions/${fresh.id}`)).outcall, null);
    assert.equal((await call('DELETE', `/extensions/${fresh.id}`, 'admin1')).statusCode, 204);
  });
});

describe('outcall schedules and call permissions', () => {
  it('when a schedule is put, then shown on both sides with its events; a second one is refused', async () => {
    const outcall = await created('/outcalls', { name: 'scheduled' });
    const schedule = await created('/schedules', { name: 'office', closed_destination: { type: 'none' } });
    const second = await created('/schedules', { name: 'night', closed_destination: { type: 'none' } });
    const from = await lastOutboxId(database);
    await put(`/outcalls/${outcall.id}/schedules/${schedule.id}`);
    assert.deepEqual((await get(`/outcalls/${outcall.id}`)).schedules, [
      {
        tenant_uuid: tenant1,
        id: schedule.id,
        name: 'office',
        links: [{ rel: 'schedules', href: `http://localhost:80/1.1/schedules/${schedule.id}` }],
      },
    ]);
    assert.deepEqual((await get(`/schedules/${schedule.id}`)).outcalls, [
      {
        id: outcall.id,
        name: 'scheduled',
        links: [{ rel: 'outcalls', href: `http://localhost:80/1.1/outcalls/${outcall.id}` }],
      },
    ]);
    const [event] = await sentSince(database, from);
    assert.deepEqual(
      [event?.name, event?.routing_key, event?.data, event?.headers.tenant_uuid],
      [
        'outcall_schedule_associated',
        'config.outcalls.schedules.updated',
        { outcall_id: outcall.id, schedule_id: schedule.id },
        tenant1,
      ],
    );
    await put(`/outcalls/${outcall.id}/schedules/${schedule.id}`);
    assert.match(
      (await put(`/outcalls/${outcall.id}/schedules/${second.id}`, {}, 400)) ?? '',
      /^Resource Error - Outcall is associated with a Schedule/,
    );
    const removed = await lastOutboxId(database);
    assert.equal(
      (await call('DELETE', `/outcalls/${outcall.id}/schedules/${schedule.id}`, 'admin1')).statusCode,
      204,
    );
    assert.deepEqual((await get(`/outcalls/${outcall.id}`)).schedules, []);
    assert.deepEqual(
      (await sentSince(database, removed)).map((e) => [e.name, e.routing_key]),
      [['outcall_schedule_dissociated', 'config.outcalls.schedules.deleted']],
    );
    const foreign = await created(
      '/schedules',
      { name: 'sub', closed_destination: { type: 'none' } },
      'admin1',
      child1,
    );
    assert.match(
      (await put(`/outcalls/${outcall.id}/schedules/${foreign.id}`, {}, 400)) ?? '',
      /^Resource Error - different tenants \('outcall_tenant_uuid'/,
    );
    assert.equal(
      (await call('PUT', `/outcalls/${outcall.id}/schedules/999999`, 'admin1', {})).statusCode,
      404,
    );
  });

  it('when call permissions are put, then shown on both sides with their events, and go with the outcall', async () => {
    const outcall = await created('/outcalls', { name: 'permitted' });
    const p1 = await created('/callpermissions', { name: 'first' });
    const p2 = await created('/callpermissions', { name: 'second' });
    const from = await lastOutboxId(database);
    await put(`/outcalls/${outcall.id}/callpermissions/${p1.id}`);
    await put(`/outcalls/${outcall.id}/callpermissions/${p2.id}`);
    await put(`/outcalls/${outcall.id}/callpermissions/${p2.id}`);
    assert.deepEqual(
      (await get(`/outcalls/${outcall.id}`)).call_permissions.map((p: { id: number; name: string }) => [
        p.id,
        p.name,
      ]),
      [
        [p1.id, 'first'],
        [p2.id, 'second'],
      ],
    );
    assert.deepEqual(
      (await get(`/callpermissions/${p1.id}`)).outcalls.map((o: { id: number }) => o.id),
      [outcall.id],
    );
    const events = await sentSince(database, from);
    assert.deepEqual(
      events.map((e) => [e.name, e.routing_key, e.data]),
      [p1.id, p2.id].map((id) => [
        'outcall_call_permission_associated',
        `config.outcalls.${outcall.id}.callpermissions.updated`,
        { outcall_id: outcall.id, call_permission_id: id },
      ]),
    );
    assert.equal(
      (await call('DELETE', `/outcalls/${outcall.id}/callpermissions/${p1.id}`, 'admin1')).statusCode,
      204,
    );
    assert.deepEqual((await get(`/callpermissions/${p1.id}`)).outcalls, []);
    await call('DELETE', `/outcalls/${outcall.id}`, 'admin1');
    assert.deepEqual((await get(`/callpermissions/${p2.id}`)).outcalls, []);
  });
});

describe('outcall as a destination', () => {
  it("when a user's fallback goes to an outcall, then checked against the tenant, and dropped with the outcall", async () => {
    const user = await created('/users', { firstname: 'Caller' });
    const outcall = await created('/outcalls', { name: 'destination' });
    const destination = { type: 'outcall', outcall_id: outcall.id, exten: '5551234' };
    await put(`/users/${user.uuid}/fallbacks`, { noanswer_destination: destination });
    assert.deepEqual((await get(`/users/${user.uuid}/fallbacks`)).noanswer_destination, destination);
    const foreign = await created('/outcalls', { name: 'elsewhere' }, 'admin2');
    const refused = await put(
      `/users/${user.uuid}/fallbacks`,
      { noanswer_destination: { ...destination, outcall_id: foreign.id } },
      400,
    );
    assert.match(refused ?? '', /Outcall was not found/);
    assert.equal((await call('DELETE', `/outcalls/${outcall.id}`, 'admin1')).statusCode, 204);
    assert.equal((await get(`/users/${user.uuid}/fallbacks`)).noanswer_destination, null);
  });
});
