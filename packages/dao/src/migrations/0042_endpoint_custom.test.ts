/**
 * 0042 on a database that already has lines with an inline custom endpoint: each becomes a row of
 * `endpoint_custom` with the same id, in the line's tenant, the line pointing at it, and the next
 * endpoint gets a fresh id.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { migrateToLatest } from '@wazo-ts/db';
import { createTestDatabase, type TestDatabase } from '@wazo-ts/db/testing';
import { Kysely, PostgresDialect, sql } from 'kysely';
import { migrations } from './index.js';

const A = randomUUID();
const LATER = ['0042_endpoint_custom', '0043_endpoint_sccp'];

describe('0042 endpoint_custom', () => {
  let testDb: TestDatabase;
  let db: Kysely<unknown>;

  before(async () => {
    testDb = await createTestDatabase({ prefix: 'wazo_dao_0042' });
    db = new Kysely({ dialect: new PostgresDialect({ pool: testDb.pool }) });
  });
  after(() => testDb.drop());

  it('when lines had an inline custom endpoint, then each moves to endpoint_custom with its id and the line keeps it', async () => {
    // The schema as it was just before 0042, then up to 0043 (later migrations are not this test's).
    const upTo = (last: string) =>
      Object.fromEntries(Object.entries(migrations).filter(([name]) => name <= last));
    const before = Object.fromEntries(Object.entries(migrations).filter(([name]) => name < LATER[0]!));
    await migrateToLatest(db, { key: 'dao', migrations: before });
    await sql`INSERT INTO tenant (uuid) VALUES (${A})`.execute(db);
    const context = await sql<{ id: number }>`
      INSERT INTO context (tenant_uuid, name, label) VALUES (${A}, 'ctx', 'ctx') RETURNING id`.execute(db);
    const contextId = context.rows[0]!.id;
    const lines = await sql<{ id: number; endpoint_custom_id: number }>`
      INSERT INTO line (context_id, name, provisioning_code, endpoint_custom_id, endpoint_custom_interface)
      VALUES (${contextId}, 'dahdi/1', '111111', nextval('line_endpoint_custom_id_seq'), 'dahdi/1'),
             (${contextId}, 'dahdi/2', '222222', nextval('line_endpoint_custom_id_seq'), 'dahdi/2'),
             (${contextId}, NULL, '333333', NULL, NULL)
      RETURNING id, endpoint_custom_id`.execute(db);

    assert.deepEqual(await migrateToLatest(db, { key: 'dao', migrations: upTo(LATER[1]!) }), LATER);

    const moved = await sql<{ id: number; tenant_uuid: string; interface: string; line_id: number }>`
      SELECT c.id, c.tenant_uuid, c.interface, l.id AS line_id
      FROM endpoint_custom c JOIN line l ON l.endpoint_custom_id = c.id ORDER BY c.id`.execute(db);
    assert.deepEqual(
      moved.rows,
      lines.rows.slice(0, 2).map((line, i) => ({
        id: line.endpoint_custom_id,
        tenant_uuid: A,
        interface: `dahdi/${i + 1}`,
        line_id: line.id,
      })),
    );
    const protocols = await sql<{ protocol: string | null }>`SELECT protocol FROM line ORDER BY id`.execute(
      db,
    );
    assert.deepEqual(
      protocols.rows.map((r) => r.protocol),
      ['custom', 'custom', null],
    );
    const next = await sql<{ id: number }>`
      INSERT INTO endpoint_custom (tenant_uuid, interface) VALUES (${A}, 'dahdi/3') RETURNING id`.execute(db);
    assert.ok(next.rows[0]!.id > lines.rows[1]!.endpoint_custom_id);
  });
});
