/**
 * Two sibling tenants under master, built through the API as a master admin: `owner` holds a user
 * (with a session and a refresh token), a group and a policy; `intruder` holds an admin whose
 * policy is `#`. What the intruder can reach of the owner's is what the isolation tests measure.
 */
import { randomBytes } from 'node:crypto';
import type { AuthUnderTest } from '@wazo-ts/auth/testing';
import { createUserSeeder, type IssuedToken, postToken } from '@wazo-ts/auth/testing';
import { call, type TestResponse } from '@wazo-ts/daemon/testing';

export const CLIENT_ID = 'isolation-client';

export interface IsolationWorld {
  masterAdmin: string;
  owner: { tenant: string; user: string; group: string; policy: string; session: IssuedToken };
  intruder: { tenant: string; admin: string };
}

export function asAdmin(auth: AuthUnderTest, token: string, tenant?: string) {
  return async (method: string, path: string, body?: unknown): Promise<TestResponse> =>
    call(`${auth.api}${path}`, {
      method,
      body,
      headers: { 'x-auth-token': token, ...(tenant ? { 'wazo-tenant': tenant } : {}) },
    });
}

async function created(res: Promise<TestResponse>, what: string): Promise<string> {
  const answer = await res;
  if (answer.status !== 200) throw new Error(`creating ${what}: ${answer.status} ${answer.text}`);
  return answer.json<{ uuid: string }>().uuid;
}

export async function buildIsolationWorld(auth: AuthUnderTest): Promise<IsolationWorld> {
  const masterAdmin = await auth.tokenFor(['#']);
  const master = asAdmin(auth, masterAdmin);
  const suffix = randomBytes(3).toString('hex');
  const ownerTenant = await created(
    master('POST', '/tenants', { name: 'Owner', slug: `own${suffix}` }),
    'owner',
  );
  const intruderTenant = await created(
    master('POST', '/tenants', { name: 'Intruder', slug: `int${suffix}` }),
    'i',
  );
  const inOwner = asAdmin(auth, masterAdmin, ownerTenant);
  const username = `owner-user-${suffix}`;
  const user = await created(inOwner('POST', '/users', { username, password: 'owner-pass' }), 'user');
  const group = await created(inOwner('POST', '/groups', { name: `owners-${suffix}` }), 'group');
  const policy = await created(
    inOwner('POST', '/policies', { name: `owner-policy-${suffix}`, acl: ['x.y'] }),
    'p',
  );
  const session = await postToken(auth.api, username, 'owner-pass', {
    body: { expiration: 3600, access_type: 'offline', client_id: CLIENT_ID },
  });
  const seeder = createUserSeeder(auth.database.pool, auth.daemon.config.password_hash_iterations);
  const intruderUser = await seeder.seed({ tenantUuid: intruderTenant, acl: ['#'] });
  const intruderToken = await postToken(auth.api, intruderUser.username, intruderUser.password);
  return {
    masterAdmin,
    owner: { tenant: ownerTenant, user, group, policy, session },
    intruder: { tenant: intruderTenant, admin: intruderToken.token },
  };
}
