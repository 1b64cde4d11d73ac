import assert from 'node:assert/strict';
import {
  chown,
  lchown,
  lstat,
  mkdir,
  mkdtemp,
  readFile,
  rm,
  stat,
  symlink,
  writeFile,
} from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createMemoryTransport } from '@wazo-ts/bus';
import { createDaemonLogger, resolveUser, type SystemUser } from '@wazo-ts/daemon';
import { type DaemonContext, PLATFORM_DAEMONS, writeDaemonConfig } from './daemons.js';
import { configFileOf, logFileOf, prepareDataDir } from './data-dir.js';

const asRoot = process.getuid?.() === 0;

describe('the data folder started as root', { skip: asRoot ? false : 'needs root' }, () => {
  let root: string;
  let user: SystemUser;
  let count = 0;
  before(async () => {
    root = await mkdtemp(join(tmpdir(), 'wazo-data-dir-'));
    await chown(root, 0, 0);
    user = resolveUser('nobody');
  });
  after(() => rm(root, { recursive: true, force: true }));

  const fresh = () => join(root, `data-${++count}`);
  const prepare = (dataDir: string) => prepareDataDir(dataDir, user, PLATFORM_DAEMONS);
  const owner = async (path: string) => {
    const info = await lstat(path);
    return { uid: info.uid, gid: info.gid, mode: info.mode & 0o777 };
  };

  /** A root file outside the data folder, as /etc/shadow would be. */
  async function precious(name: string): Promise<string> {
    const path = join(root, `${name}-${count}`);
    await writeFile(path, `precious ${name}\n`, { mode: 0o600 });
    return path;
  }

  /** A link as the daemons' user would plant it when it owned the folder. */
  async function plant(path: string, target: string): Promise<void> {
    await symlink(target, path);
    await lchown(path, user.uid, user.gid);
  }

  async function assertUntouched(path: string, name: string): Promise<void> {
    assert.deepEqual(await owner(path), { uid: 0, gid: 0, mode: 0o600 });
    assert.equal(await readFile(path, 'utf8'), `precious ${name}\n`);
  }

  /** What a start does with those files as root: writes the configs, opens the logs, hands them over. */
  async function startLikeThePlatform(dataDir: string): Promise<void> {
    await prepare(dataDir);
    const context: DaemonContext = {
      dataDir,
      user,
      authPort: 9497,
      proxySecret: 'a-platform-secret-0123456789',
      transport: createMemoryTransport(),
      env: {},
    };
    await writeDaemonConfig({ name: 'auth', port: 9497, config: { db_uri: 'postgresql://x' } }, context);
    for (const name of ['wazo-auth', 'postgresql']) {
      const log = createDaemonLogger({
        daemon: name,
        config: {
          debug: false,
          log_level: 'info',
          log_filename: logFileOf(dataDir, name),
          log_stdout: false,
        },
      });
      log.logger.info('started');
      if (name === 'wazo-auth') log.chownLogFile(user);
      await log.close();
    }
  }

  it('when prepared, then root keeps the folder, log/ and etc/, and the daemons user gets only its files', async () => {
    const dataDir = fresh();
    await prepare(dataDir);
    assert.deepEqual(await owner(dataDir), { uid: 0, gid: 0, mode: 0o711 });
    for (const folder of ['log', 'etc', 'etc/wazo-auth', 'etc/wazo-confd/conf.d'])
      assert.deepEqual(await owner(join(dataDir, folder)), { uid: 0, gid: user.gid, mode: 0o750 }, folder);
    assert.deepEqual(await owner(join(dataDir, 'keys')), { uid: user.uid, gid: user.gid, mode: 0o700 });
    for (const name of PLATFORM_DAEMONS)
      assert.deepEqual(await owner(logFileOf(dataDir, `wazo-${name}`)), {
        uid: user.uid,
        gid: user.gid,
        mode: 0o640,
      });
    assert.deepEqual(await owner(logFileOf(dataDir, 'postgresql')), { uid: 0, gid: 0, mode: 0o640 });
    assert.deepEqual(await owner(join(dataDir, 'admin-credentials.yml')), {
      uid: user.uid,
      gid: user.gid,
      mode: 0o600,
    });
  });

  it('when the daemons user planted links in log/ and etc/ of a folder it owned, then their targets keep owner and content', async () => {
    const dataDir = fresh();
    // The earlier layout: the data folder and log/, etc/ belonged to the daemons' user.
    for (const folder of ['', 'log', 'etc', 'etc/wazo-auth', 'keys']) {
      await mkdir(join(dataDir, folder), { recursive: true });
      await chown(join(dataDir, folder), user.uid, user.gid);
    }
    const targets = {
      log: await precious('log'),
      keeperLog: await precious('keeper-log'),
      config: await precious('config'),
      admin: await precious('admin'),
    };
    await plant(logFileOf(dataDir, 'wazo-auth'), targets.log);
    await plant(logFileOf(dataDir, 'postgresql'), targets.keeperLog);
    await plant(configFileOf(dataDir, 'auth'), targets.config);
    await plant(join(dataDir, 'admin-credentials.yml'), targets.admin);

    await startLikeThePlatform(dataDir);

    await assertUntouched(targets.log, 'log');
    await assertUntouched(targets.keeperLog, 'keeper-log');
    await assertUntouched(targets.config, 'config');
    await assertUntouched(targets.admin, 'admin');
    // The links gave way to the platform's own files.
    assert.ok((await lstat(logFileOf(dataDir, 'wazo-auth'))).isFile());
    assert.match(await readFile(logFileOf(dataDir, 'wazo-auth'), 'utf8'), /"msg":"started"/);
    assert.deepEqual(await owner(configFileOf(dataDir, 'auth')), { uid: 0, gid: user.gid, mode: 0o640 });
    assert.match(await readFile(configFileOf(dataDir, 'auth'), 'utf8'), /user: nobody/);
    assert.deepEqual(await owner(dataDir), { uid: 0, gid: 0, mode: 0o711 });
  });

  it('when log/ itself is a link to another folder, then the start refuses and names it, and that folder is untouched', async () => {
    const dataDir = fresh();
    const elsewhere = join(root, `elsewhere-${count}`);
    await mkdir(join(dataDir), { recursive: true });
    await mkdir(elsewhere, { mode: 0o700 });
    await plant(join(dataDir, 'log'), elsewhere);
    await assert.rejects(
      prepare(dataDir),
      /log is a symbolic link: started as root the platform follows none/,
    );
    assert.deepEqual(await owner(elsewhere), { uid: 0, gid: 0, mode: 0o700 });
  });

  it('when tls/ belongs to the daemons user, then the start refuses: that user could have chosen the key', async () => {
    const dataDir = fresh();
    await mkdir(join(dataDir, 'tls'), { recursive: true });
    await chown(join(dataDir, 'tls'), user.uid, user.gid);
    await assert.rejects(prepare(dataDir), /tls belongs to nobody, which must not be able to change it/);
  });

  it('when a conf.d file does not belong to root, then the start refuses: wazo-auth reads it as root', async () => {
    const dataDir = fresh();
    await prepare(dataDir);
    const planted = join(dataDir, 'etc/wazo-auth/conf.d/50-planted.yml');
    await writeFile(planted, 'log_filename: /etc/shadow\n');
    await chown(planted, user.uid, user.gid);
    await assert.rejects(prepare(dataDir), /50-planted\.yml does not belong to root/);
  });

  it('when keys/ holds a key file of another user (an earlier start), then it goes to the daemons user', async () => {
    const dataDir = fresh();
    await prepare(dataDir);
    const key = join(dataDir, 'keys', 'wazo-confd-key.yml');
    await writeFile(key, 'service_id: wazo-confd\n', { mode: 0o600 });
    await prepare(dataDir);
    assert.deepEqual(await owner(key), { uid: user.uid, gid: user.gid, mode: 0o600 });
    assert.equal((await stat(key)).size, 'service_id: wazo-confd\n'.length);
  });
});
