/**
 * wazo-confd's test_queues, test_queue_extension, test_queue_schedule, test_queue_member and
 * test_queue_fallback checklists on a real PostgreSQL: minimal body and Wazo's defaults, every
 * field, field errors changing nothing, a name unique across tenants and groups, search/sort/
 * paging, 404s across tenants and `recurse`, wait destinations, the events' envelope, relations
 * on both sides (user's queues, agent's queues, extension's queue), cleanup on delete.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { DEFAULT_QUEUE_OPTIONS } from '@wazo-ts/dao';
import { createMigratedTestDatabase, type MigratedTestDatabase } from '@wazo-ts/dao/testing';
import { agentsPlugin } from '../agents/index.js';
import { answerLinksPlugin } from '../common/answer-links.js';
import { contextsPlugin } from '../contexts/index.js';
import { extensionsPlugin } from '../extensions/index.js';
import { queueFallbacksPlugin, userFallbacksPlugin } from '../fallbacks/index.js';
import { funcKeyTemplatesPlugin, userFuncKeysPlugin } from '../funckeys/index.js';
import { groupExtensionsPlugin, groupsPlugin } from '../groups/index.js';
import { lineAssociationsPlugin, linesPlugin } from '../lines/index.js';
import { schedulesPlugin } from '../schedules/index.js';
import { caller, lastOutboxId, outboxNames, rowCount, sentSince } from '../testing/route-calls.js';
import { buildTestApi, type TestApi } from '../testing/test-app.js';
import { usersPlugin } from '../users/index.js';
import {
  queueExtensionsPlugin,
  queueMembersPlugin,
  queueSchedulesPlugin,
  queuesPlugin,
} from './queues.routes.js';

let database: MigratedTestDatabase;
let api: TestApi;
let call: ReturnType<typeof caller>;
const tenant1 = randomUUID();
const child1 = randomUUID();
const tenant2 = randomUUID();
const base = 'http://localhost:80/1.1';
let context: string;

before(async () => {
  database = await createMigratedTestDatabase({ prefix: 'wazo_confd_queues' });
  api = await buildTestApi(database, [
    answerLinksPlugin,
    queuesPlugin,
    queueExtensionsPlugin,
    queueSchedulesPlugin,
    queueMembersPlugin,
    queueFallbacksPlugin,
    agentsPlugin,
    usersPlugin,
    userFallbacksPlugin,
    groupsPlugin,
    groupExtensionsPlugin,
    contextsPlugin,
    extensionsPlugin,
    linesPlugin,
    lineAssociationsPlugin,
    schedulesPlugin,
    funcKeyTemplatesPlugin,
    userFuncKeysPlugin,
  ]);
  call = caller(api);
  api.addSubtenant(tenant1, child1);
  api.verifier.add({ token: 'admin1', acl: ['confd.#'], metadata: { tenant_uuid: tenant1 } });
  api.verifier.add({ token: 'admin2', acl: ['confd.#'], metadata: { tenant_uuid: tenant2 } });
  for (const tenant of [tenant1, child1, tenant2]) await api.resources.services.tenants.ensure(tenant);
  const ranges = {
    user_ranges: [{ start: '1000', end: '1999' }],
    queue_ranges: [{ start: '3000', end: '3999' }],
  };
  const res = await call('POST', '/contexts', 'admin1', { label: 'internal', ...ranges });
  assert.equal(res.statusCode, 201, res.body);
  context = res.json().name;
});
after(async () => {
  await api?.app.close();
  await database?.drop();
});

let serial = 0;
const createQueue = async (body: object = {}, token = 'admin1', tenant?: string) => {
  const res = await call(
    'POST',
    '/queues',
    token,
    { name: `q${serial++}-${randomUUID().slice(0, 8)}`, ...body },
    tenant,
  );
  assert.equal(res.statusCode, 201, res.body);
  return res.json();
};
const created201 = async (url: string, body: object, token = 'admin1', tenant?: string) => {
  const res = await call('POST', url, token, body, tenant);
  assert.equal(res.statusCode, 201, res.body);
  return res.json();
};
const getQueue = async (id: number) => (await call('GET', `/queues/${id}`, 'admin1')).json();
/** A user with a line of its own (a queue member needs one). */
const userWithLine = async (firstname: string) => {
  const user = await created201('/users', { firstname });
  const line = await created201('/lines', { context, endpoint_sip: {} });
  const res = await call('PUT', `/users/${user.id}/lines/${line.id}`, 'admin1');
  assert.equal(res.statusCode, 204, res.body);
  return { ...user, lineId: line.id as number };
};

