/**
 * wazo-auth meets the Wazo daemon definition, proven by the kit's conformance suite on a real
 * child process. wazo-auth verifies tokens itself, so the suite's tokens are real ones: a user
 * holding exactly the ACL asked for is written into the throwaway database, then logs in with
 * POST /token on the daemon under test.
 */
import { after, before } from 'node:test';
import { fileURLToPath } from 'node:url';
import { describeConformance } from '@wazo-ts/daemon/testing';
import { createTestDatabase, type TestDatabase } from '@wazo-ts/db/testing';
import { createUserSeeder, postToken } from './testing/index.js';

const ITERATIONS = 1000;
let database: TestDatabase;

before(async () => {
  database = await createTestDatabase({ prefix: 'wazo_auth_conformance' });
});
after(async () => database?.drop());

function dbUri(): string {
  const { host, port, user, database: name } = database.config;
  return `postgresql://${user}@${host}:${port}/${name}`;
}

describeConformance({
  name: 'auth',
  apiVersion: '0.1',
  entry: fileURLToPath(new URL('./main.ts', import.meta.url)),
  get config() {
    return {
      db_uri: dbUri(),
      bus: { transport: 'memory' },
      password_hash_iterations: ITERATIONS,
      token_cleanup_interval: 0,
    };
  },
  async tokenFor(daemonUrl, acl) {
    const seeder = createUserSeeder(database.pool, ITERATIONS);
    const tenantUuid = await seeder.masterTenantUuid();
    const user = await seeder.seed({ tenantUuid, acl, purpose: 'internal' });
    const issued = await postToken(`${daemonUrl}/0.1`, user.username, user.password, { insecure: true });
    return issued.token;
  },
});
