/**
 * A real OpenLDAP server for the ldap backend's tests: Debian's `slapd` started on a free port
 * with its own configuration and database in a temporary folder (an mdb database under
 * `dc=example,dc=com`, admin `cn=admin,dc=example,dc=com`), stopped and removed afterwards.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'ldapts';

export const SLAPD_BASE_DN = 'dc=example,dc=com';
export const SLAPD_ADMIN_DN = `cn=admin,${SLAPD_BASE_DN}`;
export const SLAPD_ADMIN_PASSWORD = 'admin-secret';

const SLAPD = ['/usr/sbin/slapd', '/usr/local/libexec/slapd'].find((path) => existsSync(path));

export interface Slapd {
  url: string;
  /** A client bound as the admin, to add entries. */
  admin(): Promise<Client>;
  stop(): Promise<void>;
}

export const slapdAvailable = () => SLAPD !== undefined;

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

export async function startSlapd(): Promise<Slapd> {
  if (!SLAPD) throw new Error('slapd is not installed (apt-get install slapd)');
  const dir = await mkdtemp(join(tmpdir(), 'dird-slapd-'));
  await mkdir(join(dir, 'db'));
  const conf = join(dir, 'slapd.conf');
  await writeFile(
    conf,
    [
      'include /etc/ldap/schema/core.schema',
      'include /etc/ldap/schema/cosine.schema',
      'include /etc/ldap/schema/inetorgperson.schema',
      `pidfile ${join(dir, 'slapd.pid')}`,
      'modulepath /usr/lib/ldap',
      'moduleload back_mdb',
      'database mdb',
      'maxsize 16777216',
      `suffix "${SLAPD_BASE_DN}"`,
      `rootdn "${SLAPD_ADMIN_DN}"`,
      `rootpw ${SLAPD_ADMIN_PASSWORD}`,
      `directory ${join(dir, 'db')}`,
      'access to * by * read',
      '',
    ].join('\n'),
  );
  const port = await freePort();
  const url = `ldap://127.0.0.1:${port}`;
  const child: ChildProcess = spawn(SLAPD, ['-f', conf, '-h', `${url}/`, '-d', '0'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    await rm(dir, { recursive: true, force: true });
  };
  const admin = async () => {
    const client = new Client({ url, connectTimeout: 1000, timeout: 5000 });
    await client.bind(SLAPD_ADMIN_DN, SLAPD_ADMIN_PASSWORD);
    return client;
  };
  // Ready when it accepts a bind (bounded: slapd starts in well under a second).
  for (let attempt = 0; ; attempt += 1) {
    try {
      const client = await admin();
      await client.add(SLAPD_BASE_DN, {
        objectClass: ['top', 'dcObject', 'organization'],
        o: 'Example',
        dc: 'example',
      });
      await client.add(`ou=people,${SLAPD_BASE_DN}`, {
        objectClass: ['top', 'organizationalUnit'],
        ou: 'people',
      });
      await client.unbind();
      return { url, admin, stop };
    } catch (error) {
      if (child.exitCode !== null || attempt >= 100) {
        await stop();
        throw new Error(`slapd did not start: ${stderr || String(error)}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}
