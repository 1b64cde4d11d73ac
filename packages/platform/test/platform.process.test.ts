/**
 * `npm start` as a user meets it, in child processes: privileges when started as root, Ctrl-C,
 * a second start on the same data, a taken port, and a start as an ordinary user.
 */
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { chown, lchown, lstat, mkdtemp, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { resolveUser } from '@wazo-ts/daemon';
import { adminToken } from '@wazo-ts/platform/testing';
import {
  freePlatformPorts,
  type PlatformProcess,
  spawnPlatformRaw,
  startPlatformProcess,
} from './support/platform-process.js';

const asRoot = process.getuid?.() === 0;
const STOP_BOUND_MS = 30_000;

function uidsOf(pid: number): Promise<number[]> {
  return readFile(`/proc/${pid}/status`, 'utf8').then((status) => {
    const line = status.split('\n').find((l) => l.startsWith('Uid:')) ?? '';
    return line.split(/\s+/).slice(1).map(Number);
  });
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function stopWithin(platform: PlatformProcess, signal: NodeJS.Signals) {
  const bound = setTimeout(() => platform.child.kill('SIGKILL'), STOP_BOUND_MS);
  const code = await platform.stop(signal);
  clearTimeout(bound);
  return code;
}

const keeperPidOf = async (platform: PlatformProcess) => {
  const children = await readFile(`/proc/${platform.child.pid}/task/${platform.child.pid}/children`, 'utf8');
  for (const pid of children.trim().split(/\s+/).map(Number)) {
    const cmdline = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
    if (cmdline.includes('keeper')) return pid;
  }
  throw new Error('no PostgreSQL keeper among the platform children');
};

describe('the platform process', { timeout: 900_000 }, () => {
  let dataDir: string;
  before(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'wazo-platform-run-'));
  });
  after(async () => rm(dataDir, { recursive: true, force: true }));

  describe('first then second start on one data folder', () => {
    let first: PlatformProcess;
    let firstAdmin: { username: string; password: string };
    let firstTenant: string;
    let firstUuid: unknown;
    let firstCertificate: string;
    let keeperPid: number;
    let firstExit: number | null;

    before(async () => {
      first = await startPlatformProcess({ dataDir });
      firstAdmin = await first.admin();
      const token = (await adminToken(first.gateway, first.certificate, firstAdmin)) as {
        metadata: { tenant_uuid: string };
        xivo_uuid?: unknown;
      };
      firstTenant = token.metadata.tenant_uuid;
      firstUuid = token.xivo_uuid;
      firstCertificate = await readFile(first.certificate, 'utf8');
      keeperPid = await keeperPidOf(first);
    });

    it('when first started, then the banner shows the generated admin once and how to get a token', () => {
      const output = first.output();
      assert.match(output, /Creating the PostgreSQL database cluster/);
      assert.ok(output.includes(`${firstAdmin.username} / ${firstAdmin.password}`), output);
      assert.match(output, /curl -s --cacert .*ca\.crt -u 'admin:/);
    });

    it('when started as root, then the platform runs as the wazo user and only the keeper stays root', {
      skip: asRoot ? false : 'needs root',
    }, async () => {
      const wazo = resolveUser('wazo');
      assert.deepEqual(await uidsOf(first.child.pid!), [wazo.uid, wazo.uid, wazo.uid, wazo.uid]);
      assert.deepEqual(await uidsOf(keeperPid), [0, 0, 0, 0]);
    });

    it('when SIGINT arrives, then it exits 0 and PostgreSQL and its keeper are gone', async () => {
      firstExit = await stopWithin(first, 'SIGINT');
      assert.equal(firstExit, 0, first.output());
      assert.match(first.output(), /Stopped\./);
      for (let i = 0; i < 50 && alive(keeperPid); i++) await new Promise((r) => setTimeout(r, 100));
      assert.equal(alive(keeperPid), false, 'the keeper (and its PostgreSQL) stopped');
    });

    it('when first started, then one Wazo uuid is made, kept in the data folder and carried by tokens', async () => {
      const kept = (await readFile(join(dataDir, 'wazo-uuid'), 'utf8')).trim();
      assert.match(kept, /^[0-9a-f-]{36}$/);
      assert.equal(firstUuid, kept);
    });

    it('when started again, then it reuses the admin, the certificate, the master tenant and the uuid', async () => {
      const second = await startPlatformProcess({ dataDir });
      try {
        assert.doesNotMatch(second.output(), /Creating the PostgreSQL database cluster|generated/);
        assert.deepEqual(await second.admin(), firstAdmin);
        assert.equal(await readFile(second.certificate, 'utf8'), firstCertificate);
        const again = await adminToken(second.gateway, second.certificate, firstAdmin);
        assert.equal(again.metadata.tenant_uuid, firstTenant);
        assert.equal((again as { xivo_uuid?: unknown }).xivo_uuid, firstUuid);
      } finally {
        assert.equal(await stopWithin(second, 'SIGTERM'), 0, second.output());
      }
    });
  });

  it('when started as root after links were planted in log/ and etc/, then their targets keep owner and content', {
    skip: asRoot ? false : 'needs root',
  }, async () => {
    const wazo = resolveUser('wazo');
    const outside = await mkdtemp(join(tmpdir(), 'wazo-platform-precious-'));
    const planted = {
      [join(dataDir, 'log', 'wazo-confd.log')]: join(outside, 'log-target'),
      [join(dataDir, 'log', 'postgresql.log')]: join(outside, 'keeper-log-target'),
      [join(dataDir, 'etc', 'wazo-confd', 'config.yml')]: join(outside, 'config-target'),
    };
    try {
      for (const [link, target] of Object.entries(planted)) {
        await writeFile(target, 'precious\n', { mode: 0o600 });
        await rm(link, { force: true });
        await symlink(target, link);
        await lchown(link, wazo.uid, wazo.gid);
      }
      const platform = await startPlatformProcess({ dataDir });
      try {
        await adminToken(platform.gateway, platform.certificate, await platform.admin());
      } finally {
        assert.equal(await stopWithin(platform, 'SIGTERM'), 0, platform.output());
      }
      for (const [link, target] of Object.entries(planted)) {
        const info = await stat(target);
        assert.deepEqual([info.uid, info.mode & 0o777], [0, 0o600], target);
        assert.equal(await readFile(target, 'utf8'), 'precious\n', target);
        assert.ok((await lstat(link)).isFile(), `${link} is the platform's own file again`);
      }
      assert.equal((await stat(dataDir)).uid, 0);
    } finally {
      await rm(outside, { recursive: true, force: true });
    }
  });

  it('when the gateway port is taken, then one line says so and the exit status is 1', async () => {
    const ports = await freePlatformPorts();
    const squatter = createServer();
    squatter.listen(ports.https, '127.0.0.1');
    await once(squatter, 'listening');
    try {
      const child = spawnPlatformRaw({ dataDir: join(dataDir, 'taken') }, ports);
      let stderr = '';
      child.stderr?.on('data', (c: Buffer) => (stderr += c.toString()));
      const [code] = await once(child, 'exit');
      assert.equal(code, 1);
      const lines = stderr.trim().split('\n');
      assert.equal(lines.length, 1, stderr);
      assert.match(
        lines[0] ?? '',
        new RegExp(`gateway .*cannot listen on 127\\.0\\.0\\.1:${ports.https}: .*in use`),
      );
    } finally {
      squatter.close();
    }
  });

  it('when run by an ordinary user, then it starts in a folder that user owns and stops cleanly', {
    skip: asRoot ? false : 'needs root to start a process as another user',
  }, async () => {
    const nobody = resolveUser('nobody');
    const own = await mkdtemp(join(tmpdir(), 'wazo-platform-user-'));
    await chown(own, nobody.uid, nobody.gid);
    try {
      const platform = await startPlatformProcess({
        dataDir: join(own, 'data'),
        uid: nobody.uid,
        gid: nobody.gid,
      });
      assert.deepEqual(await uidsOf(platform.child.pid!), [nobody.uid, nobody.uid, nobody.uid, nobody.uid]);
      const admin = await adminToken(platform.gateway, platform.certificate, await platform.admin());
      assert.match(admin.token, /^[0-9a-f-]{36}$/);
      assert.equal(await stopWithin(platform, 'SIGINT'), 0, platform.output());
    } finally {
      await rm(own, { recursive: true, force: true });
    }
  });
});
