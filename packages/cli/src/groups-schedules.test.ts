/** `wazo group`, `wazo group member` and `wazo schedule` against a real wazo-confd. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { postToken } from '@wazo-ts/auth/testing';
import { adminApi } from './testing/admin-api.js';
import { type CliRunner, loggedInCli } from './testing/run-cli.js';
import { type Stack, startStack } from './testing/stack.js';

const TIMEOUT = { timeout: 120_000 };
const SUITE = { timeout: 900_000 };

interface Member {
  uuid: string;
  priority: number;
}

describe('wazo group, member and schedule', SUITE, () => {
  let stack: Stack;
  let cli: CliRunner;
  const users: { id: number; uuid: string }[] = [];

  /** Users with a line each: confd only takes users with a line as group members. */
  async function usersWithLines(count: number) {
    const token = (await postToken(stack.auth.api, stack.admin.username, stack.admin.password)).token;
    const confd = adminApi(stack.confdApi, token);
    const context = (await confd('POST', '/contexts', { label: 'internal' })) as { name: string };
    for (let i = 0; i < count; i++) {
      const user = (await confd('POST', '/users', { firstname: `Member${i}` })) as {
        id: number;
        uuid: string;
      };
      const line = (await confd('POST', '/lines', {
        context: context.name,
        endpoint_custom: { interface: `custom/m${i}` },
      })) as { id: number };
      await confd('PUT', `/users/${user.uuid}/lines/${line.id}`);
      users.push(user);
    }
  }

  before(async () => {
    stack = await startStack();
    cli = await loggedInCli(stack);
    await usersWithLines(3);
  }, TIMEOUT);
  after(() => stack?.stop());

  it('when managing a group and its members, then every command works', TIMEOUT, async () => {
    const group = await cli.json<{ id: number; uuid: string; label: string }>([
      'group',
      'create',
      '--label',
      'support',
      '--ring-strategy',
      'linear',
    ]);
    assert.match(
      await cli.ok(['group', 'list']),
      new RegExp(`${group.id}\\s+${group.uuid}\\s+support\\s+linear`),
    );
    const [a, b, c] = users as [(typeof users)[0], (typeof users)[0], (typeof users)[0]];
    let members = await cli.json<Member[]>(['group', 'member', 'set', group.uuid, a.uuid, String(b.id)]);
    assert.deepEqual(
      members.map((m) => [m.uuid, m.priority]),
      [
        [a.uuid, 0],
        [b.uuid, 1],
      ],
    );
    members = await cli.json<Member[]>(['group', 'member', 'add', String(group.id), c.uuid]);
    assert.deepEqual(
      members.map((m) => m.uuid),
      [a.uuid, b.uuid, c.uuid],
    );
    members = await cli.json<Member[]>(['group', 'member', 'remove', group.uuid, a.uuid]);
    assert.deepEqual(
      members.map((m) => [m.uuid, m.priority]),
      [
        [b.uuid, 1],
        [c.uuid, 2],
      ],
    );
    assert.match(
      await cli.ok(['group', 'member', 'list', group.uuid]),
      new RegExp(`^UUID\\s+FIRSTNAME\\s+LASTNAME\\s+PRIORITY\\n${b.uuid}\\s+Member1`),
    );
    const edited = await cli.json<{ label: string; timeout: number }>([
      'group',
      'edit',
      group.uuid,
      '--timeout',
      '30',
    ]);
    assert.deepEqual([edited.label, edited.timeout], ['support', 30]);
    assert.match(await cli.ok(['group', 'member', 'set', group.uuid]), /has no members/);
    await cli.ok(['group', 'delete', group.uuid]);
    assert.match(
      (await cli.run(['group', 'show', group.uuid])).stderr,
      /not found: Resource Not Found - Group was not found/,
    );
  });

  it("when adding a user without a line, then confd's message is shown", TIMEOUT, async () => {
    const group = await cli.json<{ uuid: string }>(['group', 'create', '--label', 'sales']);
    const lonely = await cli.json<{ uuid: string }>(['user', 'create', '--firstname', 'Lonely']);
    const result = await cli.run(['group', 'member', 'add', group.uuid, lonely.uuid]);
    assert.equal(result.code, 1);
    assert.match(
      result.stderr,
      /^wazo: invalid request: Resource Error - User must be associated with a Line/,
    );
  });

  it('when managing a schedule, then open periods come from flags or a JSON body', TIMEOUT, async () => {
    const schedule = await cli.json<{ id: number; open_periods: unknown[]; closed_destination: unknown }>([
      'schedule',
      'create',
      '--name',
      'office',
      '--timezone',
      'Europe/Paris',
      '--open',
      'mon-fri 08:00-12:00',
      '--open',
      'sat 09:00-11:00 months=6-8',
    ]);
    assert.deepEqual(schedule.closed_destination, { type: 'none' });
    assert.equal(schedule.open_periods.length, 2);
    assert.match(
      await cli.ok(['schedule', 'list']),
      new RegExp(
        `${schedule.id}\\s+office\\s+Europe/Paris\\s+true\\s+mon-fri 08:00-12:00; sat 09:00-11:00 months=6-8`,
      ),
    );
    const { mkdtemp, writeFile } = await import('node:fs/promises');
    const file = `${await mkdtemp('/tmp/wazo-cli-body-')}/body.json`;
    await writeFile(
      file,
      JSON.stringify({ open_periods: [{ hours_start: '10:00', hours_end: '16:00', week_days: [1, 3] }] }),
    );
    const edited = await cli.json<{
      name: string;
      open_periods: { hours_start: string; week_days: number[] }[];
    }>(['schedule', 'edit', String(schedule.id), '--json-body', file]);
    assert.equal(edited.name, 'office');
    assert.deepEqual(
      edited.open_periods.map((p) => [p.hours_start, p.week_days]),
      [['10:00', [1, 3]]],
    );
    const bad = await cli.run(['schedule', 'edit', String(schedule.id), '--open', 'mon 25:00-26:00']);
    assert.equal(bad.code, 1);
    assert.match(bad.stderr, /^wazo: invalid request: .*hours_start/);
    const usage = await cli.run(['schedule', 'create', '--open', 'weekdays']);
    assert.equal(usage.code, 2);
    await cli.ok(['schedule', 'delete', String(schedule.id)]);
  });
});
