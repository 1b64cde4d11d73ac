/**
 * Issue #17's end to end: a small company built through the platform's gateway as an
 * administrator builds one — contexts, two users with lines, a voicemail, a group, agents in a
 * queue, an IVR whose choices reach the queue, the group and the voicemail, an incall to the IVR
 * on office hours, a trunk and an outcall with a call permission — then pieces deleted, and what
 * pointed to them read back as Wazo leaves it (a deleted target's destinations gone or `none`,
 * associations emptied). The tests of the file run in order and build on each other.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { adminToken, type GatewayAnswer, gatewayCall } from '@wazo-ts/platform/testing';
import { type PlatformProcess, startPlatformProcess } from './support/platform-process.js';

type Row = Record<string, unknown> & { id: number; uuid: string; name: string };

let dataDir: string;
let platform: PlatformProcess;
let token: string;

before(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'wazo-company-'));
  platform = await startPlatformProcess({ dataDir });
  token = (await adminToken(platform.gateway, platform.certificate, await platform.admin())).token;
});
after(async () => {
  const code = await platform?.stop('SIGINT');
  assert.equal(code, 0, platform?.output());
  await rm(dataDir, { recursive: true, force: true });
});

/** confd through the gateway, as the administrator. */
function confd(method: string, path: string, body?: unknown): Promise<GatewayAnswer> {
  return gatewayCall(platform.gateway, platform.certificate, method, `/api/confd/1.1${path}`, {
    token,
    body,
  });
}

