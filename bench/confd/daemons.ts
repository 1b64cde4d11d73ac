/**
 * What the confd bench runs against, all in this process: wazo-auth on its own throwaway database,
 * wazo-confd (`runDaemon(confdDaemon)`) on another that it migrates at start, with a service
 * account in wazo-auth for its tenant sync and the kit's caching token verifier, 10,000 users of
 * the master tenant written by SQL, and the bare Fastify app on the same database as the floor.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type AuthUnderTest, startAuth } from '@wazo-ts/auth/testing';
import { createTestDatabase, type TestDatabase } from '@wazo-ts/bus/testing';
import { confdDaemon } from '@wazo-ts/confd';
import { type RunningDaemon, runDaemon } from '@wazo-ts/daemon';
import { stringify } from 'yaml';
import { http } from '../auth/load.js';
import { type BareConfd, startBareConfd } from './bare.js';

export const USERS = 10_000;
/** confd's pool size (the Service API's default); the bare app gets the same. */
export const POOL_SIZE = 10;

export interface BenchStack {
  auth: AuthUnderTest;
  confd: RunningDaemon;
  bare: BareConfd;
  database: TestDatabase;
  /** A wazo-auth token holding `confd.#` and `auth.tenants.read`, of a user of the master tenant. */
  token: string;
  tenantUuid: string;
  close(): Promise<void>;
}

function databaseUri(database: TestDatabase): string {
  const { host, port, user, database: name } = database.config;
  return `postgresql://${user}@${host}:${port}/${name}`;
}

async function startConfd(auth: AuthUnderTest, database: TestDatabase, dir: string): Promise<RunningDaemon> {
  const { hostname, port } = new URL(auth.url);
  const service = await auth.seedUser({ acl: ['auth.tenants.read'], purpose: 'internal' });
  const file = join(dir, 'confd.yml');
  await writeFile(
    file,
    stringify({
      user: null,
      allow_root: true,
      log_filename: join(dir, 'confd.log'),
      log_level: 'warning',
      log_stdout: false,
      extra_config_files: dir,
      db_uri: databaseUri(database),
      bus: { transport: 'memory' },
      rest_api: { listen: '127.0.0.1', port: 0, certificate: null, private_key: null },
      service_discovery: { enabled: false },
      auth: {
        host: hostname,
        port: Number(port),
        https: false,
        key_file: null,
        username: service.username,
        password: service.password,
      },
    }),
  );
  return runDaemon(confdDaemon, { argv: ['-c', file], env: {}, handleSignals: false });
}

/**
 * One POST /users through confd first: it mirrors the caller's tenant as confd does for a tenant
 * it has not synchronized yet, so the bulk rows below have their tenant.
 */
async function seedUsers(stack: { confd: RunningDaemon; database: TestDatabase }, token: string) {
  const created = await http(`${stack.confd.url}/1.1/users`, {
    method: 'POST',
    headers: { 'x-auth-token': token, 'content-type': 'application/json' },
    body: JSON.stringify({ firstname: 'Seed', lastname: 'Zzseed' }),
    expect: 201,
  });
  const tenantUuid = (JSON.parse(created.body) as { tenant_uuid: string }).tenant_uuid;
  await stack.database.pool.query(
    `INSERT INTO users (tenant_uuid, firstname, lastname, email, caller_id)
     SELECT $1, 'First' || i, 'Last' || i, 'user' || i || '@example.com', '"First' || i || ' Last' || i || '"'
     FROM generate_series(1, $2::int) AS i`,
    [tenantUuid, USERS - 1],
  );
  await stack.database.pool.query('ANALYZE users');
  return tenantUuid;
}

export async function startBenchStack(): Promise<BenchStack> {
  // Undone in reverse, also when a later step fails, so a failed run leaves no database behind.
  const undo: (() => Promise<unknown>)[] = [];
  const close = async () => {
    for (const step of undo.reverse()) await step();
  };
  try {
    const dir = await mkdtemp(join(tmpdir(), 'wazo-confd-bench-'));
    undo.push(() => rm(dir, { recursive: true, force: true }));
    const auth = await startAuth();
    undo.push(() => auth.stop());
    const database = await createTestDatabase({ prefix: 'wazo_bench_confd', poolSize: 2 });
    undo.push(() => database.drop());
    const confd = await startConfd(auth, database, dir);
    undo.push(() => confd.stop());
    // An administrator's token: item scopes (and POST /users) ask wazo-auth for the visible
    // sub-tenants with the caller's token, which takes auth.tenants.read.
    const token = await auth.tokenFor(['confd.#', 'auth.tenants.read']);
    const tenantUuid = await seedUsers({ confd, database }, token);
    const bare = await startBareConfd({ config: database.config, poolSize: POOL_SIZE, tenantUuid });
    undo.push(() => bare.close());
    return { auth, confd, bare, database, token, tenantUuid, close };
  } catch (error) {
    await close();
    throw error;
  }
}
