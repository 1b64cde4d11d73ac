/**
 * What the confd bench runs against, all in this process: wazo-auth on its own throwaway database,
 * wazo-confd (`startConfd` of @wazo-ts/confd/testing) on another that it migrates at start, with
 * a service account in wazo-auth and the kit's caching token verifier, 10,000 users of
 * the master tenant written by SQL, and the bare Fastify app on the same database as the floor.
 */
import { type AuthUnderTest, startAuth } from '@wazo-ts/auth/testing';
import { startConfd } from '@wazo-ts/confd/testing';
import type { RunningDaemon } from '@wazo-ts/daemon';
import type { TestDatabase } from '@wazo-ts/db/testing';
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
    const auth = await startAuth();
    undo.push(() => auth.stop());
    const started = await startConfd(auth);
    undo.push(() => started.stop());
    const { daemon: confd, database } = started;
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