describe('queues', () => {
  it('when created with a name only, then Wazo defaults, default options, a Location and queue_created', async () => {
    const from = await lastOutboxId(database);
    const res = await call('POST', '/queues', 'admin1', { name: 'MyQueue' });
    assert.equal(res.statusCode, 201, res.body);
    const queue = res.json();
    assert.deepEqual(queue, {
      id: queue.id,
      tenant_uuid: tenant1,
      name: 'MyQueue',
      label: null,
      data_quality: false,
      dtmf_hangup_callee_enabled: false,
      dtmf_hangup_caller_enabled: false,
      dtmf_transfer_callee_enabled: false,
      dtmf_transfer_caller_enabled: false,
      dtmf_record_callee_enabled: false,
      dtmf_record_caller_enabled: false,
      dtmf_record_toggle: false,
      retry_on_timeout: true,
      ring_on_hold: false,
      timeout: null,
      announce_hold_time_on_entry: false,
      ignore_forward: true,
      preprocess_subroutine: null,
      music_on_hold: null,
      wait_time_threshold: null,
      wait_ratio_threshold: null,
      caller_id_mode: null,
      caller_id_name: null,
      mark_answered_elsewhere: true,
      enabled: true,
      options: DEFAULT_QUEUE_OPTIONS,
      wait_time_destination: null,
      wait_ratio_destination: null,
      extensions: [],
      schedules: [],
      members: { agents: [], users: [] },
      links: [{ rel: 'queues', href: `${base}/queues/${queue.id}` }],
    });
    assert.match(String(res.headers.location), new RegExp(`/1\\.1/queues/${queue.id}$`));
    const [event] = await sentSince(database, from);
    assert.deepEqual(
      [
        event?.name,
        event?.routing_key,
        event?.data,
        event?.headers.tenant_uuid,
        event?.headers['user_uuid:*'],
      ],
      ['queue_created', 'config.queues.created', { id: queue.id }, tenant1, true],
    );
    assert.deepEqual(await getQueue(queue.id), queue);
  });

  it('when created with every field, then each is kept and the options merge with the defaults', async () => {
    const body = {
      name: 'AllParameters',
      label: 'Label',
      data_quality: true,
      dtmf_hangup_callee_enabled: true,
      dtmf_hangup_caller_enabled: true,
      dtmf_transfer_callee_enabled: true,
      dtmf_transfer_caller_enabled: true,
      dtmf_record_callee_enabled: true,
      dtmf_record_caller_enabled: true,
      dtmf_record_toggle: true,
      retry_on_timeout: false,
      ring_on_hold: true,
      announce_hold_time_on_entry: true,
      ignore_forward: false,
      wait_time_threshold: 1,
      wait_time_destination: { type: 'none' },
      wait_ratio_threshold: 1.5,
      wait_ratio_destination: { type: 'hangup', cause: 'busy', timeout: 10 },
      caller_id_mode: 'prepend',
      caller_id_name: 'QUEUE-',
      timeout: 42,
      music_on_hold: 'default',
      preprocess_subroutine: 'subroutine',
      mark_answered_elsewhere: false,
      enabled: false,
    };
    const queue = await createQueue({
      ...body,
      options: [
        ['timeout', '30'],
        ['joinempty', 'yes'],
      ],
    });
    for (const [key, value] of Object.entries(body)) assert.deepEqual(queue[key], value, key);
    const options = new Map(queue.options as [string, string][]);
    assert.equal(options.get('timeout'), '30');
    assert.equal(options.get('joinempty'), 'yes');
    assert.equal(options.get('strategy'), 'ringall');
    assert.equal(options.size, DEFAULT_QUEUE_OPTIONS.length + 1);
  });

  it("when a field is wrong, then Wazo's words and nothing is written", async () => {
    const before = await rowCount(database, 'queue');
    const cases: [object, string][] = [
      [{}, "Input Error - name: ['Missing data for required field.']"],
      [{ name: 123 }, "Input Error - name: ['Not a valid string.']"],
      [{ name: null }, "Input Error - name: ['Field may not be null.']"],
      [{ name: 'invalid regex' }, "Input Error - name: ['String does not match expected pattern.']"],
      [{ name: 'x'.repeat(129) }, "Input Error - name: ['Longer than maximum length 128.']"],
      [{ name: 'q', label: 123 }, "Input Error - label: ['Not a valid string.']"],
      [{ name: 'q', label: 'x'.repeat(129) }, "Input Error - label: ['Longer than maximum length 128.']"],
      [{ name: 'q', data_quality: 'yeah' }, "Input Error - data_quality: ['Not a valid boolean.']"],
      [{ name: 'q', ring_on_hold: 123 }, "Input Error - ring_on_hold: ['Not a valid boolean.']"],
      [{ name: 'q', timeout: -1 }, "Input Error - timeout: ['Must be greater than or equal to 0.']"],
      [
        { name: 'q', wait_ratio_threshold: -1 },
        "Input Error - wait_ratio_threshold: ['Must be greater than or equal to 0.']",
      ],
      [
        { name: 'q', caller_id_mode: 'bad' },
        "Input Error - caller_id_mode: ['Must be one of: prepend, overwrite, append.']",
      ],
      [
        { name: 'q', caller_id_name: 'x'.repeat(81) },
        "Input Error - caller_id_name: ['Longer than maximum length 80.']",
      ],
      [
        { name: 'q', preprocess_subroutine: 'x'.repeat(80) },
        "Input Error - preprocess_subroutine: ['Longer than maximum length 79.']",
      ],
      [{ name: 'q', enabled: null }, "Input Error - enabled: ['Field may not be null.']"],
    ];
    for (const [body, message] of cases) {
      const res = await call('POST', '/queues', 'admin1', body);
      assert.equal(res.statusCode, 400, JSON.stringify(body));
      assert.deepEqual(res.json(), [message], JSON.stringify(body));
    }
    assert.equal((await call('POST', '/queues', 'admin1', { name: 'general' })).statusCode, 400);
    assert.equal(
      (await call('POST', '/queues', 'admin1', { name: 'q', options: [['one']] })).statusCode,
      400,
    );
    assert.equal(
      (await call('POST', '/queues', 'admin1', { name: 'q', wait_time_destination: { type: 'bogus' } }))
        .statusCode,
      400,
    );
    const user = await call('POST', '/queues', 'admin1', {
      name: 'q',
      wait_time_destination: { type: 'user', user_id: 999999 },
    });
    assert.deepEqual(user.json(), [
      "Input Error - field 'actionarg1': User was not found ('actionarg1': 999999)",
    ]);
    const queue = await createQueue();
    for (const [body, message] of cases.slice(5)) {
      const { name: _name, ...edit } = body as Record<string, unknown>;
      const res = await call('PUT', `/queues/${queue.id}`, 'admin1', edit);
      assert.deepEqual(res.json(), [message], `PUT ${JSON.stringify(body)}`);
    }
    assert.equal(await rowCount(database, 'queue'), before + 1);
  });

  it('when a name is taken by a queue of any tenant or a group, then it already exists', async () => {
    await createQueue({ name: 'taken' });
    assert.deepEqual((await call('POST', '/queues', 'admin2', { name: 'taken' })).json(), [
      "Resource Error - Queue already exists ('name': 'taken')",
    ]);
    const group = await created201('/groups', { label: 'grp' });
    assert.deepEqual((await call('POST', '/queues', 'admin1', { name: group.name })).json(), [
      `Resource Error - Group already exists ('name': '${group.name}')`,
    ]);
  });

  it('when edited, then only the given fields change, the name stays, and queue_edited', async () => {
    const queue = await createQueue({ label: 'before', timeout: 5 });
    const from = await lastOutboxId(database);
    const edit = {
      name: 'renamed',
      label: 'after',
      wait_time_destination: { type: 'none' },
      options: [['retry', '9']],
    };
    assert.equal((await call('PUT', `/queues/${queue.id}`, 'admin1', edit)).statusCode, 204);
    const read = await getQueue(queue.id);
    assert.deepEqual([read.name, read.label, read.timeout], [queue.name, 'after', 5]);
    assert.deepEqual(read.wait_time_destination, { type: 'none' });
    assert.equal(new Map(read.options as [string, string][]).get('retry'), '9');
    assert.equal(
      (await call('PUT', `/queues/${queue.id}`, 'admin1', { wait_time_destination: null })).statusCode,
      204,
    );
    assert.equal((await getQueue(queue.id)).wait_time_destination, null);
    assert.deepEqual(
      (await sentSince(database, from)).map((e) => [e.name, e.routing_key, e.data]),
      [
        ['queue_edited', 'config.queues.edited', { id: queue.id }],
        ['queue_edited', 'config.queues.edited', { id: queue.id }],
      ],
    );
  });

  it('when listed, then searched on name, label and exten, filtered, sorted by id and paged', async () => {
    const a = await createQueue({ label: 'zzz-findme', preprocess_subroutine: 'sub-find' });
    const b = await createQueue({ label: 'aaa-hidden' });
    const list = async (query: string) => (await call('GET', `/queues?${query}`, 'admin1')).json();
    const ids = (page: { items: { id: number }[] }) => page.items.map((item) => item.id);
    assert.deepEqual(ids(await list('search=findme')), [a.id]);
    assert.deepEqual(ids(await list('preprocess_subroutine=sub-find')), [a.id]);
    assert.deepEqual(ids(await list(`name=${b.name}`)), [b.id]);
    const all = await list('limit=1000');
    const sorted = ids(all);
    assert.deepEqual(
      sorted,
      [...sorted].sort((x, y) => x - y),
    );
    const byLabel = ids(await list('order=label&limit=1000'));
    assert.ok(byLabel.indexOf(b.id) < byLabel.indexOf(a.id));
    const page = await list('limit=1&offset=1');
    assert.deepEqual([page.total, ids(page)], [all.total, [sorted[1]]]);
    const extension = await created201('/extensions', { exten: '3456', context });
    assert.equal((await call('PUT', `/queues/${b.id}/extensions/${extension.id}`, 'admin1')).statusCode, 204);
    assert.deepEqual(ids(await list('exten=3456')), [b.id]);
    assert.deepEqual(ids(await list('search=3456')), [b.id]);
  });

  it('when tenants list theirs, then recurse adds the sub-tenants; another tenant gets 404 and nothing changes', async () => {
    const main = await createQueue();
    const sub = await createQueue({}, 'admin1', child1);
    assert.equal(sub.tenant_uuid, child1);
    const ids = async (query: string, tenant?: string) =>
      (await call('GET', `/queues?${query}`, 'admin1', undefined, tenant))
        .json()
        .items.map((i: { id: number }) => i.id);
    assert.ok(!(await ids('')).includes(sub.id));
    assert.ok((await ids('recurse=true')).includes(sub.id));
    assert.deepEqual(await ids('', child1), [sub.id]);
    const message = [`Resource Not Found - Queue was not found ('id': ${main.id})`];
    const before = await outboxNames(database);
    assert.deepEqual((await call('GET', `/queues/${main.id}`, 'admin2')).json(), message);
    assert.deepEqual((await call('PUT', `/queues/${main.id}`, 'admin2', { label: 'x' })).json(), message);
    assert.deepEqual((await call('DELETE', `/queues/${main.id}`, 'admin2')).json(), message);
    assert.deepEqual((await call('GET', `/queues/${main.id}/fallbacks`, 'admin2')).json(), message);
    assert.deepEqual((await call('GET', `/queues/${main.id}`, 'admin1', undefined, child1)).json(), message);
    assert.equal((await call('GET', '/queues/abc', 'admin1')).statusCode, 404);
    assert.deepEqual(await outboxNames(database), before);
  });

  it('when deleted, then queue_deleted, its extension is freed and the destinations to it go', async () => {
    const queue = await createQueue();
    const extension = await created201('/extensions', { exten: '3100', context });
    await call('PUT', `/queues/${queue.id}/extensions/${extension.id}`, 'admin1');
    const user = await created201('/users', { firstname: 'Fallback' });
    const fallback = { noanswer_destination: { type: 'queue', queue_id: queue.id, ring_time: 5 } };
    assert.equal((await call('PUT', `/users/${user.id}/fallbacks`, 'admin1', fallback)).statusCode, 204);
    const named = (await call('GET', `/users/${user.id}/fallbacks`, 'admin1')).json();
    assert.equal(named.noanswer_destination.queue_label, null);
    const other = await createQueue({ wait_time_destination: { type: 'queue', queue_id: queue.id } });
    const from = await lastOutboxId(database);
    assert.equal((await call('DELETE', `/queues/${queue.id}`, 'admin1')).statusCode, 204);
    assert.equal((await call('GET', `/queues/${queue.id}`, 'admin1')).statusCode, 404);
    assert.deepEqual(
      (await sentSince(database, from)).map((e) => [e.name, e.routing_key, e.data]),
      [['queue_deleted', 'config.queues.deleted', { id: queue.id }]],
    );
    const freed = await call('GET', `/extensions/${extension.id}`, 'admin1');
    assert.equal(freed.json().queue, null, freed.body);
    assert.equal(
      (await call('GET', `/users/${user.id}/fallbacks`, 'admin1')).json().noanswer_destination,
      null,
    );
    assert.equal((await getQueue(other.id)).wait_time_destination, null);
    assert.deepEqual((await call('PUT', `/users/${user.id}/fallbacks`, 'admin1', fallback)).json(), [
      `Input Error - field 'actionarg1': Queue was not found ('actionarg1': ${queue.id})`,
    ]);
  });
});

