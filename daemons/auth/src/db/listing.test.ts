/**
 * wazo-auth's lists page stably on a real PostgreSQL: fifty tenants share one name (the default
 * sort), and walking the tenant list seven at a time, in either direction, meets each of them
 * exactly once. pageOf sorts on the primary key after the requested column; without it the ties
 * come in a different order from one page query to the next.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { SortDirection } from '@wazo-ts/db';
import { listTenants } from '../tenants/tenants.dao.js';
import { type AuthTestDatabase, createAuthTestDatabase, insertTenant } from '../testing/auth-database.js';

const TENANTS = 50;
const PAGE = 7;

describe('a wazo-auth list paged on a shared name', () => {
  let testDb: AuthTestDatabase;
  let visible: string[];
  let named: string[];

  before(async () => {
    testDb = await createAuthTestDatabase();
    const master = await insertTenant(testDb.db, { name: 'Master' });
    named = [];
    for (let i = 0; i < TENANTS; i++)
      named.push(await insertTenant(testDb.db, { parentUuid: master, name: 'Acme' }));
    visible = [master, ...named];
  });
  after(() => testDb.drop());

  async function walk(direction: SortDirection): Promise<string[]> {
    const seen: string[] = [];
    for (let offset = 0; offset < TENANTS; offset += PAGE) {
      const page = await listTenants(testDb, visible, {
        search: 'acme',
        limit: PAGE,
        offset,
        direction,
      });
      assert.deepEqual([page.total, page.filtered], [TENANTS + 1, TENANTS]);
      seen.push(...page.items.map((t) => t.uuid));
    }
    return seen;
  }

  for (const direction of ['asc', 'desc'] as const) {
    it(`when walking the pages ${direction}, then every tenant comes exactly once`, async () => {
      const seen = await walk(direction);
      assert.equal(seen.length, TENANTS);
      assert.equal(new Set(seen).size, TENANTS, 'a tenant appeared on two pages (and another on none)');
      assert.deepEqual([...seen].sort(), [...named].sort());
    });
  }
});
