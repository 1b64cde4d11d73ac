/**
 * Started as root, the platform runs its daemons and gateway as an unprivileged account (`wazo`
 * unless WAZO_USER names another), made as a system account when missing, as packages do. What
 * that account may write in the data folder is set by data-dir.ts.
 */
import { execFile } from 'node:child_process';
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
