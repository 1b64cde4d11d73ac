/**
 * The daemons' npm commands work from a checkout right after `npm ci` (no build): help, a bad
 * config, and a real start and stop of wazo-confd on a real PostgreSQL database. The launcher
 * also runs a package's compiled dist/ when its sources are absent (an installed package, an image).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { call } from '@wazo-ts/daemon/testing';
import { createTestDatabase, type TestDatabase } from '@wazo-ts/db/testing';
import { stringify } from 'yaml';
import { REPO_ROOT, runCommand, startCommand } from './support/commands.js';

const COMMANDS = ['wazo-auth', 'wazo-confd', 'wazo-websocketd', 'wazo-webhookd', 'wazo-dird', 'wazo-chatd'];

describe('daemon commands from the checkout', () => {
  let dir: string;
  let database: TestDatabase;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'wazo-commands-'));
    database = await createTestDatabase({ prefix: 'wazo_confd_cmd' });
  });
  after(async () => {
    await database?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('when `npx wazo-confd --help` runs in the checkout, then it prints the usage and exits 0', () => {
    const result = spawnSync('npx', ['--no-install', 'wazo-confd', '--help'], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
    });
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /Usage: wazo-confd/);
    assert.match(result.stdout, /-c, --config-file <file>/);
  });

  for (const name of COMMANDS)
    it(`when ${name} --help runs, then it names itself and exits 0`, async () => {
      const result = await runCommand(name, ['--help']);
      assert.equal(result.code, 0, result.stderr);
      assert.match(result.stdout, new RegExp(`Usage: ${name} `));
    });

  it('when wazo-auth-bootstrap runs without an action, then it prints its usage and exits 2', async () => {
    const result = await runCommand('wazo-auth-bootstrap', []);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /usage: wazo-auth-bootstrap/);
  });

  it('when wazo-auth-bootstrap --help runs, then it describes its actions and options on stdout and exits 0', async () => {
    const result = await runCommand('wazo-auth-bootstrap', ['--help']);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /usage: wazo-auth-bootstrap/);
    assert.match(result.stdout, /service-accounts/);
    assert.match(result.stdout, /--policy-slug/);
  });

  it('when wazo-auth-bootstrap gets an unknown option, then it says which and exits 2', async () => {
    const result = await runCommand('wazo-auth-bootstrap', ['complete', '--bogus']);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /--bogus/);
  });

  for (const name of COMMANDS)
    it(`when ${name} gets an unknown option, then it is a usage error: exit 2 with a hint`, async () => {
      const result = await runCommand(name, ['--bogus']);
      assert.equal(result.code, 2, result.stderr);
      assert.match(result.stderr, /--bogus/);
      assert.match(result.stderr, new RegExp(`Try '${name} --help'`));
    });

  for (const name of COMMANDS)
    it(`when ${name} --version runs, then it prints its package's version`, async () => {
      const result = await runCommand(name, ['--version']);
      assert.equal(result.code, 0, result.stderr);
      const pkg = JSON.parse(
        readFileSync(join(REPO_ROOT, 'daemons', name.replace('wazo-', ''), 'package.json'), 'utf8'),
      ) as { version: string };
      assert.equal(result.stdout.trim(), pkg.version);
    });

  it('when the config file holds a bad value, then the command exits 1 naming the file and key', async () => {
    const file = join(dir, 'bad.yml');
    writeFileSync(file, 'rest_api:\n  port: eighty\n');
    const result = await runCommand('wazo-confd', ['-c', file]);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /bad\.yml:2:\d+: rest_api\.port/);
  });

  it('when wazo-confd starts with -c on a real database, then it serves its API on its own database and SIGTERM stops it with 0', async () => {
    const { host, port, user, database: name } = database.config;
    const file = join(dir, 'confd.yml');
    writeFileSync(
      file,
      stringify({
        db_uri: `postgresql://${user}@${host}:${port}/${name}`,
        user: null,
        allow_root: true,
        log_filename: join(dir, 'wazo-confd.log'),
        extra_config_files: join(dir, 'conf.d'),
        bus: { transport: 'memory' },
        auth: { key_file: null },
        rest_api: { listen: '127.0.0.1', port: 0 },
        tenant_sync_interval: 0,
      }),
    );
    const confd = await startCommand('wazo-confd', ['-c', file]);
    try {
      const spec = await call(`${confd.url}/1.1/api/api.yml`);
      assert.equal(spec.status, 200);
      assert.match(spec.text, /\/users/);
      // Without a service key, confd (which requires its own token) reports itself unhealthy.
      assert.equal((await call(`${confd.url}/1.1/status`, { method: 'HEAD' })).status, 503);
      // The migrations ran: the Service API tables exist in the daemon's own database.
      const { rows } = await database.pool.query("SELECT to_regclass('public.users') AS t");
      assert.ok(rows[0].t, 'users table');
    } finally {
      assert.equal(await confd.stop('SIGTERM'), 0, confd.output());
    }
    assert.match(readFileSync(join(dir, 'wazo-confd.log'), 'utf8'), /ready on/);
  });
});

describe('the command launcher outside a checkout', () => {
  let root: string;

  before(() => {
    root = mkdtempSync(join(tmpdir(), 'wazo-launcher-'));
    mkdirSync(join(root, 'bin'));
    mkdirSync(join(root, 'dist'));
    mkdirSync(join(root, 'node_modules/@wazo-ts'), { recursive: true });
    symlinkSync(join(REPO_ROOT, 'packages/launcher'), join(root, 'node_modules/@wazo-ts/launcher'));
    writeFileSync(join(root, 'package.json'), '{"type": "module"}\n');
    writeFileSync(
      join(root, 'bin/wazo-probe.js'),
      "import { launch } from '@wazo-ts/launcher';\nawait launch(import.meta.url, 'main');\n",
    );
    writeFileSync(
      join(root, 'dist/main.js'),
      'process.stdout.write(["dist", ...process.argv.slice(2)].join(" ") + "\\n");\nprocess.exitCode = 3;\n',
    );
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('when a package has only dist/, then the command runs dist/ with its arguments and exit code', () => {
    const result = spawnSync(process.execPath, [join(root, 'bin/wazo-probe.js'), '-c', 'x.yml'], {
      encoding: 'utf8',
    });
    assert.equal(result.stdout, 'dist -c x.yml\n', result.stderr);
    assert.equal(result.status, 3);
  });

  it('when a package declares a command, then its bin file runs through the one shared launcher', () => {
    for (const folder of [
      'daemons/auth',
      'daemons/confd',
      'daemons/websocketd',
      'packages/dao',
      'packages/cli',
    ]) {
      const manifest = JSON.parse(readFileSync(join(REPO_ROOT, folder, 'package.json'), 'utf8')) as {
        bin: Record<string, string>;
        dependencies: Record<string, string>;
      };
      assert.ok(manifest.dependencies['@wazo-ts/launcher'], folder);
      for (const file of Object.values(manifest.bin)) {
        const text = readFileSync(join(REPO_ROOT, folder, file), 'utf8');
        assert.match(text, /^#!\/usr\/bin\/env node\n/, `${folder}/${file}`);
        assert.match(text, /from '@wazo-ts\/launcher'/, `${folder}/${file}`);
      }
    }
  });
});
