/** `wazo user import` and `wazo user export` against a real wazo-confd and wazo-auth. */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { postToken } from '@wazo-ts/auth/testing';
import { adminApi } from './testing/admin-api.js';
import { type CliRunner, loggedInCli } from './testing/run-cli.js';
import { type Stack, startStack } from './testing/stack.js';

const TIMEOUT = { timeout: 120_000 };
const SUITE = { timeout: 900_000 };

describe('wazo user import and export', SUITE, () => {
  let stack: Stack;
  let cli: CliRunner;
  let context: string;

  before(async () => {
    stack = await startStack();
    cli = await loggedInCli(stack);
    const token = (await postToken(stack.auth.api, stack.admin.username, stack.admin.password)).token;
    const confd = adminApi(stack.confdApi, token);
    const range = { user_ranges: [{ start: '1000', end: '1999' }] };
    context = ((await confd('POST', '/contexts', { label: 'internal', ...range })) as { name: string }).name;
  }, TIMEOUT);
  after(() => stack?.stop());

  it(
    'when a CSV is imported, then a table of the rows made; a bad row names its number',
    TIMEOUT,
    async () => {
      const csv = `firstname,username,line_protocol,context,exten\nAlice,cli-alice,sip,${context},1001\nBob,,,,\n`;
      const table = await cli.ok(['user', 'import', '-'], { stdin: csv });
      assert.match(table, /ROW_NUMBER\s+USER_ID\s+USER_UUID\s+LINE_ID\s+EXTENSION_ID\s+VOICEMAIL_ID/);
      assert.equal(table.trim().split('\n').length, 3, table);
      const bad = await cli.run(['user', 'import', '-'], {
        stdin: 'firstname,ring_seconds\nCarol,10\nDan,ten\n',
      });
      assert.equal(bad.code, 1);
      assert.match(bad.stderr, /row 2: Input Error - field 'ring_seconds': wrong type/);
    },
  );

  it("when exported, then Wazo's CSV on standard output with the logins", TIMEOUT, async () => {
    const csv = await cli.ok(['user', 'export']);
    assert.match(csv, /^uuid,subscription_type,firstname,/);
    assert.match(csv, new RegExp(`,Alice,.*,sip,\\d{6},${context},.*,1001,.*,cli-alice\n`));
    assert.doesNotMatch(csv, /Carol|\\u000d/);
    const file = join(cli.configHome, 'users.csv');
    await cli.ok(['user', 'export', '--file', file]);
    assert.match(await readFile(file, 'utf8'), /,cli-alice\r\n/);
  });
});
