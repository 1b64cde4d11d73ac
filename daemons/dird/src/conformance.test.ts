/**
 * wazo-dird meets the Wazo daemon definition, proven by the kit's conformance suite on a real
 * child process (TLS, CORS, an ACL on every route, status, config layers, log, privileges,
 * SIGTERM) with a throwaway database the daemon migrates at start, the suite's fake wazo-auth and
 * the in-process bus.
 */
import { after, before } from 'node:test';
import { fileURLToPath } from 'node:url';
import { describeConformance } from '@wazo-ts/daemon/testing';
import { createTestDatabase, type TestDatabase } from '@wazo-ts/db/testing';

let database: TestDatabase;

before(async () => {
  database = await createTestDatabase({ prefix: 'wazo_dird_conformance' });
});
after(async () => database?.drop());

describeConformance({
  name: 'dird',
  apiVersion: '0.1',
  entry: fileURLToPath(new URL('./main.ts', import.meta.url)),
  get config() {
    const {
      host,
      port,
      user,
      database: name,
      password,
    } = database.config as {
      host: string;
      port: number;
      user: string;
      database: string;
      password?: string;
    };
    const credentials = password ? `${user}:${encodeURIComponent(password)}` : user;
    return { db_uri: `postgresql://${credentials}@${host}:${port}/${name}`, bus: { transport: 'memory' } };
  },
});
