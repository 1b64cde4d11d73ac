/** `wazo agent` and `wazo queue` with its members against a real wazo-confd. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type CliRunner, loggedInCli } from './testing/run-cli.js';
import { type Stack, startStack } from './testing/stack.js';

const TIMEOUT = { timeout: 120_000 };
const SUITE = { timeout: 900_000 };

describe('wazo agent and wazo queue', SUITE, () => {
  let stack: Stack;
  let cli: CliRunner;

  before(async () => {
    stack = await startStack();
    cli = await loggedInCli(stack);
  }, TIMEOUT);
  after(() => stack?.stop());

  it(
    'when an agent and a queue are made, joined, edited and deleted, then every command works',
    TIMEOUT,
    async () => {
      const agent = await cli.json<{ id: number; number: string }>([
        'agent',
        'create',
        '--number',
        '4242',
        '--firstname',
        'Cli',
      ]);
      assert.equal(agent.number, '4242');
      const queue = await cli.json<{ id: number; enabled: boolean; ignore_forward: boolean }>([
        'queue',
        'create',
        '--name',
        'cli-queue',
        '--label',
        'Cli queue',
      ]);
      assert.deepEqual([queue.enabled, queue.ignore_forward], [true, true]);
      const id = String(queue.id);
      const members = await cli.json<{ kind: string; id: number; penalty: number }[]>([
        'queue',
        'member',
        'add',
        id,
        '--agent',
        String(agent.id),
        '--penalty',
        '2',
      ]);
      assert.deepEqual(
        members.map((m) => [m.kind, m.id, m.penalty]),
        [['agent', agent.id, 2]],
      );
      assert.match(await cli.ok(['queue', 'list']), /cli-queue\s+Cli queue\s+true\s+1\s+0/);
      assert.match(await cli.ok(['agent', 'list']), /4242\s+Cli\s+\S*\s*1/);
      await cli.ok(['queue', 'edit', id, '--enabled', 'false', '--timeout', '30']);
      const shown = await cli.json<{ enabled: boolean; timeout: number }>(['queue', 'show', id]);
      assert.deepEqual([shown.enabled, shown.timeout], [false, 30]);
      await cli.ok(['agent', 'edit', String(agent.id), '--lastname', 'Agent']);
      assert.equal(
        (await cli.json<{ lastname: string }>(['agent', 'show', String(agent.id)])).lastname,
        'Agent',
      );
      assert.match(
        await cli.ok(['queue', 'member', 'remove', id, '--agent', String(agent.id)]),
        /has no members/,
      );
      await cli.ok(['queue', 'delete', id]);
      await cli.ok(['agent', 'delete', String(agent.id)]);
      assert.doesNotMatch(await cli.ok(['queue', 'list']), /cli-queue/);
      assert.doesNotMatch(await cli.ok(['agent', 'list']), /4242/);
    },
  );
});
