/** `wazo --version` and `--help` as a new user types them: no server needed. */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { before, describe, it } from 'node:test';
import { type CliRunner, createCliRunner } from './testing/run-cli.js';

describe('wazo version and help', () => {
  let cli: CliRunner;
  before(async () => {
    cli = await createCliRunner();
  });

  it("when --version is asked, then it prints the CLI package's version and exits 0", async () => {
    const { version } = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8')) as {
      version: string;
    };
    const result = await cli.run(['--version']);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stdout.trim(), version);
  });

  it('when --help is asked, then the usage lists the services and exits 0', async () => {
    const result = await cli.run(['--help']);
    assert.equal(result.code, 0, result.stderr);
    for (const flag of ['--webhookd-url', '--dird-url', '--chatd-url'])
      assert.match(result.stdout, new RegExp(flag));
  });

  it('when an option is unknown, then it is a usage error: exit 2', async () => {
    const result = await cli.run(['--bogus']);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /--bogus/);
  });
});