describe('queue extensions and schedules', () => {
  it('when an extension is associated, then both show it, again is a no-op, and it is dissociated', async () => {
    const queue = await createQueue({ label: 'Support' });
    const extension = await created201('/extensions', { exten: '3001', context });
    const from = await lastOutboxId(database);
    const path = `/queues/${queue.id}/extensions/${extension.id}`;
    assert.equal((await call('PUT', path, 'admin1')).statusCode, 204);
    assert.equal((await call('PUT', path, 'admin1')).statusCode, 204);
    assert.deepEqual((await getQueue(queue.id)).extensions, [
      {
        id: extension.id,
        exten: '3001',
        context,
        links: [{ rel: 'extensions', href: `${base}/extensions/${extension.id}` }],
      },
    ]);
    assert.deepEqual((await call('GET', `/extensions/${extension.id}`, 'admin1')).json().queue, {
      id: queue.id,
      name: queue.name,
      label: 'Support',
      links: [{ rel: 'queues', href: `${base}/queues/${queue.id}` }],
    });
    const second = await created201('/extensions', { exten: '3002', context });
    assert.deepEqual((await call('PUT', `/queues/${queue.id}/extensions/${second.id}`, 'admin1')).json(), [
      `Resource Error - Queue is associated with a Extension ('queue_id': ${queue.id}, 'extension_id': ${extension.id})`,
    ]);
    const group = await created201('/groups', { label: 'taker' });
    assert.deepEqual((await call('PUT', `/groups/${group.id}/extensions/${extension.id}`, 'admin1')).json(), [
      `Resource Error - Extension is associated with a queue ('extension_id': ${extension.id}, 'associated_id': ${queue.id})`,
    ]);
    const outside = await created201('/extensions', { exten: '1500', context });
    const other = await createQueue();
    assert.deepEqual((await call('PUT', `/queues/${other.id}/extensions/${outside.id}`, 'admin1')).json(), [
      `Input Error - Extension '1500' is outside of range for context '${context}'`,
    ]);
    assert.deepEqual((await call('PUT', `/queues/${other.id}/extensions/${extension.id}`, 'admin1')).json(), [
      `Resource Error - Queue is associated with a Extension ('queue_id': ${queue.id}, 'extension_id': ${extension.id})`,
    ]);
    assert.equal((await call('DELETE', path, 'admin1')).statusCode, 204);
    assert.equal((await call('DELETE', path, 'admin1')).statusCode, 204);
    assert.deepEqual((await getQueue(queue.id)).extensions, []);
    assert.deepEqual(
      (await sentSince(database, from))
        .filter((e) => e.name.startsWith('queue_extension'))
        .map((e) => [e.name, e.routing_key, e.data]),
      [
        [
          'queue_extension_associated',
          'config.queues.extensions.updated',
          { queue_id: queue.id, extension_id: extension.id },
        ],
        [
          'queue_extension_dissociated',
          'config.queues.extensions.deleted',
          { queue_id: queue.id, extension_id: extension.id },
        ],
      ],
    );
    assert.deepEqual((await call('PUT', `/queues/${queue.id}/extensions/999999`, 'admin1')).json(), [
      "Resource Not Found - Extension was not found ('id': 999999)",
    ]);
  });

  it('when a schedule is associated, then the queue shows it, a second is refused, and it is dissociated', async () => {
    const queue = await createQueue();
    const closed = { closed_destination: { type: 'none' } };
    const schedule = await created201('/schedules', { ...closed, name: 'office' });
    const second = await created201('/schedules', { ...closed, name: 'night' });
    const from = await lastOutboxId(database);
    const path = `/queues/${queue.id}/schedules/${schedule.id}`;
    assert.equal((await call('PUT', path, 'admin1')).statusCode, 204);
    assert.equal((await call('PUT', path, 'admin1')).statusCode, 204);
    assert.deepEqual((await getQueue(queue.id)).schedules, [
      {
        id: schedule.id,
        name: 'office',
        links: [{ rel: 'schedules', href: `${base}/schedules/${schedule.id}` }],
      },
    ]);
    assert.deepEqual((await call('GET', `/schedules/${schedule.id}`, 'admin1')).json().queues, [
      {
        id: queue.id,
        name: queue.name,
        label: null,
        links: [{ rel: 'queues', href: `${base}/queues/${queue.id}` }],
      },
    ]);
    assert.deepEqual((await call('PUT', `/queues/${queue.id}/schedules/${second.id}`, 'admin1')).json(), [
      `Resource Error - Queue is associated with a Schedule ('queue_id': ${queue.id}, 'schedule_id': ${schedule.id})`,
    ]);
    const foreign = await created201('/schedules', { ...closed, name: 'sub' }, 'admin1', child1);
    const other = await createQueue();
    assert.deepEqual((await call('PUT', `/queues/${other.id}/schedules/${foreign.id}`, 'admin1')).json(), [
      `Resource Error - different tenants ('queue_tenant_uuid': '${tenant1}', 'schedule_tenant_uuid': '${child1}')`,
    ]);
    assert.equal((await call('DELETE', path, 'admin1')).statusCode, 204);
    assert.equal((await call('DELETE', path, 'admin1')).statusCode, 204);
    assert.deepEqual((await getQueue(queue.id)).schedules, []);
    assert.deepEqual(
      (await sentSince(database, from))
        .filter((e) => e.name.startsWith('queue_schedule'))
        .map((e) => [e.name, e.routing_key, e.data]),
      [
        [
          'queue_schedule_associated',
          'config.queues.schedules.updated',
          { queue_id: queue.id, schedule_id: schedule.id },
        ],
        [
          'queue_schedule_dissociated',
          'config.queues.schedules.deleted',
          { queue_id: queue.id, schedule_id: schedule.id },
        ],
      ],
    );
  });
});

