import assert from 'node:assert/strict';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { type Kysely, sql } from 'kysely';
import { createDatabase } from './connect.js';
import { type EmbeddedStage, startEmbeddedPostgres } from './embedded.js';
import { type MigrationSet, migrateToLatest } from './migrate.js';

/** One migration that needs the server's contrib extensions, as the Service API's does. */
const withUnaccent: MigrationSet = {
  key: 'embedded_test',
  migrations: {
    '0001_unaccent': {
      up: async (db: Kysely<unknown>) => {
        await sql`CREATE EXTENSION IF NOT EXISTS unaccent`.execute(db);
      },
    },
  },
};

describe('startEmbeddedPostgres', { timeout: 60_000 }, () => {
  let parent: string;
  const started: { stop(): Promise<void> }[] = [];
  before(async () => {
    parent = await mkdtemp(join(tmpdir(), 'wazo-embedded-'));
    // Run as root, the server is the postgres user: it must be able to walk into the folder.
    await chmod(parent, 0o711);
  });
  after(async () => {
    // A failed assertion must not leave a server behind, or the test process never exits.
    for (const server of started) await server.stop();
    await rm(parent, { recursive: true, force: true });
  });

  it('when started twice on the same folder, then the second start finds the first one’s data', async () => {
    const dataDir = join(parent, 'data');
    const stages: EmbeddedStage[] = [];
    const first = await startEmbeddedPostgres({ dataDir, onProgress: (s) => stages.push(s) });
    started.push(first);
    const port = Number(new URL(first.uri).port);
    assert.notEqual(port, 5432);
    assert.equal(new URL(first.uri).hostname, '127.0.0.1');
    const one = createDatabase({ uri: first.uri });
    assert.ok((await migrateToLatest(one.db, withUnaccent)).length > 0);
    await sql`CREATE TABLE kept (v text)`.execute(one.db);
    await sql`INSERT INTO kept VALUES ('still here')`.execute(one.db);
    await one.close();
    await first.stop();
    await first.stop();
    assert.deepEqual(stages, [
      'initialising',
      'starting',
      'creating-database',
      'ready',
      'stopping',
      'stopped',
    ]);

    stages.length = 0;
    const second = await startEmbeddedPostgres({ dataDir, onProgress: (s) => stages.push(s) });
    started.push(second);
    {
      assert.equal(stages[0], 'starting', 'no initdb on a folder that holds a cluster');
      const two = createDatabase({ uri: second.uri });
      assert.deepEqual(await migrateToLatest(two.db, withUnaccent), []);
      const { rows } = await sql<{ v: string }>`SELECT v FROM kept`.execute(two.db);
      assert.deepEqual(rows, [{ v: 'still here' }]);
      const accents = await sql<{ out: string }>`SELECT unaccent('Hélène') AS out`.execute(two.db);
      assert.equal(accents.rows[0]?.out, 'Helene');
      await two.close();
    }
    await second.stop();
  });
});
