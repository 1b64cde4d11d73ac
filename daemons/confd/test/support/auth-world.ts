/**
 * A real wazo-auth beside a confd under test: the ACL confd's service account holds, a sub-tenant
 * made in wazo-auth, the config confd's clients need to reach it, and small wazo-auth reads.
 */
import {
  type AuthUnderTest,
  createUserSeeder,
  startAuth,
  TEST_PASSWORD_ITERATIONS,
} from '@wazo-ts/auth/testing';
import { CONFD_SERVICE_ACL } from '@wazo-ts/confd/testing';
import type { AuthClientConfig } from '@wazo-ts/daemon';

export interface AuthWorld {
  auth: AuthUnderTest;
  /** confd's service token: a master-tenant account holding CONFD_SERVICE_ACL. */
  serviceToken: string;
  /** A token of wazo-auth's master tenant that may read any user. */
  adminToken: string;
  authConfig: AuthClientConfig;
  /** A new tenant below the master tenant, in wazo-auth's tables. */
  newTenant(): Promise<string>;
  /** wazo-auth's `GET /users/{uuid}` status (200 or 404). */
  authUserStatus(uuid: string): Promise<number>;
  /** How many wazo-auth users have this login. */
  authUsersNamed(username: string): Promise<number>;
}

export function authClientConfigOf(url: string): AuthClientConfig {
  const { hostname, port } = new URL(url);
  return {
    host: hostname,
    port: Number(port),
    prefix: null,
    https: false,
    verify_certificate: false,
    timeout: 10,
    key_file: null,
    username: null,
    password: null,
    token_expiration: 3600,
  };
}

export async function startAuthWorld(): Promise<AuthWorld> {
  const auth = await startAuth();
  const seeder = createUserSeeder(auth.database.pool, TEST_PASSWORD_ITERATIONS);
  const serviceToken = await auth.tokenFor(CONFD_SERVICE_ACL);
  const adminToken = await auth.tokenFor(['auth.#']);
  return {
    auth,
    serviceToken,
    adminToken,
    authConfig: authClientConfigOf(auth.url),
    newTenant: () => seeder.seedTenant(auth.masterTenantUuid),
    async authUserStatus(uuid) {
      const response = await fetch(`${auth.api}/users/${uuid}`, {
        headers: { 'x-auth-token': adminToken },
      });
      await response.body?.cancel();
      return response.status;
    },
    async authUsersNamed(username) {
      const { rows } = await auth.database.pool.query(
        'SELECT count(*) AS n FROM auth_user WHERE lower(username) = lower($1)',
        [username],
      );
      return Number(rows[0].n);
    },
  };
}