/** A call that must succeed; its answer's body. */
async function ok<T = Row>(method: string, path: string, body?: unknown): Promise<T> {
  const answer = await confd(method, path, body);
  assert.ok(answer.status < 300, `${method} ${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body as T;
}

type Piece =
  | 'internal'
  | 'incoming'
  | 'outgoing'
  | 'alice'
  | 'bob'
  | 'voicemail'
  | 'support'
  | 'agentBob'
  | 'agentCarol'
  | 'sales'
  | 'menu'
  | 'office'
  | 'mainNumber'
  | 'trunk'
  | 'world'
  | 'noAbroad';
/** What the first tests built, for the next ones. */
const company = {} as Record<Piece, Row>;
const ids = (rows: unknown) => (rows as { id: number }[]).map((row) => row.id);

describe('a small company, built through the gateway', () => {
  it('when the contexts are made, then users, groups, queues, incalls and outcalls have their numbers', async () => {
    company.internal = await ok('POST', '/contexts', {
      label: 'Office',
      type: 'internal',
      user_ranges: [{ start: '1000', end: '1999' }],
      group_ranges: [{ start: '2000', end: '2099' }],
      queue_ranges: [{ start: '3000', end: '3099' }],
    });
    company.incoming = await ok('POST', '/contexts', {
      label: 'From the provider',
      type: 'incall',
      incall_ranges: [{ start: '0123450000', end: '0123459999', did_length: 4 }],
    });
    company.outgoing = await ok('POST', '/contexts', { label: 'To the world', type: 'outcall' });
    await ok('PUT', `/contexts/${company.internal.id}/contexts`, { contexts: [{ id: company.outgoing.id }] });
  });

  it('when two users get SIP lines with extensions, a voicemail and a group, then each shows the other', async () => {
    for (const [key, firstname, exten] of [
      ['alice', 'Alice', '1001'],
      ['bob', 'Bob', '1002'],
    ] as const) {
      const user = await ok('POST', '/users', { firstname, lastname: 'Company' });
      const line = await ok('POST', '/lines', {
        context: company.internal.name,
        endpoint_sip: {
          label: `${key}-desk`,
          auth_section_options: [
            ['username', `${key}-company`],
            ['password', `${key}-secret`],
          ],
        },
      });
      await ok('PUT', `/users/${user.uuid}/lines/${line.id}`);
      const extension = await ok('POST', '/extensions', { exten, context: company.internal.name });
      await ok('PUT', `/lines/${line.id}/extensions/${extension.id}`);
      company[key] = user;
    }
    company.voicemail = await ok('POST', '/voicemails', {
      name: 'Front desk',
      number: '8000',
      context: company.internal.name,
    });
    company.support = await ok('POST', '/groups', { label: 'Support' });
    await ok('PUT', `/groups/${company.support.uuid}/members/users`, {
      users: [{ uuid: company.alice.uuid }, { uuid: company.bob.uuid }],
    });
    const groupExtension = await ok('POST', '/extensions', { exten: '2000', context: company.internal.name });
    await ok('PUT', `/groups/${company.support.uuid}/extensions/${groupExtension.id}`);

    const support = await ok('GET', `/groups/${company.support.uuid}`);
    assert.deepEqual(
      (support.members as { users: { uuid: string }[] }).users.map((u) => u.uuid).sort(),
      [company.alice.uuid, company.bob.uuid].sort(),
    );
    const alice = await ok('GET', `/users/${company.alice.uuid}`);
    assert.deepEqual(ids(alice.groups), [company.support.id]);
  });

  it('when agents join a queue with an extension and a fallback to the voicemail, then queue, agents and user agree', async () => {
    company.agentBob = await ok('POST', '/agents', { number: '100', firstname: 'Bob' });
    company.agentCarol = await ok('POST', '/agents', { number: '101', firstname: 'Carol' });
    await ok('PUT', `/users/${company.bob.uuid}/agents/${company.agentBob.id}`);
    company.sales = await ok('POST', '/queues', { name: 'sales', label: 'Sales' });
    for (const agent of [company.agentBob, company.agentCarol])
      await ok('PUT', `/queues/${company.sales.id}/members/agents/${agent.id}`, { penalty: 1 });
    const queueExtension = await ok('POST', '/extensions', { exten: '3000', context: company.internal.name });
    await ok('PUT', `/queues/${company.sales.id}/extensions/${queueExtension.id}`);
    await ok('PUT', `/queues/${company.sales.id}/fallbacks`, {
      noanswer_destination: { type: 'voicemail', voicemail_id: company.voicemail.id },
    });

    const sales = await ok('GET', `/queues/${company.sales.id}`);
    const members = sales.members as { agents: { id: number; penalty: number }[] };
    assert.deepEqual(ids(members.agents).sort(), [company.agentBob.id, company.agentCarol.id].sort());
    assert.deepEqual(ids(sales.extensions), [queueExtension.id]);
    const agent = await ok('GET', `/agents/${company.agentBob.id}`);
    assert.deepEqual(ids(agent.queues), [company.sales.id]);
    const bob = await ok('GET', `/users/${company.bob.uuid}`);
    assert.equal((bob.agent as { id: number } | null)?.id, company.agentBob.id);
  });

  it('when an IVR sends its choices to the queue, the group and the voicemail, then each choice reads back named', async () => {
    company.menu = await ok('POST', '/ivr', {
      name: 'main-menu',
      menu_sound: 'company-welcome',
      choices: [
        { exten: '1', destination: { type: 'queue', queue_id: company.sales.id } },
        { exten: '2', destination: { type: 'group', group_id: company.support.id } },
        { exten: '3', destination: { type: 'voicemail', voicemail_id: company.voicemail.id } },
      ],
      timeout_destination: { type: 'hangup', cause: 'normal' },
    });
    const menu = await ok('GET', `/ivr/${company.menu.id}`);
    const choices = menu.choices as { exten: string; destination: Record<string, unknown> }[];
    assert.deepEqual(
      choices.map((c) => [c.exten, c.destination.type]),
      [
        ['1', 'queue'],
        ['2', 'group'],
        ['3', 'voicemail'],
      ],
    );
  });

  it('when a number of the provider reaches the IVR on office hours, then the incall, its schedule and the IVR show it', async () => {
    company.office = await ok('POST', '/schedules', {
      name: 'office',
      closed_destination: { type: 'voicemail', voicemail_id: company.voicemail.id },
      open_periods: [{ hours_start: '08:00', hours_end: '18:00', week_days: [1, 2, 3, 4, 5] }],
    });
    company.mainNumber = await ok('POST', '/incalls', {
      destination: { type: 'ivr', ivr_id: company.menu.id },
      description: 'main number',
    });
    const did = await ok('POST', '/extensions', { exten: '1234', context: company.incoming.name });
    await ok('PUT', `/incalls/${company.mainNumber.id}/extensions/${did.id}`);
    await ok('PUT', `/incalls/${company.mainNumber.id}/schedules/${company.office.id}`);

    const incall = await ok('GET', `/incalls/${company.mainNumber.id}`);
    assert.equal((incall.destination as { type: string; ivr_id: number }).ivr_id, company.menu.id);
    assert.deepEqual(ids(incall.extensions), [did.id]);
    assert.deepEqual(ids(incall.schedules), [company.office.id]);
    assert.deepEqual(ids((await ok('GET', `/ivr/${company.menu.id}`)).incalls), [company.mainNumber.id]);
    assert.deepEqual(ids((await ok('GET', `/schedules/${company.office.id}`)).incalls), [
      company.mainNumber.id,
    ]);
  });

  it('when a SIP trunk carries an outcall limited by a call permission, then trunk, outcall and permission show each other', async () => {
    const endpoint = await ok('POST', '/endpoints/sip', {
      name: 'provider',
      label: 'Provider',
      auth_section_options: [
        ['username', 'company-at-provider'],
        ['password', 'provider-secret'],
      ],
    });
    company.trunk = await ok('POST', '/trunks', { context: company.incoming.name });
    await ok('PUT', `/trunks/${company.trunk.id}/endpoints/sip/${endpoint.uuid}`);
    company.world = await ok('POST', '/outcalls', { name: 'world', description: 'everything but abroad' });
    await ok('PUT', `/outcalls/${company.world.id}/trunks`, { trunks: [{ id: company.trunk.id }] });
    const pattern = await ok('POST', '/extensions', { exten: '_0X.', context: company.outgoing.name });
    await ok('PUT', `/outcalls/${company.world.id}/extensions/${pattern.id}`, { strip_digits: 0 });
    company.noAbroad = await ok('POST', '/callpermissions', {
      name: 'no-abroad',
      mode: 'deny',
      extensions: ['_00.'],
    });
    await ok('PUT', `/outcalls/${company.world.id}/callpermissions/${company.noAbroad.id}`);

    const outcall = await ok('GET', `/outcalls/${company.world.id}`);
    assert.deepEqual(ids(outcall.trunks), [company.trunk.id]);
    assert.deepEqual(ids(outcall.extensions), [pattern.id]);
    assert.deepEqual(ids(outcall.call_permissions), [company.noAbroad.id]);
    assert.deepEqual(ids((await ok('GET', `/trunks/${company.trunk.id}`)).outcalls), [company.world.id]);
    assert.deepEqual(ids((await ok('GET', `/callpermissions/${company.noAbroad.id}`)).outcalls), [
      company.world.id,
    ]);
  });
});

describe('pieces of the company deleted', () => {
  it('when the queue is deleted, then the IVR choice to it no longer reaches it, the others stay, and the agents are free', async () => {
    await ok('DELETE', `/queues/${company.sales.id}`);
    const menu = await ok('GET', `/ivr/${company.menu.id}`);
    const choices = menu.choices as { exten: string; destination: { type: string } | null }[];
    assert.ok(!choices.some((c) => c.destination?.type === 'queue'), JSON.stringify(choices));
    assert.deepEqual(
      choices.filter((c) => c.destination && c.destination.type !== 'none').map((c) => c.exten),
      ['2', '3'],
    );
    assert.deepEqual((await ok('GET', `/agents/${company.agentBob.id}`)).queues, []);
  });

  it('when the IVR is deleted, then the incall that reached it sends calls nowhere', async () => {
    await ok('DELETE', `/ivr/${company.menu.id}`);
    const incall = await ok('GET', `/incalls/${company.mainNumber.id}`);
    assert.deepEqual(incall.destination, { type: 'none' });
  });

  it('when the trunk and the call permission are deleted, then the outcall keeps its pattern and loses them', async () => {
    await ok('DELETE', `/trunks/${company.trunk.id}`);
    await ok('DELETE', `/callpermissions/${company.noAbroad.id}`);
    const outcall = await ok('GET', `/outcalls/${company.world.id}`);
    assert.deepEqual(outcall.trunks, []);
    assert.deepEqual(outcall.call_permissions, []);
    assert.equal((outcall.extensions as unknown[]).length, 1);
  });

  it('when the agent of a user is deleted, then the user has no agent', async () => {
    await ok('DELETE', `/agents/${company.agentBob.id}`);
    assert.equal((await ok('GET', `/users/${company.bob.uuid}`)).agent, null);
  });

  it('when the group is deleted, then its members keep their lines and are in no group', async () => {
    await ok('DELETE', `/groups/${company.support.uuid}`);
    const alice = await ok('GET', `/users/${company.alice.uuid}`);
    assert.deepEqual(alice.groups, []);
    assert.equal((alice.lines as unknown[]).length, 1);
  });

  it("when the incall's schedule is deleted, then the incall has none; deleting the incall frees its number", async () => {
    await ok('DELETE', `/schedules/${company.office.id}`);
    assert.deepEqual((await ok('GET', `/incalls/${company.mainNumber.id}`)).schedules, []);
    await ok('DELETE', `/incalls/${company.mainNumber.id}`);
    const again = await confd('GET', `/incalls/${company.mainNumber.id}`);
    assert.equal(again.status, 404);
    const numbers = await ok<{ items: { exten: string; incall: unknown }[] }>(
      'GET',
      `/extensions?exten=1234&context=${company.incoming.name}`,
    );
    assert.equal(numbers.items.length, 1, 'the extension stays, free');
    assert.equal(numbers.items[0]?.incall, null);
  });
});
