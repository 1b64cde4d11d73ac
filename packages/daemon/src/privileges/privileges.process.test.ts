/**
 * End-to-end: a real child process binds a privileged port as root, drops to `nobody`, and must
 * still serve on that port while being unable to become root again. Needs root, which is what
 * production daemons start as; skipped (with the reason) elsewhere.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import net from 'node:net';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { resolveUser } from './index.js';

const here = dirname(fileURLToPath(import.meta.url));
const fixture = join(here, 'fixtures', 'drop-and-serve.ts');
const isRoot = process.geteuid?.() === 0;
const skip = isRoot ? false : 'needs root: these tests really drop privileges in a child process';

function runFixture(options: Record<string, unknown>) {
  const child = spawn(
    process.execPath,
    ['--conditions=wazo-ts-source', '--import', 'tsx', fixture, JSON.stringify(options)],
    {
      cwd: here,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
  });
  const exited = once(child, 'exit').then(([code]) => ({ code: code as number | null, stderr }));
  // The fixture reports on one line, then waits for a connection.
  const firstLine = new Promise<string | null>((resolve) => {
    let stdout = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      if (stdout.includes('\n')) resolve(stdout.split('\n')[0] ?? null);
    });
    child.stdout.on('end', () => resolve(null));
  });
  return { child, exited, firstLine };
}

function readFrom(port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    let data = '';
    socket.on('data', (chunk) => {
      data += chunk;
    });
    socket.on('end', () => resolve(data.trim()));
    socket.on('error', reject);
  });
}

describe('privileges in a real process', { skip }, () => {
  it('when root binds a port below 1024 then drops to nobody, then it serves on it as nobody only', async () => {
    const nobody = resolveUser('nobody');
    const { firstLine, exited } = runFixture({ user: 'nobody' });
    const line = await firstLine;
    // The message is built only on failure: building it awaits the child's exit.
    if (!line) assert.fail(`no report from the fixture: ${(await exited).stderr}`);
    const report = JSON.parse(line);
    assert.ok(report.port > 0 && report.port < 1024, `bound port ${report.port}`);
    assert.equal(report.outcome.action, 'dropped');
    assert.deepEqual(
      [report.uid, report.euid, report.gid, report.egid],
      [nobody.uid, nobody.uid, nobody.gid, nobody.gid],
    );
    assert.ok(!report.groups.includes(0), `still in group root: ${report.groups}`);
    assert.equal(report.setuidRootFailed, true);
    assert.equal(report.canBindPrivileged, false);
    assert.equal(await readFrom(report.port), String(nobody.uid));
    assert.equal((await exited).code, 0);
  });

  it('when already unprivileged and another user is configured, then it warns and keeps running', async () => {
    const { firstLine, exited } = runFixture({ user: 'nobody', thenAs: 'daemon' });
    const report = JSON.parse((await firstLine) ?? '{}');
    assert.equal(report.second.action, 'cannot-switch');
    assert.match(report.warnings[0], /cannot switch/);
    await readFrom(report.port);
    assert.equal((await exited).code, 0);
  });

  it('when root with no user configured, then it refuses to start with the reason', async () => {
    const { exited } = runFixture({});
    const { code, stderr } = await exited;
    assert.equal(code, 1);
    assert.match(stderr, /refusing to run as root: set `user` in the config or -u, or allow_root: true/);
  });

  it('when root with allow_root and no user, then it runs as root', async () => {
    const { firstLine, child } = runFixture({ allowRoot: true });
    const report = JSON.parse((await firstLine) ?? '{}');
    assert.equal(report.outcome.action, 'root-allowed');
    assert.equal(report.euid, 0);
    child.kill();
  });

  it('when the configured user does not exist, then it stops with an unknown-user error', async () => {
    const { exited } = runFixture({ user: 'no-such-user-wazo-ts' });
    const { code, stderr } = await exited;
    assert.equal(code, 1);
    assert.match(stderr, /unknown-user: unknown user "no-such-user-wazo-ts"/);
  });
});