describe('queue members', () => {
  it('when an agent joins with a penalty, then both show it, a change has no event, and it leaves', async () => {
    const queue = await createQueue({ label: 'Agents' });
    const agent = await created201('/agents', { number: '7001', firstname: 'Ann' });
    const from = await lastOutboxId(database);
    const path = `/queues/${queue.id}/members/agents/${agent.id}`;
    assert.equal((await call('PUT', path, 'admin1', { penalty: 3, priority: 2 })).statusCode, 204);
    assert.deepEqual((await getQueue(queue.id)).members.agents, [
      {
        priority: 2,
        penalty: 3,
        id: agent.id,
        number: '7001',
        firstname: 'Ann',
        lastname: null,
        links: [{ rel: 'agents', href: `${base}/agents/${agent.id}` }],
      },
    ]);
    assert.deepEqual((await call('GET', `/agents/${agent.id}`, 'admin1')).json().queues, [
      {
        penalty: 3,
        id: queue.id,
        name: queue.name,
        label: 'Agents',
        links: [{ rel: 'queues', href: `${base}/queues/${queue.id}` }],
      },
    ]);
    assert.equal((await call('PUT', path, 'admin1', {})).statusCode, 204);
    assert.deepEqual(
      (await getQueue(queue.id)).members.agents.map((a: { penalty: number; priority: number }) => [
        a.penalty,
        a.priority,
      ]),
      [[0, 0]],
    );
    assert.deepEqual((await call('PUT', path, 'admin1', { penalty: -1 })).json(), [
      "Input Error - penalty: ['Must be greater than or equal to 0.']",
    ]);
    assert.equal((await call('DELETE', path, 'admin1')).statusCode, 204);
    assert.equal((await call('DELETE', path, 'admin1')).statusCode, 204);
    assert.deepEqual((await getQueue(queue.id)).members.agents, []);
    assert.deepEqual(
      (await sentSince(database, from)).map((e) => [e.name, e.routing_key, e.data, e.headers.tenant_uuid]),
      [
        [
          'queue_member_agent_associated',
          'config.queues.agents.updated',
          { queue_id: queue.id, agent_id: agent.id, penalty: 3 },
          tenant1,
        ],
        [
          'queue_member_agent_dissociated',
          'config.queues.agents.deleted',
          { queue_id: queue.id, agent_id: agent.id },
          tenant1,
        ],
      ],
    );
    const sub = await created201('/agents', { number: '7002' }, 'admin1', child1);
    assert.deepEqual(
      (await call('PUT', `/queues/${queue.id}/members/agents/${sub.id}`, 'admin1', {})).json(),
      [
        `Resource Error - different tenants ('queue_tenant_uuid': '${tenant1}', 'agent_tenant_uuid': '${child1}')`,
      ],
    );
    assert.deepEqual((await call('PUT', `/queues/${queue.id}/members/agents/999999`, 'admin1', {})).json(), [
      "Resource Not Found - Agent was not found ('id': 999999)",
    ]);
    await call('PUT', path, 'admin1', {});
    assert.equal((await call('DELETE', `/agents/${agent.id}`, 'admin1')).statusCode, 204);
    assert.deepEqual((await getQueue(queue.id)).members.agents, []);
  });

  it('when a user with a line joins, then both show it; without a line or on a shared line it is refused', async () => {
    const queue = await createQueue({ label: 'Users' });
    const user = await userWithLine('Ulla');
    const from = await lastOutboxId(database);
    const path = `/queues/${queue.id}/members/users/${user.uuid}`;
    assert.equal((await call('PUT', path, 'admin1', { priority: 4 })).statusCode, 204);
    assert.deepEqual((await getQueue(queue.id)).members.users, [
      {
        priority: 4,
        uuid: user.uuid,
        firstname: 'Ulla',
        lastname: null,
        links: [{ rel: 'users', href: `${base}/users/${user.uuid}` }],
      },
    ]);
    assert.deepEqual((await call('GET', `/users/${user.id}`, 'admin1')).json().queues, [
      {
        id: queue.id,
        name: queue.name,
        label: 'Users',
        links: [{ rel: 'queues', href: `${base}/queues/${queue.id}` }],
      },
    ]);
    const bare = await created201('/users', { firstname: 'NoLine' });
    assert.deepEqual(
      (await call('PUT', `/queues/${queue.id}/members/users/${bare.id}`, 'admin1', {})).json(),
      [`Resource Error - User must be associated with a Line ('user_uuid': '${bare.uuid}')`],
    );
    const sharing = await created201('/users', { firstname: 'Sharing' });
    await call('PUT', `/users/${sharing.id}/lines/${user.lineId}`, 'admin1');
    assert.deepEqual(
      (await call('PUT', `/queues/${queue.id}/members/users/${sharing.id}`, 'admin1', {})).json(),
      [
        `Resource Error - Operation not permitted. Cannot associate different users with the same line ('line_id': ${user.lineId})`,
      ],
    );
    assert.equal(
      (await call('DELETE', `/queues/${queue.id}/members/users/${user.id}`, 'admin1')).statusCode,
      204,
    );
    assert.equal((await call('DELETE', path, 'admin1')).statusCode, 204);
    assert.deepEqual((await getQueue(queue.id)).members.users, []);
    assert.deepEqual(
      (await sentSince(database, from))
        .filter((e) => e.name.startsWith('queue_member'))
        .map((e) => [e.name, e.routing_key, e.data, e.headers[`user_uuid:${user.uuid}`]]),
      [
        [
          'queue_member_user_associated',
          'config.queues.users.updated',
          { queue_id: queue.id, user_uuid: user.uuid },
          true,
        ],
        [
          'queue_member_user_dissociated',
          'config.queues.users.deleted',
          { queue_id: queue.id, user_uuid: user.uuid },
          true,
        ],
      ],
    );
    assert.deepEqual((await call('PUT', `/queues/${queue.id}/members/users/999999`, 'admin1', {})).json(), [
      "Resource Not Found - User was not found ('id': 999999)",
    ]);
  });
});

