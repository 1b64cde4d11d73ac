/**
 * Deleting a tenant (wazo-auth's `auth_tenant_deleted`) purges all its configuration in one
 * statement, whatever links its rows: the foreign keys that refuse a delete while a row is in use
 * (an extension's context, a line's extension, a user's voicemail) must not refuse the purge that
 * removes both ends at once.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { scopeOf } from '../search/search.js';
import { createServiceApi, type ServiceApi } from '../service-api.js';
import { createMigratedTestDatabase, type MigratedTestDatabase, testEncoder } from '../testing/index.js';

const T = randomUUID();
const KEEP = randomUUID();

/** Rows of every table with a tenant_uuid column that belong to `tenant`, by table. */
async function rowsOf(db: MigratedTestDatabase['db'], tenant: string): Promise<Record<string, number>> {
  const tables = await sql<{ table_name: string }>`
    SELECT table_name FROM information_schema.columns
    WHERE column_name = 'tenant_uuid' AND table_schema = 'public' ORDER BY table_name`.execute(db);
  const counts: Record<string, number> = {};
  for (const { table_name } of tables.rows) {
    const { rows } = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM ${sql.table(table_name)} WHERE tenant_uuid = ${tenant}`.execute(db);
    if (rows[0] && rows[0].n > 0) counts[table_name] = rows[0].n;
  }
  return counts;
}

/** Row counts of the tables whose rows belong to a tenant only through another row. */
async function tenantlessRows(db: MigratedTestDatabase['db']): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of [
    'line',
    'extension',
    'line_extension',
    'user_line',
    'user_voicemail',
    'incall_extension',
  ]) {
    const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(table)}`.execute(db);
    counts[table] = rows[0]?.n ?? 0;
  }
  return counts;
}

describe('a tenant deleted with its configuration in use', () => {
  let testDb: MigratedTestDatabase;
  let api: ServiceApi;

  async function furnish(tenant: string, slug: string): Promise<void> {
    const scope = scopeOf(tenant);
    await api.tenants.ensure(tenant, slug, slug);
    const context = await api.contexts.create(scope, tenant, {
      label: 'Internal',
      type: 'internal',
      user_ranges: [{ start: '1000', end: '1999' }],
    });
    const incoming = await api.contexts.create(scope, tenant, {
      label: 'Incoming',
      type: 'incall',
      incall_ranges: [{ start: '5000', end: '5999' }],
    });
    const user = await api.users.create(scope, tenant, { firstname: 'Alice' });
    const line = await api.lines.create(scope, { context: context.name, endpoint_sip: {} });
    const extension = await api.extensions.create(scope, { exten: '1001', context: context.name });
    await api.lineExtensions.associate(scope, line.id, extension.id);
    await api.userLines.associate(scope, user.uuid, line.id);
    const voicemail = await api.voicemails.create(scope, {
      name: 'Alice',
      number: '1001',
      context: context.name,
    });
    await api.userVoicemails.associate(scope, user.uuid, voicemail.id);
    const incall = await api.incalls.create(scope, tenant, {
      destination: { type: 'user', user_id: user.id },
    });
    const did = await api.extensions.create(scope, { exten: '5001', context: incoming.name });
    await api.incalls.associateExtension(scope, incall.id, did.id);
  }

  before(async () => {
    testDb = await createMigratedTestDatabase();
    api = createServiceApi({ db: testDb.db, encoder: testEncoder });
    await furnish(T, 'acme');
    await furnish(KEEP, 'other');
  });
  after(() => testDb.drop());

  it('when the tenant is deleted, then none of its rows remain and the other tenant keeps all of its own', async () => {
    const before = await rowsOf(testDb.db, KEEP);
    const both = await tenantlessRows(testDb.db);
    assert.ok(Object.keys(await rowsOf(testDb.db, T)).length > 5, 'the tenant was furnished');

    assert.equal(await api.tenants.delete(T), true);

    assert.deepEqual(await rowsOf(testDb.db, T), {});
    assert.deepEqual(await rowsOf(testDb.db, KEEP), before);
    // Both tenants were furnished alike: half of each link table went with the tenant.
    const half = Object.fromEntries(Object.entries(both).map(([table, n]) => [table, n / 2]));
    assert.ok(Object.values(half).every((n) => n >= 1));
    assert.deepEqual(await tenantlessRows(testDb.db), half);
  });
});
