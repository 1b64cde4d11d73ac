/** `wazo trunk` and `wazo outcall` with their associations against a real wazo-confd. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type CliRunner, loggedInCli } from './testing/run-cli.js';
import { type Stack, startStack } from './testing/stack.js';

const TIMEOUT = { timeout: 120_000 };
const SUITE = { timeout: 900_000 };

describe('wazo trunk and outcall', SUITE, () => {
  let stack: Stack;
  let cli: CliRunner;

  before(async () => {
    stack = await startStack();
    cli = await loggedInCli(stack);
  }, TIMEOUT);
  after(() => stack?.stop());

  /** What the CLI has no command for (contexts, extensions), straight through confd's API. */
  async function confd(path: string, body: object): Promise<{ id: number; name: string }> {
    const token = await stack.auth.tokenFor(['confd.#']);
    const res = await fetch(`${stack.confdApi}${path}`, {
      method: 'POST',
      headers: { 'x-auth-token': token, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    assert.equal(res.status, 201, await res.clone().text());
    return (await res.json()) as { id: number; name: string };
  }

  it(
    'when a trunk is made, given an endpoint, edited and deleted, then every command works',
    TIMEOUT,
    async () => {
      const trunk = await cli.json<{ id: number; outgoing_caller_id_format: string }>([
        'trunk',
        'create',
        '--outgoing-caller-id-format',
        'national',
      ]);
      assert.equal(trunk.outgoing_caller_id_format, 'national');
      const custom = await cli.json<{ id: number }>([
        'endpoint',
        'custom',
        'create',
        '--interface',
        'dahdi/cli',
      ]);
      const id = String(trunk.id);
      const shown = await cli.json<{ endpoint_custom: { id: number } }>([
        'trunk',
        'endpoint',
        'set',
        id,
        'custom',
        String(custom.id),
      ]);
      assert.equal(shown.endpoint_custom.id, custom.id);
      assert.match(await cli.ok(['trunk', 'list']), new RegExp(`${id}\\s+custom\\s+dahdi/cli`));
      await cli.ok(['trunk', 'edit', id, '--twilio-incoming', 'true']);
      assert.equal(
        (await cli.json<{ twilio_incoming: boolean }>(['trunk', 'show', id])).twilio_incoming,
        true,
      );
      const unset = await cli.json<{ endpoint_custom: null }>([
        'trunk',
        'endpoint',
        'unset',
        id,
        'custom',
        String(custom.id),
      ]);
      assert.equal(unset.endpoint_custom, null);
      await cli.ok(['trunk', 'delete', id]);
      assert.doesNotMatch(await cli.ok(['trunk', 'list']), new RegExp(`^${id}\\s`, 'm'));
    },
  );

  it(
    'when an outcall is made, given trunks and an extension, edited and deleted, then every command works',
    TIMEOUT,
    async () => {
      const first = await cli.json<{ id: number }>(['trunk', 'create']);
      const second = await cli.json<{ id: number }>(['trunk', 'create']);
      const outcall = await cli.json<{ id: number; enabled: boolean }>([
        'outcall',
        'create',
        '--name',
        'cli-out',
      ]);
      assert.equal(outcall.enabled, true);
      const id = String(outcall.id);
      const trunks = await cli.json<{ id: number }[]>([
        'outcall',
        'trunks',
        'set',
        id,
        String(second.id),
        String(first.id),
      ]);
      assert.deepEqual(
        trunks.map((t) => t.id),
        [second.id, first.id],
      );
      const context = await confd('/contexts', { label: 'cli-outcall', type: 'outcall' });
      const extension = await confd('/extensions', { exten: '_0.', context: context.name });
      const extensions = await cli.json<{ id: number; prefix: string; strip_digits: number }[]>([
        'outcall',
        'extension',
        'add',
        id,
        String(extension.id),
        '--prefix',
        '00',
        '--strip-digits',
        '1',
      ]);
      assert.deepEqual(
        extensions.map((e) => [e.id, e.prefix, e.strip_digits]),
        [[extension.id, '00', 1]],
      );
      assert.match(
        await cli.ok(['outcall', 'list']),
        new RegExp(`cli-out\\s+true\\s+${second.id},${first.id}\\s+_0\\.`),
      );
      await cli.ok(['outcall', 'edit', id, '--ring-time', '30', '--enabled', 'false']);
      const shown = await cli.json<{ ring_time: number; enabled: boolean }>(['outcall', 'show', id]);
      assert.deepEqual([shown.ring_time, shown.enabled], [30, false]);
      assert.match(
        await cli.ok(['outcall', 'extension', 'remove', id, String(extension.id)]),
        /has no extensions/,
      );
      assert.match(await cli.ok(['outcall', 'trunks', 'set', id]), /has no trunks/);
      await cli.ok(['outcall', 'delete', id]);
      assert.doesNotMatch(await cli.ok(['outcall', 'list']), /cli-out/);
    },
  );
});
