/**
 * wazo-chatd meets the Wazo daemon definition, proven by the kit's conformance suite on a real
 * child process (TLS, CORS, an ACL on every route, status, config layers, log, privileges,
 * SIGTERM) with a throwaway database the daemon migrates at start, the suite's fake wazo-auth and
 * the in-process bus. The start-up synchronization is off: no confd runs here.
 */
import { after, before } from 'node:test';
import { fileURLToPath } from 'node:url';
import { describeConformance } from '@wazo-ts/daemon/testing';
import { createTestDatabase, type TestDatabase } from '@wazo-ts/db/testing';

let database: TestDatabase;

before(async () => {
  database = await createTestDatabase({ prefix: 'wazo_chatd_conformance' });
});
after(async () => database?.drop());

describeConformance({
  name: 'chatd',
  apiVersion: '1.0',
  entry: fileURLToPath(new URL('./main.ts', import.meta.url)),
  get config() {
    const { host, port, user, database: name } = database.config;
    return {
      db_uri: `postgresql://${user}@${host}:${port}/${name}`,
      bus: { transport: 'memory' },
      initialization: { enabled: false },
    };
  },
});
