/** `wazo endpoint sip|template|transport|custom|sccp` and `wazo line` against a real wazo-confd. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { postToken } from '@wazo-ts/auth/testing';
import { adminApi } from './testing/admin-api.js';
import { type CliRunner, loggedInCli } from './testing/run-cli.js';
import { type Stack, startStack } from './testing/stack.js';

const TIMEOUT = { timeout: 120_000 };
const SUITE = { timeout: 900_000 };

describe('wazo endpoint and line', SUITE, () => {
  let stack: Stack;
  let cli: CliRunner;
  let context: string;

  before(async () => {
    stack = await startStack();
    cli = await loggedInCli(stack);
    const token = (await postToken(stack.auth.api, stack.admin.username, stack.admin.password)).token;
    const confd = adminApi(stack.confdApi, token);
    context = ((await confd('POST', '/contexts', { label: 'internal' })) as { name: string }).name;
  }, TIMEOUT);
  after(() => stack?.stop());

  it(
    'when managing transports, templates, SIP endpoints and lines, then every command works',
    TIMEOUT,
    async () => {
      const transport = await cli.json<{ uuid: string }>([
        'endpoint',
        'transport',
        'create',
        '--name',
        'cli-udp',
      ]);
      const template = await cli.json<{ uuid: string }>([
        'endpoint',
        'template',
        'create',
        '--label',
        'cli-tpl',
      ]);
      const sip = await cli.json<{ uuid: string; name: string }>([
        'endpoint',
        'sip',
        'create',
        '--name',
        'cli-sip',
        '--label',
        'desk',
      ]);
      assert.match(await cli.ok(['endpoint', 'sip', 'list']), /cli-sip\s+desk/);
      assert.match(await cli.ok(['endpoint', 'template', 'list']), /cli-tpl/);
      assert.match(await cli.ok(['endpoint', 'transport', 'list']), /cli-udp/);
      await cli.ok(['endpoint', 'sip', 'edit', sip.uuid, '--label', 'phone']);
      assert.equal((await cli.json<{ label: string }>(['endpoint', 'sip', 'show', sip.uuid])).label, 'phone');

      const line = await cli.json<{ id: number; protocol: string | null }>([
        'line',
        'create',
        '--context',
        context,
        '--position',
        '2',
      ]);
      assert.equal(line.protocol, null);
      await cli.ok(['line', 'edit', String(line.id), '--registrar', 'other']);
      assert.match(await cli.ok(['line', 'list']), new RegExp(`${line.id}\\s`));
      await cli.ok(['line', 'delete', String(line.id)]);
      await cli.ok(['endpoint', 'sip', 'delete', sip.uuid]);
      await cli.ok(['endpoint', 'template', 'delete', template.uuid]);
      await cli.ok(['endpoint', 'transport', 'delete', transport.uuid]);
      assert.doesNotMatch(await cli.ok(['endpoint', 'sip', 'list']), /cli-sip/);
    },
  );

  it('when managing custom and SCCP endpoints, then every command works', TIMEOUT, async () => {
    const custom = await cli.json<{ id: number; enabled: boolean }>([
      'endpoint',
      'custom',
      'create',
      '--interface',
      'dahdi/cli',
      '--enabled',
      'false',
    ]);
    assert.equal(custom.enabled, false);
    assert.match(await cli.ok(['endpoint', 'custom', 'list']), /dahdi\/cli/);
    await cli.ok(['endpoint', 'custom', 'edit', String(custom.id), '--interface-suffix', 'sfx']);
    const shown = await cli.json<{ interface_suffix: string }>([
      'endpoint',
      'custom',
      'show',
      String(custom.id),
    ]);
    assert.equal(shown.interface_suffix, 'sfx');

    const sccp = await cli.json<{ id: number; options: string[][] }>([
      'endpoint',
      'sccp',
      'create',
      '--option',
      'cid_name=Desk',
      '--option',
      'allow=alaw',
    ]);
    assert.deepEqual(sccp.options, [
      ['cid_name', 'Desk'],
      ['allow', 'alaw'],
    ]);
    assert.match(await cli.ok(['endpoint', 'sccp', 'list']), /cid_name=Desk allow=alaw/);
    await cli.ok(['endpoint', 'sccp', 'edit', String(sccp.id), '--option', 'disallow=all']);
    const edited = await cli.json<{ options: string[][] }>(['endpoint', 'sccp', 'show', String(sccp.id)]);
    assert.deepEqual(edited.options, [
      ['cid_name', 'Desk'],
      ['disallow', 'all'],
    ]);
    await cli.ok(['endpoint', 'sccp', 'delete', String(sccp.id)]);
    await cli.ok(['endpoint', 'custom', 'delete', String(custom.id)]);
    assert.doesNotMatch(await cli.ok(['endpoint', 'custom', 'list']), /dahdi\/cli/);
  });
});
