/**
 * wazo-confd's test_incall_extension and test_incall_schedule, and the incalls other resources
 * show (a user's and a group's `incalls`, a schedule's `incalls`, an extension's `incall`, a
 * user's `associated` outgoing caller ids), on a real PostgreSQL: Wazo's errors, no-ops without
 * events, tenants, events, and what deleting either side leaves.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { scopeOf } from '@wazo-ts/dao';
import { createMigratedTestDatabase, type MigratedTestDatabase } from '@wazo-ts/dao/testing';
import { answerLinksPlugin } from '../common/answer-links.js';
import { extensionsPlugin } from '../extensions/index.js';
import { groupsPlugin } from '../groups/groups.routes.js';
import { schedulesPlugin } from '../schedules/schedules.routes.js';
import { caller, lastOutboxId, sentSince } from '../testing/route-calls.js';
import { buildTestApi, type TestApi } from '../testing/test-app.js';
import { userCallerIdsPlugin } from '../user-parts/index.js';
import { usersPlugin } from '../users/index.js';
import { incallExtensionsPlugin, incallSchedulesPlugin } from './incall-links.routes.js';
import { incallsPlugin } from './incalls.routes.js';

let database: MigratedTestDatabase;
let api: TestApi;
let call: ReturnType<typeof caller>;
const tenant1 = randomUUID();
const tenant2 = randomUUID();
let incallContext: string;
let internalContext: string;
let otherContext: string;

before(async () => {
  database = await createMigratedTestDatabase({ prefix: 'wazo_confd_incall_links' });
  api = await buildTestApi(database, [
    answerLinksPlugin,
    incallsPlugin,
    incallExtensionsPlugin,
    incallSchedulesPlugin,
    usersPlugin,
    groupsPlugin,
    schedulesPlugin,
    extensionsPlugin,
    userCallerIdsPlugin,
  ]);
  call = caller(api);
  api.verifier.add({ token: 'admin1', acl: ['confd.#'], metadata: { tenant_uuid: tenant1 } });
  api.verifier.add({ token: 'admin2', acl: ['confd.#'], metadata: { tenant_uuid: tenant2 } });
  const { services } = api.resources;
  for (const tenant of [tenant1, tenant2]) await services.tenants.ensure(tenant);
  const context = async (tenant: string, type: 'incall' | 'internal') =>
    (
      await services.contexts.create(scopeOf(tenant), tenant, {
        label: `${type} context`,
        type,
        incall_ranges: [{ start: '5550000', end: '5559999' }],
        user_ranges: [{ start: '1000', end: '1999' }],
      })
    ).name;
  incallContext = await context(tenant1, 'incall');
  internalContext = await context(tenant1, 'internal');
  otherContext = await context(tenant2, 'incall');
});
after(async () => {
  await api?.app.close();
  await database?.drop();
});

const incall = async (destination: object = { type: 'none' }, token = 'admin1') => {
  const res = await call('POST', '/incalls', token, { destination });
  assert.equal(res.statusCode, 201, res.body);
  return res.json() as { id: number; extensions: unknown[] };
};
const extension = async (exten: string, context = incallContext, tenant = tenant1) =>
  api.resources.services.extensions.create(scopeOf(tenant), { exten, context });
const schedule = async (token = 'admin1') => {
  const res = await call('POST', '/schedules', token, {
    name: `s${randomUUID().slice(0, 6)}`,
    closed_destination: { type: 'none' },
  });
  assert.equal(res.statusCode, 201, res.body);
  return res.json() as { id: number; name: string };
};
const link = (path: string) => `http://localhost:80/1.1/${path}`;

describe('incall extensions', () => {
  it('when associated, then both sides show it, the event is sent, and again changes nothing', async () => {
    const created = await incall();
    const number = await extension('5550001');
    const from = await lastOutboxId(database);
    const url = `/incalls/${created.id}/extensions/${number.id}`;
    assert.equal((await call('PUT', url, 'admin1')).statusCode, 204);
    assert.equal((await call('PUT', url, 'admin1')).statusCode, 204);
    assert.deepEqual(
      (await sentSince(database, from)).map((event) => [
        event.name,
        event.routing_key,
        event.data,
        event.headers.tenant_uuid,
      ]),
      [
        [
          'incall_extension_associated',
          'config.incalls.extensions.updated',
          { incall_id: created.id, extension_id: number.id },
          tenant1,
        ],
      ],
    );
    assert.deepEqual((await call('GET', `/incalls/${created.id}`, 'admin1')).json().extensions, [
      {
        id: number.id,
        exten: '5550001',
        context: incallContext,
        links: [{ rel: 'extensions', href: link(`extensions/${number.id}`) }],
      },
    ]);
    const shown = (await call('GET', `/extensions/${number.id}`, 'admin1')).json();
    assert.deepEqual(shown.incall, {
      id: created.id,
      links: [{ rel: 'incalls', href: link(`incalls/${created.id}`) }],
    });
    const deleted = await call('DELETE', `/extensions/${number.id}`, 'admin1');
    assert.deepEqual(deleted.json(), [
      `Resource Error - Extension is associated with a incall ('extension_id': ${number.id}, 'associated_id': ${created.id})`,
    ]);
    const moved = await call('PUT', `/extensions/${number.id}`, 'admin1', {
      context: internalContext,
      exten: '1001',
    });
    assert.deepEqual(moved.json(), ["Resource Error - ContextType 'internal' cannot be associated"]);
    const outside = await call('PUT', `/extensions/${number.id}`, 'admin1', { exten: '4000' });
    assert.deepEqual(outside.json(), [
      `Input Error - Extension '4000' is outside of range for context '${incallContext}'`,
    ]);
  });

  it('when dissociated, then the extension is free, the event is sent, and again changes nothing', async () => {
    const created = await incall();
    const number = await extension('5550002');
    const url = `/incalls/${created.id}/extensions/${number.id}`;
    await call('PUT', url, 'admin1');
    const from = await lastOutboxId(database);
    assert.equal((await call('DELETE', url, 'admin1')).statusCode, 204);
    assert.equal((await call('DELETE', url, 'admin1')).statusCode, 204);
    assert.deepEqual(
      (await sentSince(database, from)).map((event) => [event.name, event.routing_key, event.data]),
      [
        [
          'incall_extension_dissociated',
          'config.incalls.extensions.deleted',
          { incall_id: created.id, extension_id: number.id },
        ],
      ],
    );
    assert.deepEqual((await call('GET', `/incalls/${created.id}`, 'admin1')).json().extensions, []);
    assert.equal((await call('GET', `/extensions/${number.id}`, 'admin1')).json().incall, null);
    assert.equal((await call('DELETE', `/extensions/${number.id}`, 'admin1')).statusCode, 204);
  });

  it("when Wazo's rules are broken, then its words and nothing is associated", async () => {
    const first = await incall();
    const second = await incall();
    const taken = await extension('5550003');
    const free = await extension('5550004');
    const internal = await extension('1002', internalContext);
    const foreign = await extension('5550005', otherContext, tenant2);
    await call('PUT', `/incalls/${first.id}/extensions/${taken.id}`, 'admin1');
    const from = await lastOutboxId(database);
    const cases: [string, string][] = [
      [
        `/incalls/${first.id}/extensions/${free.id}`,
        `Resource Error - Incall is associated with a Extension ('incall_id': ${first.id}, 'extension_id': ${taken.id})`,
      ],
      [
        `/incalls/${second.id}/extensions/${taken.id}`,
        `Resource Error - Incall is associated with a Extension ('incall_id': ${first.id}, 'extension_id': ${taken.id})`,
      ],
      [
        `/incalls/${second.id}/extensions/${internal.id}`,
        `Resource Error - ContextType 'internal' cannot be associated ('id': ${internal.id}, 'context': '${internalContext}')`,
      ],
      [`/incalls/999999/extensions/${free.id}`, "Resource Not Found - Incall was not found ('id': 999999)"],
      [
        `/incalls/${second.id}/extensions/999999`,
        "Resource Not Found - Extension was not found ('id': 999999)",
      ],
      [
        `/incalls/${second.id}/extensions/${foreign.id}`,
        `Resource Not Found - Extension was not found ('id': ${foreign.id})`,
      ],
    ];
    for (const [url, message] of cases)
      assert.deepEqual((await call('PUT', url, 'admin1')).json(), [message], url);
    assert.deepEqual(await sentSince(database, from), []);
    assert.deepEqual((await call('GET', `/incalls/${second.id}`, 'admin1')).json().extensions, []);
    const other = await call('DELETE', `/incalls/${first.id}/extensions/${taken.id}`, 'admin2');
    assert.deepEqual(other.json(), [`Resource Not Found - Incall was not found ('id': ${first.id})`]);
  });
});

describe('incall schedules', () => {
  it('when associated and dissociated, then both sides show it, once each, with the events', async () => {
    const created = await incall();
    const hours = await schedule();
    const url = `/incalls/${created.id}/schedules/${hours.id}`;
    const from = await lastOutboxId(database);
    assert.equal((await call('PUT', url, 'admin1')).statusCode, 204);
    assert.equal((await call('PUT', url, 'admin1')).statusCode, 204);
    assert.deepEqual((await call('GET', `/incalls/${created.id}`, 'admin1')).json().schedules, [
      { id: hours.id, name: hours.name, links: [{ rel: 'schedules', href: link(`schedules/${hours.id}`) }] },
    ]);
    assert.deepEqual((await call('GET', `/schedules/${hours.id}`, 'admin1')).json().incalls, [
      { id: created.id, links: [{ rel: 'incalls', href: link(`incalls/${created.id}`) }] },
    ]);
    const other = await schedule();
    assert.deepEqual((await call('PUT', `/incalls/${created.id}/schedules/${other.id}`, 'admin1')).json(), [
      `Resource Error - Incall is associated with a Schedule ('incall_id': ${created.id}, 'schedule_id': ${hours.id})`,
    ]);
    assert.equal((await call('DELETE', url, 'admin1')).statusCode, 204);
    assert.equal((await call('DELETE', url, 'admin1')).statusCode, 204);
    assert.deepEqual(
      (await sentSince(database, from))
        .filter((event) => event.name.startsWith('incall_'))
        .map((event) => [event.name, event.routing_key, event.data, event.headers.tenant_uuid]),
      [
        [
          'incall_schedule_associated',
          'config.incalls.schedules.updated',
          { incall_id: created.id, schedule_id: hours.id },
          tenant1,
        ],
        [
          'incall_schedule_dissociated',
          'config.incalls.schedules.deleted',
          { incall_id: created.id, schedule_id: hours.id },
          tenant1,
        ],
      ],
    );
    assert.deepEqual((await call('GET', `/schedules/${hours.id}`, 'admin1')).json().incalls, []);
  });

  it('when the schedule is of another tenant, or either side is deleted, then 404 or the link goes', async () => {
    const created = await incall();
    const foreign = await schedule('admin2');
    assert.deepEqual((await call('PUT', `/incalls/${created.id}/schedules/${foreign.id}`, 'admin1')).json(), [
      `Resource Not Found - Schedule was not found ('id': ${foreign.id})`,
    ]);
    const hours = await schedule();
    await call('PUT', `/incalls/${created.id}/schedules/${hours.id}`, 'admin1');
    assert.equal((await call('DELETE', `/schedules/${hours.id}`, 'admin1')).statusCode, 204);
    assert.deepEqual((await call('GET', `/incalls/${created.id}`, 'admin1')).json().schedules, []);
    const kept = await schedule();
    await call('PUT', `/incalls/${created.id}/schedules/${kept.id}`, 'admin1');
    assert.equal((await call('DELETE', `/incalls/${created.id}`, 'admin1')).statusCode, 204);
    assert.deepEqual((await call('GET', `/schedules/${kept.id}`, 'admin1')).json().incalls, []);
  });
});

describe('incalls shown by their destinations', () => {
  it('when incalls send calls to a user or a group, then its incalls list them with their extensions', async () => {
    const { services } = api.resources;
    const user = await services.users.create(scopeOf(tenant1), tenant1, { firstname: 'Dest' });
    const group = await services.groups.create(scopeOf(tenant1), tenant1, { label: 'Dest group' });
    const first = await incall({ type: 'user', user_id: user.id });
    const second = await incall({ type: 'user', user_id: user.id });
    const number = await extension('5550100');
    await call('PUT', `/incalls/${second.id}/extensions/${number.id}`, 'admin1');
    const toGroup = await incall({ type: 'group', group_id: group.id });
    await incall({ type: 'none' });
    const numberLinks = [{ rel: 'extensions', href: link(`extensions/${number.id}`) }];
    assert.deepEqual((await call('GET', `/users/${user.uuid}`, 'admin1')).json().incalls, [
      { id: first.id, extensions: [], links: [{ rel: 'incalls', href: link(`incalls/${first.id}`) }] },
      {
        id: second.id,
        extensions: [{ id: number.id, exten: '5550100', context: incallContext, links: numberLinks }],
        links: [{ rel: 'incalls', href: link(`incalls/${second.id}`) }],
      },
    ]);
    assert.deepEqual((await call('GET', `/groups/${group.uuid}`, 'admin1')).json().incalls, [
      { id: toGroup.id, extensions: [], links: [{ rel: 'incalls', href: link(`incalls/${toGroup.id}`) }] },
    ]);
    const listed = (await call('GET', `/groups?uuid=${group.uuid}`, 'admin1')).json();
    assert.deepEqual(
      listed.items[0].incalls.map((i: { id: number }) => i.id),
      [toGroup.id],
    );
    assert.equal((await call('DELETE', `/incalls/${first.id}`, 'admin1')).statusCode, 204);
    assert.deepEqual(
      (await call('GET', `/users/${user.uuid}`, 'admin1')).json().incalls.map((i: { id: number }) => i.id),
      [second.id],
    );
  });

  it('when incalls with numbers send calls to a user, then its outgoing caller ids are those numbers, then anonymous', async () => {
    const { services } = api.resources;
    const user = await services.users.create(scopeOf(tenant1), tenant1, { firstname: 'Caller' });
    const url = `/users/${user.uuid}/callerids/outgoing`;
    assert.deepEqual((await call('GET', url, 'admin1')).json(), { total: 1, items: [{ type: 'anonymous' }] });
    for (const exten of ['5550200', '5550201']) {
      const routed = await incall({ type: 'user', user_id: user.id });
      const number = await extension(exten);
      await call('PUT', `/incalls/${routed.id}/extensions/${number.id}`, 'admin1');
    }
    await incall({ type: 'user', user_id: user.id });
    assert.deepEqual((await call('GET', url, 'admin1')).json(), {
      total: 3,
      items: [
        { type: 'associated', number: '5550200', caller_id_name: '' },
        { type: 'associated', number: '5550201', caller_id_name: '' },
        { type: 'anonymous' },
      ],
    });
  });
});
