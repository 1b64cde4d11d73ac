/**
 * The applications routes and a line's application on a real PostgreSQL: Wazo's defaults, the
 * node destination and its validation, a PUT that resets the destination it does not give, 404
 * across tenants, list search and sorting, the events; lines given and relieved of an
 * application in either order of tenants; fallbacks to an application checked in the owner's
 * tenant and named; deleting an application taking it off its lines and fallbacks.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { createMigratedTestDatabase, type MigratedTestDatabase } from '@wazo-ts/dao/testing';
import { answerLinksPlugin } from '../common/answer-links.js';
import { contextsPlugin } from '../contexts/index.js';
import { groupFallbacksPlugin, userFallbacksPlugin } from '../fallbacks/index.js';
import { groupsPlugin } from '../groups/index.js';
import { linesPlugin } from '../lines/index.js';
import { schedulesPlugin } from '../schedules/index.js';
import { caller, lastOutboxId, rowCount, sentSince } from '../testing/route-calls.js';
import { buildTestApi, type TestApi } from '../testing/test-app.js';
import { usersPlugin } from '../users/index.js';
import { applicationsPlugin, lineApplicationsPlugin } from './index.js';

let database: MigratedTestDatabase;
let api: TestApi;
let call: ReturnType<typeof caller>;
const tenant = randomUUID();
const child = randomUUID();
const other = randomUUID();
const FAKE_UUID = '00000000-0000-0000-0000-000000000000';
const href = (path: string) => `http://localhost:80/1.1${path}`;

type App = { uuid: string; name: string | null; tenant_uuid: string };
const newApplication = async (body: object = {}, tenantUuid?: string) =>
  (await call('POST', '/applications', 'admin', body, tenantUuid)).json() as App;
const newLine = async (token: string, tenantUuid?: string) => {
  const context = (await call('POST', '/contexts', token, { label: 'internal' }, tenantUuid)).json();
  return (await call('POST', '/lines', token, { context: context.name }, tenantUuid)).json() as {
    id: number;
    name: string | null;
  };
};

before(async () => {
  database = await createMigratedTestDatabase({ prefix: 'wazo_confd_applications' });
  api = await buildTestApi(database, [
    answerLinksPlugin,
    contextsPlugin,
    linesPlugin,
    usersPlugin,
    groupsPlugin,
    schedulesPlugin,
    userFallbacksPlugin,
    groupFallbacksPlugin,
    applicationsPlugin,
    lineApplicationsPlugin,
  ]);
  call = caller(api);
  api.addSubtenant(tenant, child);
  api.verifier.add({ token: 'admin', acl: ['confd.#'], metadata: { tenant_uuid: tenant } });
  api.verifier.add({ token: 'other', acl: ['confd.#'], metadata: { tenant_uuid: other } });
  api.verifier.add({ token: 'reader', acl: ['confd.applications.read'], metadata: { tenant_uuid: tenant } });
  for (const uuid of [tenant, child, other]) await api.resources.services.tenants.ensure(uuid);
});
after(async () => {
  await api?.app.close();
  await database?.drop();
});

describe('applications routes', () => {
  let minimal: App;

  it("when created with no field, then 201 with Location, Wazo's defaults and application_created", async () => {
    const from = await lastOutboxId(database);
    const res = await call('POST', '/applications', 'admin', {});
    assert.equal(res.statusCode, 201, res.body);
    minimal = res.json();
    assert.equal(res.headers.location, href(`/applications/${minimal.uuid}`));
    assert.deepEqual(res.json(), {
      uuid: minimal.uuid,
      tenant_uuid: tenant,
      name: null,
      destination: null,
      destination_options: {},
      lines: [],
      links: [{ rel: 'applications', href: href(`/applications/${minimal.uuid}`) }],
    });
    const sent = await sentSince(database, from);
    assert.deepEqual(
      sent.map((e) => [e.name, e.routing_key, e.headers.tenant_uuid, e.data]),
      [
        [
          'application_created',
          'config.applications.created',
          tenant,
          { uuid: minimal.uuid, tenant_uuid: tenant, name: null, destination: null, destination_options: {} },
        ],
      ],
    );
  });

  it('when created with a node, then its defaults or every field are read back', async () => {
    const node = await newApplication({ destination: 'node', destination_options: { type: 'holding' } });
    assert.deepEqual(
      [node.name, (node as never as { destination_options: unknown }).destination_options],
      [null, { type: 'holding', music_on_hold: null, answer: false }],
    );
    const full = {
      name: 'MyApplication',
      destination: 'node',
      destination_options: { type: 'holding', music_on_hold: 'default', answer: true },
    };
    const created = await newApplication({
      ...full,
      destination_options: { ...full.destination_options, x: 1 },
    });
    const read = (await call('GET', `/applications/${created.uuid}`, 'admin')).json();
    assert.deepEqual(read, {
      ...full,
      uuid: created.uuid,
      tenant_uuid: tenant,
      lines: [],
      links: [{ rel: 'applications', href: href(`/applications/${created.uuid}`) }],
    });
    // Without destination, destination_options is ignored, whatever it holds (Wazo's field).
    const ignored = await newApplication({ destination: null, destination_options: 'anything' });
    assert.deepEqual((ignored as never as { destination_options: unknown }).destination_options, {});
  });

  it("when fields are bogus, then 400 in Wazo's words and nothing is written", async () => {
    const before = await rowCount(database, 'application');
    const cases: [Record<string, unknown>, string][] = [
      [{ name: true }, "Input Error - name: ['Not a valid string.']"],
      [{ name: 'n'.repeat(129) }, "Input Error - name: ['Longer than maximum length 128.']"],
      [{ destination: 'invalid choice' }, "Input Error - destination: ['Must be one of: node.']"],
      [{ destination: 1234 }, "Input Error - destination: ['Not a valid string.']"],
      [
        { destination: 'node' },
        "Input Error - destination_options: {'type': ['Missing data for required field.']}",
      ],
      [
        { destination: 'node', destination_options: { type: 'mixing' } },
        "Input Error - destination_options: {'type': ['Must be one of: holding.']}",
      ],
      [
        {
          destination: 'node',
          destination_options: { type: 'holding', answer: 'yes', music_on_hold: 'm'.repeat(129) },
        },
        "Input Error - destination_options: {'music_on_hold': ['Longer than maximum length 128.'], 'answer': ['Not a valid boolean.']}",
      ],
      [
        { destination: 'node', destination_options: 'holding' },
        "Input Error - destination_options: {'_schema': ['Invalid input type.']}",
      ],
    ];
    for (const [body, message] of cases) {
      const res = await call('POST', '/applications', 'admin', body);
      assert.equal(res.statusCode, 400, JSON.stringify(body));
      assert.deepEqual(res.json(), [message], JSON.stringify(body));
    }
    for (const name of [1234, [], {}]) {
      assert.equal((await call('POST', '/applications', 'admin', { name })).statusCode, 400);
    }
    assert.equal((await call('POST', '/applications', 'admin')).statusCode, 400, 'no body');
    assert.equal(await rowCount(database, 'application'), before);
  });

  it('when edited, then the name changes or stays, the destination is what the PUT gives (none if absent), and application_edited', async () => {
    // The music on hold classes the nodes name exist in the tenant (the MOH resource's check).
    for (const name of ['jazz', 'rock'])
      await database.pool.query(
        `INSERT INTO moh (uuid, tenant_uuid, name, label, mode) VALUES ($1, $2, $3, $3, 'files')`,
        [randomUUID(), tenant, name],
      );
    const app = await newApplication({
      name: 'app',
      destination: 'node',
      destination_options: { type: 'holding', music_on_hold: 'jazz' },
    });
    const url = `/applications/${app.uuid}`;
    const from = await lastOutboxId(database);
    const node = { type: 'holding', music_on_hold: 'rock', answer: true };
    assert.equal(
      (await call('PUT', url, 'admin', { destination: 'node', destination_options: node })).statusCode,
      204,
    );
    let read = (await call('GET', url, 'admin')).json();
    assert.deepEqual([read.name, read.destination, read.destination_options], ['app', 'node', node]);
    assert.equal((await call('PUT', url, 'admin', { name: 'renamed' })).statusCode, 204);
    read = (await call('GET', url, 'admin')).json();
    assert.deepEqual([read.name, read.destination, read.destination_options], ['renamed', null, {}]);
    assert.equal((await call('PUT', url, 'admin', {})).statusCode, 204);
    assert.equal((await call('PUT', url, 'admin', { name: null })).statusCode, 204);
    assert.equal((await call('GET', url, 'admin')).json().name, null);
    const sent = await sentSince(database, from);
    assert.deepEqual(
      sent.map((e) => e.name),
      ['application_edited', 'application_edited', 'application_edited', 'application_edited'],
    );
    assert.deepEqual(sent[0]!.data, {
      uuid: app.uuid,
      tenant_uuid: tenant,
      name: 'app',
      destination: 'node',
      destination_options: node,
    });
    assert.equal(sent[0]!.routing_key, 'config.applications.edited');
    const bad = await call('PUT', url, 'admin', { destination: 'node', destination_options: {} });
    assert.equal(bad.statusCode, 400);
    assert.equal((await call('PUT', url, 'admin')).statusCode, 400, 'no body');
  });

  it('when another tenant reads, edits or deletes one, then 404 and nothing changes; a parent reaches a child one', async () => {
    const from = await lastOutboxId(database);
    for (const [method, body] of [['GET'], ['PUT', { name: 'x' }], ['DELETE']] as const) {
      for (const uuid of [minimal.uuid, FAKE_UUID, 'not-a-uuid']) {
        const res = await call(method, `/applications/${uuid}`, 'other', body);
        assert.equal(res.statusCode, 404, method);
        assert.deepEqual(res.json(), [`Resource Not Found - Application was not found ('uuid': '${uuid}')`]);
      }
    }
    assert.deepEqual(await sentSince(database, from), []);
    const sub = await newApplication({ name: 'sub' }, child);
    assert.equal(sub.tenant_uuid, child);
    assert.equal((await call('GET', `/applications/${sub.uuid}`, 'admin')).statusCode, 200);
    assert.equal(
      (await call('GET', `/applications/${minimal.uuid}`, 'admin', undefined, child)).statusCode,
      404,
    );
  });

  it('when listed, then the tenant (sub-tenants on recurse), searched, filtered and sorted', async () => {
    await newApplication({ name: 'search' });
    await newApplication({ name: 'hidden' });
    const own = (await call('GET', '/applications', 'reader')).json();
    assert.ok(own.items.every((a: App) => a.tenant_uuid === tenant));
    const uuids = own.items.map((a: App) => a.uuid);
    assert.deepEqual(uuids, [...uuids].sort(), 'sorted by uuid');
    const all = (await call('GET', '/applications?recurse=true', 'reader')).json();
    assert.equal(all.total, own.total + 1);
    for (const query of ['search=search', 'name=search']) {
      const found = (await call('GET', `/applications?${query}`, 'reader')).json();
      assert.deepEqual(
        found.items.map((a: App) => a.name),
        ['search'],
        query,
      );
    }
    const byUuid = (await call('GET', `/applications?uuid=${minimal.uuid}`, 'reader')).json();
    assert.deepEqual(
      byUuid.items.map((a: App) => a.uuid),
      [minimal.uuid],
    );
    const page = (await call('GET', '/applications?order=name&direction=desc&limit=1', 'reader')).json();
    assert.deepEqual([page.total, page.items.length], [own.total, 1]);
    const bad = await call('GET', '/applications?order=id', 'reader');
    assert.deepEqual(bad.json(), ["Input Error - order: column 'id' was not found"]);
  });

  it('when deleted, then 204, application_deleted, and a second delete is a 404', async () => {
    const app = await newApplication({ name: 'gone' });
    const from = await lastOutboxId(database);
    assert.equal((await call('DELETE', `/applications/${app.uuid}`, 'admin')).statusCode, 204);
    const sent = await sentSince(database, from);
    assert.deepEqual(
      sent.map((e) => [e.name, e.routing_key, e.data]),
      [
        [
          'application_deleted',
          'config.applications.deleted',
          { uuid: app.uuid, tenant_uuid: tenant, name: 'gone', destination: null, destination_options: {} },
        ],
      ],
    );
    assert.equal((await call('DELETE', `/applications/${app.uuid}`, 'admin')).statusCode, 404);
  });
});

describe('line applications', () => {
  it('when a line gets an application, then both show it, line_application_associated; again is a no-op', async () => {
    const line = await newLine('admin');
    const app = await newApplication({ name: 'stasis' });
    const url = `/lines/${line.id}/applications/${app.uuid}`;
    const from = await lastOutboxId(database);
    assert.equal((await call('PUT', url, 'admin')).statusCode, 204);
    assert.equal((await call('PUT', url, 'admin')).statusCode, 204);
    const sent = await sentSince(database, from);
    assert.deepEqual(
      sent.map((e) => [e.name, e.routing_key, e.headers.tenant_uuid, e.data]),
      [
        [
          'line_application_associated',
          `config.lines.${line.id}.applications.${app.uuid}.updated`,
          tenant,
          {
            line: { id: line.id, name: null, endpoint_sip: null, endpoint_sccp: null, endpoint_custom: null },
            application: { uuid: app.uuid },
          },
        ],
      ],
    );
    const readLine = (await call('GET', `/lines/${line.id}`, 'admin')).json();
    assert.deepEqual(readLine.application, {
      uuid: app.uuid,
      name: 'stasis',
      links: [{ rel: 'applications', href: href(`/applications/${app.uuid}`) }],
    });
    const readApp = (await call('GET', `/applications/${app.uuid}`, 'admin')).json();
    assert.deepEqual(readApp.lines, [
      { id: line.id, name: null, links: [{ rel: 'lines', href: href(`/lines/${line.id}`) }] },
    ]);
    const listed = (await call('GET', `/applications?uuid=${app.uuid}`, 'admin')).json();
    assert.deepEqual(listed.items[0].lines, readApp.lines);

    // One application per line; one application for many lines.
    const second = await newApplication();
    const refused = await call('PUT', `/lines/${line.id}/applications/${second.uuid}`, 'admin');
    assert.deepEqual(
      [refused.statusCode, refused.json()],
      [
        400,
        [
          `Resource Error - Line is associated with a Application ('line_id': ${line.id}, 'application_uuid': '${app.uuid}')`,
        ],
      ],
    );
    const line2 = await newLine('admin');
    assert.equal((await call('PUT', `/lines/${line2.id}/applications/${app.uuid}`, 'admin')).statusCode, 204);

    // Dissociating: another application is a no-op, the linked one sends its event.
    const before = await lastOutboxId(database);
    assert.equal(
      (await call('DELETE', `/lines/${line.id}/applications/${second.uuid}`, 'admin')).statusCode,
      204,
    );
    assert.deepEqual(await sentSince(database, before), []);
    assert.equal((await call('DELETE', url, 'admin')).statusCode, 204);
    const dissociated = await sentSince(database, before);
    assert.deepEqual(
      dissociated.map((e) => [e.name, e.routing_key]),
      [['line_application_dissociated', `config.lines.${line.id}.applications.${app.uuid}.deleted`]],
    );
    assert.equal((await call('GET', `/lines/${line.id}`, 'admin')).json().application, null);
    assert.equal((await call('DELETE', url, 'admin')).statusCode, 204, 'not associated: no-op');
  });

  it('when the line or the application is missing or of another tenant, then 404 or different tenants', async () => {
    const mainLine = await newLine('admin');
    const subLine = await newLine('admin', child);
    const mainApp = await newApplication();
    const subApp = await newApplication({}, child);
    for (const method of ['PUT', 'DELETE'] as const) {
      const noLine = await call(method, `/lines/999999999/applications/${mainApp.uuid}`, 'admin');
      assert.deepEqual(noLine.json(), ["Resource Not Found - Line was not found ('id': 999999999)"]);
      const noApp = await call(method, `/lines/${mainLine.id}/applications/${FAKE_UUID}`, 'admin');
      assert.deepEqual(noApp.json(), [
        `Resource Not Found - Application was not found ('uuid': '${FAKE_UUID}')`,
      ]);
      const badUuid = await call(method, `/lines/${mainLine.id}/applications/nope`, 'admin');
      assert.equal(badUuid.statusCode, 404);
      const lineOfParent = await call(
        method,
        `/lines/${mainLine.id}/applications/${subApp.uuid}`,
        'admin',
        undefined,
        child,
      );
      assert.deepEqual(lineOfParent.json(), [
        `Resource Not Found - Line was not found ('id': ${mainLine.id})`,
      ]);
      const appOfParent = await call(
        method,
        `/lines/${subLine.id}/applications/${mainApp.uuid}`,
        'admin',
        undefined,
        child,
      );
      assert.deepEqual(appOfParent.json(), [
        `Resource Not Found - Application was not found ('uuid': '${mainApp.uuid}')`,
      ]);
    }
    const mixed = await call('PUT', `/lines/${mainLine.id}/applications/${subApp.uuid}`, 'admin');
    assert.deepEqual(
      [mixed.statusCode, mixed.json()],
      [
        400,
        [
          `Resource Error - different tenants ('line_tenant_uuid': '${tenant}', 'application_tenant_uuid': '${child}')`,
        ],
      ],
    );
    assert.equal(await rowCount(database, 'line_application'), 1, 'only the link of the first test');
  });

  it('when a linked line or application is deleted, then the link goes with it', async () => {
    const line = await newLine('admin');
    const kept = await newLine('admin');
    const app = await newApplication();
    await call('PUT', `/lines/${line.id}/applications/${app.uuid}`, 'admin');
    await call('PUT', `/lines/${kept.id}/applications/${app.uuid}`, 'admin');
    assert.equal((await call('DELETE', `/lines/${line.id}`, 'admin')).statusCode, 204);
    assert.deepEqual(
      (await call('GET', `/applications/${app.uuid}`, 'admin')).json().lines.map((l: { id: number }) => l.id),
      [kept.id],
    );
    const from = await lastOutboxId(database);
    assert.equal((await call('DELETE', `/applications/${app.uuid}`, 'admin')).statusCode, 204);
    assert.deepEqual(
      (await sentSince(database, from)).map((e) => e.name),
      ['application_deleted'],
    );
    assert.equal((await call('GET', `/lines/${kept.id}`, 'admin')).json().application, null);
  });
});

describe('application destinations', () => {
  it('when a fallback names an application, then it must be of the owner tenant, it shows its name, and it goes with the application', async () => {
    const user = (await call('POST', '/users', 'admin', { firstname: 'Alice' })).json();
    const group = (await call('POST', '/groups', 'admin', { label: 'Sales' })).json();
    const app = await newApplication({ name: 'ivr-app' });
    const theirs = await newApplication({}, child);
    const to = (uuid: string) => ({ type: 'application', application: 'custom', application_uuid: uuid });
    for (const uuid of [FAKE_UUID, theirs.uuid]) {
      const res = await call('PUT', `/users/${user.uuid}/fallbacks`, 'admin', { busy_destination: to(uuid) });
      assert.deepEqual(
        [res.statusCode, res.json()],
        [400, [`Input Error - field 'actionarg1': Application was not found ('actionarg1': '${uuid}')`]],
      );
    }
    assert.equal(
      (await call('PUT', `/users/${user.uuid}/fallbacks`, 'admin', { busy_destination: to(app.uuid) }))
        .statusCode,
      204,
    );
    assert.equal(
      (
        await call('PUT', `/groups/${group.uuid}/fallbacks`, 'admin', {
          noanswer_destination: to(app.uuid.toUpperCase()),
        })
      ).statusCode,
      204,
    );
    const read = (await call('GET', `/users/${user.uuid}/fallbacks`, 'admin')).json();
    assert.deepEqual(read.busy_destination, { ...to(app.uuid), application_name: 'ivr-app' });
    await call('PUT', `/applications/${app.uuid}`, 'admin', { name: 'renamed' });
    const renamed = (await call('GET', `/groups/${group.uuid}/fallbacks`, 'admin')).json();
    // Sent in capitals, kept canonical (lowercase), as marshmallow's UUID field.
    assert.deepEqual(renamed.noanswer_destination, { ...to(app.uuid), application_name: 'renamed' });

    assert.equal((await call('DELETE', `/applications/${app.uuid}`, 'admin')).statusCode, 204);
    assert.equal((await call('GET', `/users/${user.uuid}/fallbacks`, 'admin')).json().busy_destination, null);
    assert.equal(
      (await call('GET', `/groups/${group.uuid}/fallbacks`, 'admin')).json().noanswer_destination,
      null,
    );
  });

  it('when a schedule names an application, then it is kept as Wazo keeps it, named while the application exists', async () => {
    const app = await newApplication({ name: 'after-hours' });
    const destination = { type: 'application', application: 'custom', application_uuid: app.uuid };
    const schedule = (
      await call('POST', '/schedules', 'admin', { name: 's', closed_destination: destination })
    ).json();
    let read = (await call('GET', `/schedules/${schedule.id}`, 'admin')).json();
    assert.deepEqual(read.closed_destination, { ...destination, application_name: 'after-hours' });
    await call('DELETE', `/applications/${app.uuid}`, 'admin');
    read = (await call('GET', `/schedules/${schedule.id}`, 'admin')).json();
    assert.deepEqual(read.closed_destination, { ...destination, application_name: null });
  });
});
