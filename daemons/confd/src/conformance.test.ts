/**
 * wazo-confd meets the Wazo daemon definition, proven by the kit's conformance suite on a real
 * child process, with a throwaway database the daemon migrates at start and the suite's fake
 * wazo-auth issuing the tokens.
 */
import { after, before } from 'node:test';
import { fileURLToPath } from 'node:url';
import { describeConformance } from '@wazo-ts/daemon/testing';
import { createTestDatabase, type TestDatabase } from '@wazo-ts/db/testing';

let database: TestDatabase;

before(async () => {
  database = await createTestDatabase({ prefix: 'wazo_confd_conformance' });
});
after(async () => database?.drop());

describeConformance({
  name: 'confd',
  apiVersion: '1.1',
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