describe('an agent created with its queues', () => {
  it('when POST /agents names queues, then it is their member at once; an unknown queue makes nothing', async () => {
    const queue = await createQueue({ label: 'Joined' });
    const from = await lastOutboxId(database);
    const agent = await created201('/agents', { number: '9100', queues: [{ id: queue.id, penalty: 4 }] });
    assert.deepEqual(agent.queues, [
      {
        penalty: 4,
        id: queue.id,
        name: queue.name,
        label: 'Joined',
        links: [{ rel: 'queues', href: `${base}/queues/${queue.id}` }],
      },
    ]);
    assert.deepEqual(
      (await getQueue(queue.id)).members.agents.map(
        (a: { id: number; penalty: number; priority: number }) => [a.id, a.penalty, a.priority],
      ),
      [[agent.id, 4, 0]],
    );
    assert.deepEqual(
      (await sentSince(database, from)).map((e) => e.name),
      ['agent_created', 'queue_member_agent_associated'],
    );
    const before = await rowCount(database, 'agent');
    const res = await call('POST', '/agents', 'admin1', { number: '9101', queues: [{ id: 999999 }] });
    assert.deepEqual(res.json(), ["Resource Not Found - Queue was not found ('id': 999999)"]);
    assert.equal(await rowCount(database, 'agent'), before);
    const bad = await call('POST', '/agents', 'admin1', {
      number: '9102',
      queues: [{ id: queue.id, penalty: -1 }],
    });
    assert.equal(bad.statusCode, 400);
  });
});

