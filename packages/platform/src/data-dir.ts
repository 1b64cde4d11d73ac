/**
 * The data folder and who may write what in it. Started as root, the platform comes back to this
 * folder at every start with root's rights, after the daemons ran in it as the `wazo` user: so
 * the folder itself and every folder root writes in stay root's, and `wazo` gets only what it
 * writes after the drop, made by root once: its log files, `keys/`, the admin credentials.
 * Daemon configs (`etc/`) are written by root before the drop, readable by `wazo`'s group, so a
 * compromised daemon cannot configure the next start. Links left in place of these are replaced
 * or refused, never followed (safe-fs.ts).
 */
import { chmod, chown, mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { SystemUser } from '@wazo-ts/daemon';
import { claimFile, ensureFolder, lstatOrNull, type Owner } from './safe-fs.js';

export const logFileOf = (dataDir: string, name: string) => join(dataDir, 'log', `${name}.log`);
export const configFolderOf = (dataDir: string, name: string) => join(dataDir, 'etc', `wazo-${name}`);
export const configFileOf = (dataDir: string, name: string) =>
  join(configFolderOf(dataDir, name), 'config.yml');

const ROOT: Owner = { uid: 0, gid: 0 };

/** Root's own entries, which the daemons' user must neither own nor have replaced by a link. */
const ROOT_ENTRIES = ['tls', 'postgresql', 'wazo-uuid', 'proxy-secret'];
/** Folders root takes (back) in hand or hands over itself: only a link in their place is refused. */
const SHARED_FOLDERS = ['log', 'etc', 'keys'];

async function checkEntries(dataDir: string, user: SystemUser): Promise<void> {
  for (const name of [...ROOT_ENTRIES, ...SHARED_FOLDERS]) {
    const path = join(dataDir, name);
    const info = await lstatOrNull(path);
    if (!info) continue;
    if (info.isSymbolicLink())
      throw new Error(
        `${path} is a symbolic link: started as root the platform follows none in its data folder; remove it`,
      );
    if (!ROOT_ENTRIES.includes(name)) continue;
    if (info.uid === user.uid)
      throw new Error(
        `${path} belongs to ${user.name}, which must not be able to change it: remove it, or give it to root if you trust it`,
      );
    if (info.isFile() && info.nlink !== 1) throw new Error(`${path} has other names (hard links): remove it`);
  }
}

/** conf.d files are read by root (wazo-auth reads its config before the drop): only root's. */
async function checkConfD(folder: string): Promise<void> {
  for (const name of await readdir(folder)) {
    const info = await lstatOrNull(join(folder, name));
    if (info && info.uid !== 0)
      throw new Error(
        `${join(folder, name)} does not belong to root, yet the daemons read it as root: remove it, or chown it to root if you trust it`,
      );
  }
}

/** Key files left by a start as another user (before this one as root) go to the daemons' user. */
async function adoptKeys(folder: string, user: SystemUser): Promise<void> {
  for (const name of await readdir(folder)) {
    const path = join(folder, name);
    const info = await lstatOrNull(path);
    // claimFile checks the file it opened, so a swap in this folder (the user's) changes nothing.
    if (info?.isFile() && info.uid !== user.uid) await claimFile(path, user, 0o600);
  }
}

async function prepareAsRoot(dataDir: string, user: SystemUser, daemons: readonly string[]) {
  // Traversable by the postgres user (who owns postgresql/ below), writable by root only.
  await mkdir(dataDir, { recursive: true, mode: 0o711 });
  await chown(dataDir, ROOT.uid, ROOT.gid);
  await chmod(dataDir, 0o711);
  await checkEntries(dataDir, user);
  const shared: Owner = { uid: 0, gid: user.gid };
  await ensureFolder(join(dataDir, 'log'), shared, 0o750);
  await ensureFolder(join(dataDir, 'etc'), shared, 0o750);
  await ensureFolder(join(dataDir, 'keys'), user, 0o700);
  await adoptKeys(join(dataDir, 'keys'), user);
  for (const name of daemons) {
    await ensureFolder(configFolderOf(dataDir, name), shared, 0o750);
    await ensureFolder(join(configFolderOf(dataDir, name), 'conf.d'), shared, 0o750);
    await checkConfD(join(configFolderOf(dataDir, name), 'conf.d'));
    await claimFile(logFileOf(dataDir, `wazo-${name}`), user, 0o640);
  }
  await claimFile(logFileOf(dataDir, 'postgresql'), ROOT, 0o640);
  await claimFile(join(dataDir, 'admin-credentials.yml'), user, 0o600);
}

/**
 * Makes the data folder ready for a start: as root with `user` as the daemons' account, or as
 * an ordinary user (null) who then owns all of it.
 */
export async function prepareDataDir(
  dataDir: string,
  user: SystemUser | null,
  daemons: readonly string[],
): Promise<void> {
  if (user) return prepareAsRoot(dataDir, user, daemons);
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  for (const folder of ['log', 'keys']) await mkdir(join(dataDir, folder), { recursive: true, mode: 0o700 });
  for (const name of daemons)
    await mkdir(join(configFolderOf(dataDir, name), 'conf.d'), { recursive: true, mode: 0o700 });
}
