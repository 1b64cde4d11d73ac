/** `wazo incall` and its extension against a real wazo-confd. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { postToken } from '@wazo-ts/auth/testing';
import { adminApi } from './testing/admin-api.js';
import { type CliRunner, loggedInCli } from './testing/run-cli.js';
import { type Stack, startStack } from './testing/stack.js';

const TIMEOUT = { timeout: 120_000 };
const SUITE = { timeout: 900_000 };

describe('wazo incall', SUITE, () => {
  let stack: Stack;
  let cli: CliRunner;

  before(async () => {
    stack = await startStack();
    cli = await loggedInCli(stack);
  }, TIMEOUT);
  after(() => stack?.stop());

  it('when an incall is made, numbered, edited and deleted, then every command works', TIMEOUT, async () => {
    const token = (await postToken(stack.auth.api, stack.admin.username, stack.admin.password)).token;
    const confd = adminApi(stack.confdApi, token);
    const context = (await confd('POST', '/contexts', { label: 'from-extern', type: 'incall' })) as {
      name: string;
    };
    const extension = (await confd('POST', '/extensions', { exten: '5551234', context: context.name })) as {
      id: number;
    };
    const user = await cli.json<{ id: number }>(['user', 'create', '--firstname', 'Callee']);
    const incall = await cli.json<{ id: number; destination: Record<string, unknown> }>([
      'incall',
      'create',
      '--destination',
      `user user_id=${user.id}`,
      '--description',
      'cli-did',
    ]);
    assert.deepEqual(
      [incall.destination.type, incall.destination.user_id, incall.destination.user_firstname],
      ['user', user.id, 'Callee'],
    );
    const id = String(incall.id);
    assert.match(await cli.ok(['incall', 'extension', 'add', id, String(extension.id)]), /is the number of/);
    assert.match(
      await cli.ok(['incall', 'list']),
      new RegExp(`5551234@${context.name}\\s+user user_id=${user.id}`),
    );
    await cli.ok([
      'incall',
      'edit',
      id,
      '--destination',
      '{"type": "hangup", "cause": "busy"}',
      '--caller-id-mode',
      'prepend',
    ]);
    const shown = await cli.json<{ caller_id_mode: string; destination: unknown }>(['incall', 'show', id]);
    assert.deepEqual(
      [shown.caller_id_mode, shown.destination],
      ['prepend', { type: 'hangup', cause: 'busy' }],
    );
    const listed = await cli.json<{ id: number }[]>(['incall', 'list', '--exten', '5551234']);
    assert.deepEqual(
      listed.map((i) => i.id),
      [incall.id],
    );
    await cli.ok(['incall', 'extension', 'remove', id, String(extension.id)]);
    assert.deepEqual((await cli.json<{ extensions: unknown[] }>(['incall', 'show', id])).extensions, []);
    await cli.ok(['incall', 'delete', id]);
    assert.doesNotMatch(await cli.ok(['incall', 'list']), /cli-did/);
  });
});