describe('queue fallbacks', () => {
  it('when read, then every event is there; a PUT replaces them all with queue_fallback_edited', async () => {
    const queue = await createQueue();
    const path = `/queues/${queue.id}/fallbacks`;
    const none = {
      noanswer_destination: null,
      busy_destination: null,
      congestion_destination: null,
      fail_destination: null,
    };
    assert.deepEqual((await call('GET', path, 'admin1')).json(), none);
    const from = await lastOutboxId(database);
    const body = {
      noanswer_destination: { type: 'none' },
      fail_destination: { type: 'hangup', cause: 'normal' },
    };
    assert.equal((await call('PUT', path, 'admin1', body)).statusCode, 204);
    assert.deepEqual((await call('GET', path, 'admin1')).json(), { ...none, ...body });
    assert.equal((await call('PUT', path, 'admin1', { busy_destination: { type: 'none' } })).statusCode, 204);
    assert.deepEqual((await call('GET', path, 'admin1')).json(), {
      ...none,
      busy_destination: { type: 'none' },
    });
    assert.deepEqual(
      (await sentSince(database, from)).map((e) => [e.name, e.routing_key, e.data, e.headers.tenant_uuid]),
      [
        ['queue_fallback_edited', 'config.queues.fallbacks.edited', { id: queue.id }, tenant1],
        ['queue_fallback_edited', 'config.queues.fallbacks.edited', { id: queue.id }, tenant1],
      ],
    );
    assert.equal(
      (await call('PUT', path, 'admin1', { noanswer_destination: { type: 'bogus' } })).statusCode,
      400,
    );
    assert.deepEqual((await call('GET', path, 'admin1')).json(), {
      ...none,
      busy_destination: { type: 'none' },
    });
  });
});

