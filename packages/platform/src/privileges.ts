/**
 * Started as root, the platform runs its daemons and gateway as an unprivileged account (`wazo`
 * unless WAZO_USER names another), made as a system account when missing, as packages do. What
 * the daemons write after the drop (logs, generated configs, service keys, admin credentials)
 * must then be theirs; the database folder belongs to the `postgres` user and the certificate
 * stays root's (read before the drop).
 */
import { execFile } from 'node:child_process';
import { chmod, chown, lstat, mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { resolveUser, type SystemUser } from '@wazo-ts/daemon';

const run = promisify(execFile);

export const runningAsRoot = (): boolean => process.getuid?.() === 0;

export async function ensureRunUser(name: string): Promise<SystemUser> {
  try {
    return resolveUser(name);
  } catch (error) {
    if (name !== 'wazo') throw error;
  }
  await run('useradd', [
    '--system',
    '--user-group',
    '--no-create-home',
    '--shell',
    '/usr/sbin/nologin',
    name,
  ]);
  return resolveUser(name);
}

async function chownTree(path: string, user: SystemUser): Promise<void> {
  const info = await lstat(path).catch(() => null);
  if (!info || info.isSymbolicLink()) return;
  await chown(path, user.uid, user.gid);
  if (info.isDirectory()) for (const entry of await readdir(path)) await chownTree(join(path, entry), user);
}

/** The folders the daemons write to, owned by `user` (or by us when not root). */
export async function prepareDataDir(dataDir: string, user: SystemUser | null): Promise<void> {
  // Traversable by the postgres user (who owns postgresql/ below), readable by no one else.
  await mkdir(dataDir, { recursive: true, mode: user ? 0o711 : 0o700 });
  for (const folder of ['log', 'etc', 'keys'])
    await mkdir(join(dataDir, folder), { recursive: true, mode: 0o700 });
  if (!user) return;
  await chown(dataDir, user.uid, user.gid);
  await chmod(dataDir, 0o711);
  for (const entry of ['log', 'etc', 'keys', 'admin-credentials.yml'])
    await chownTree(join(dataDir, entry), user);
}
