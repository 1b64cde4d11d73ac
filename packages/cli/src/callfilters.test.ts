/** `wazo callfilter` and its recipients and surrogates against a real wazo-confd. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type CliRunner, loggedInCli } from './testing/run-cli.js';
import { type Stack, startStack } from './testing/stack.js';

const TIMEOUT = { timeout: 120_000 };
const SUITE = { timeout: 900_000 };

describe('wazo callfilter', SUITE, () => {
  let stack: Stack;
  let cli: CliRunner;

  before(async () => {
    stack = await startStack();
    cli = await loggedInCli(stack);
  }, TIMEOUT);
  after(() => stack?.stop());

  it('when a filter is made, staffed, edited and deleted, then every command works', TIMEOUT, async () => {
    const filter = await cli.json<{ id: number; enabled: boolean }>([
      'callfilter',
      'create',
      '--name',
      'cli-boss',
      '--strategy',
      'all',
      '--source',
      'external',
    ]);
    assert.equal(filter.enabled, true);
    const boss = await cli.json<{ id: number; uuid: string }>(['user', 'create', '--firstname', 'Boss']);
    const secretary = await cli.json<{ uuid: string }>(['user', 'create', '--firstname', 'Sec']);
    const id = String(filter.id);
    const recipients = await cli.json<{ uuid: string; timeout: number }[]>([
      'callfilter',
      'recipient',
      'set',
      id,
      String(boss.id),
      '--timeout',
      '15',
    ]);
    assert.deepEqual(
      recipients.map((r) => [r.uuid, r.timeout]),
      [[boss.uuid, 15]],
    );
    const surrogates = await cli.json<{ uuid: string; member_id: number; exten: string }[]>([
      'callfilter',
      'surrogate',
      'set',
      id,
      secretary.uuid,
    ]);
    assert.equal(surrogates[0]?.exten, `*37${surrogates[0]?.member_id}`);
    assert.match(await cli.ok(['callfilter', 'list']), /cli-boss\s+all\s+external\s+true\s+1\s+1/);
    await cli.ok(['callfilter', 'edit', id, '--enabled', 'false', '--surrogates-timeout', '20']);
    const shown = await cli.json<{ enabled: boolean; surrogates_timeout: number }>([
      'callfilter',
      'show',
      id,
    ]);
    assert.deepEqual([shown.enabled, shown.surrogates_timeout], [false, 20]);
    assert.match(await cli.ok(['callfilter', 'surrogate', 'set', id]), /has no surrogates/);
    await cli.ok(['callfilter', 'delete', id]);
    assert.doesNotMatch(await cli.ok(['callfilter', 'list']), /cli-boss/);
  });
});
