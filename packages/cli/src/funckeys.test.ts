/** `wazo funckey` against a real wazo-confd: templates, keys of a template and of a user, association. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { parseDestination } from './commands/funckeys.js';
import { type CliRunner, loggedInCli } from './testing/run-cli.js';
import { type Stack, startStack } from './testing/stack.js';

const TIMEOUT = { timeout: 120_000 };
const SUITE = { timeout: 900_000 };

interface Key {
  label: string | null;
  blf: boolean;
  inherited: boolean;
  destination: Record<string, unknown>;
}

describe('wazo funckey destinations', () => {
  it('when parameters are given as name=value, then ids are numbers and extens stay text', () => {
    assert.deepEqual(parseDestination('user', ['user_id=7']), { type: 'user', user_id: 7 });
    assert.deepEqual(parseDestination('custom', ['exten=0123']), { type: 'custom', exten: '0123' });
    assert.throws(() => parseDestination('user', ['7']), /name=value/);
  });
});

describe('wazo funckey', SUITE, () => {
  let stack: Stack;
  let cli: CliRunner;

  before(async () => {
    stack = await startStack();
    cli = await loggedInCli(stack);
  }, TIMEOUT);
  after(() => stack?.stop());

  it(
    "when managing templates, keys and a user's association, then every command works",
    TIMEOUT,
    async () => {
      assert.match(
        await cli.ok(['funckey', 'destinations']),
        /forward\s+forward=busy\|noanswer\|unconditional exten/,
      );
      const user = await cli.json<{ id: number; uuid: string }>(['user', 'create', '--firstname', 'Ann']);
      const template = await cli.json<{ id: number; name: string }>([
        'funckey',
        'template',
        'create',
        '--name',
        'desk',
      ]);
      const key = await cli.json<Key>([
        'funckey',
        'set',
        '--template',
        String(template.id),
        '1',
        'user',
        `user_id=${user.id}`,
        '--label',
        'Ann',
      ]);
      assert.deepEqual([key.label, key.blf, key.destination.user_id], ['Ann', true, user.id]);
      // The edit keeps the keys it is not told about (confd's PUT replaces them all).
      const renamed = await cli.json<{ name: string; keys: object }>([
        'funckey',
        'template',
        'edit',
        String(template.id),
        '--name',
        'front desk',
      ]);
      assert.deepEqual([renamed.name, Object.keys(renamed.keys)], ['front desk', ['1']]);
      await cli.ok(['funckey', 'set', '--user', user.uuid, '2', 'custom', 'exten=*99', '--no-blf']);
      await cli.ok(['funckey', 'associate', user.uuid, String(template.id)]);
      const listed = await cli.ok(['funckey', 'list', '--user', String(user.id)]);
      assert.match(listed, /^1\s+Ann\s+true\s+true\s+user user_id=/m);
      assert.match(listed, /^2\s+false\s+false\s+custom exten=\*99/m);
      assert.match(
        await cli.ok(['funckey', 'template', 'users', String(template.id)]),
        new RegExp(`${user.id}`),
      );
      await cli.ok(['funckey', 'dissociate', user.uuid, String(template.id)]);
      await cli.ok(['funckey', 'remove', '--user', user.uuid, '2']);
      assert.match(await cli.ok(['funckey', 'list', '--user', user.uuid]), /^POSITION/);
      const both = await cli.run(['funckey', 'list', '--user', user.uuid, '--template', '1']);
      assert.deepEqual([both.code, both.stderr], [2, 'wazo: give one of --user or --template\n']);
      await cli.ok(['funckey', 'template', 'delete', String(template.id)]);
    },
  );
});