describe('function keys to queues and agents', () => {
  it('when a key names a queue or an agent, then it must exist in the tenant, and it goes with it', async () => {
    const queue = await createQueue();
    const agent = await created201('/agents', { number: '8001' });
    const user = await created201('/users', { firstname: 'Keys' });
    const template = await created201('/funckeys/templates', {
      name: 'queues',
      keys: { 1: { destination: { type: 'queue', queue_id: queue.id } } },
    });
    const key = `/users/${user.id}/funckeys/1`;
    const agentKey = { destination: { type: 'agent', agent_id: agent.id, action: 'toggle' } };
    assert.equal((await call('PUT', key, 'admin1', agentKey)).statusCode, 204);
    const foreign = await createQueue({}, 'admin2');
    const refused = await call('POST', '/funckeys/templates', 'admin1', {
      keys: { 1: { destination: { type: 'queue', queue_id: foreign.id } } },
    });
    assert.deepEqual(refused.json(), [
      `Input Error - field 'queue_id': Queue was not found ('queue_id': ${foreign.id})`,
    ]);
    const keys = async (url: string) => (await call('GET', url, 'admin1')).json().keys;
    assert.equal((await keys(`/funckeys/templates/${template.id}`))['1'].destination.queue_id, queue.id);
    assert.equal((await call('DELETE', `/queues/${queue.id}`, 'admin1')).statusCode, 204);
    assert.deepEqual(await keys(`/funckeys/templates/${template.id}`), {});
    assert.equal((await call('GET', key, 'admin1')).json().destination.agent_id, agent.id);
    assert.equal((await call('DELETE', `/agents/${agent.id}`, 'admin1')).statusCode, 204);
    assert.equal((await call('GET', key, 'admin1')).statusCode, 404);
  });
});
