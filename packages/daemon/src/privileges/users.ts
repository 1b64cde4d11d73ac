/**
 * Looks up a system account by name, as getpwnam(3) would. `getent passwd` goes through NSS, so
 * accounts from LDAP or systemd-userdb resolve too; when getent is missing (minimal images) we read
 * /etc/passwd, which holds every account such images have.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { PrivilegesError } from './errors.js';

export interface SystemUser {
  name: string;
  uid: number;
  /** The primary group from the passwd entry: the group files are created with. */
  gid: number;
  home: string;
}

/** Parses one `name:passwd:uid:gid:gecos:home:shell` line; null when it is not a valid entry. */
export function parsePasswdLine(line: string): SystemUser | null {
  const fields = line.split(':');
  if (fields.length < 7) return null;
  const [name, , uid, gid, , home] = fields;
  if (!name || !/^\d+$/.test(uid ?? '') || !/^\d+$/.test(gid ?? '')) return null;
  return { name, uid: Number(uid), gid: Number(gid), home: home ?? '' };
}

export type PasswdSource = (name: string) => string | null;

/** The passwd line for `name` from NSS, or null when the account does not exist. */
export const getentPasswd: PasswdSource = (name) => {
  try {
    return execFileSync('getent', ['passwd', name], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
  } catch (err) {
    // getent exits 2 for "no such key"; ENOENT means getent itself is absent.
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return etcPasswd(name);
    return null;
  }
};

export function etcPasswd(name: string, file = '/etc/passwd'): string | null {
  const lines = readFileSync(file, 'utf8').split('\n');
  return lines.find((line) => line.startsWith(`${name}:`)) ?? null;
}

/** The account `name` (a login name, not a number), or a PrivilegesError when it does not exist. */
export function resolveUser(name: string, source: PasswdSource = getentPasswd): SystemUser {
  const line = source(name)?.trim().split('\n')[0];
  const user = line ? parsePasswdLine(line) : null;
  if (!user || user.name !== name) {
    throw new PrivilegesError('unknown-user', `unknown user "${name}": no such account on this system`, {
      user: name,
    });
  }
  return user;
}
