/**
 * Paging is stable on a real PostgreSQL: fifty users share one lastname (the default sort), and
 * walking `users.search` seven at a time, in either direction, meets each of them exactly once.
 * Without the primary key as a tie-break, PostgreSQL orders the ties differently from one page
 * query to the next (a bounded heap sort for the first pages, a full sort later), and pages
 * overlap or skip users.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { SortDirection } from '@wazo-ts/db';
import { createServiceApi, type ServiceApi } from '../service-api.js';
import { createMigratedTestDatabase, type MigratedTestDatabase, testEncoder } from '../testing/index.js';
import { scopeOf } from './search.js';

const T = randomUUID();
const scope = scopeOf(T);
const USERS = 50;
const PAGE = 7;

describe('users.search paging on a shared lastname', () => {
  let testDb: MigratedTestDatabase;
  let api: ServiceApi;
  let created: string[];

  before(async () => {
    testDb = await createMigratedTestDatabase({ prefix: 'wazo_dao_paging' });
    api = createServiceApi({ db: testDb.db, encoder: testEncoder });
    await api.tenants.ensure(T, 'paging', 'Paging');
    created = [];
    for (let i = 0; i < USERS; i++) {
      const user = await api.users.create(scope, T, { firstname: `F${i}`, lastname: 'Martin' });
      created.push(user.uuid);
    }
  });
  after(() => testDb.drop());

  async function walk(direction: SortDirection): Promise<string[]> {
    const seen: string[] = [];
    for (let offset = 0; offset < USERS; offset += PAGE) {
      const page = await api.users.search(scope, { limit: PAGE, offset, direction });
      assert.equal(page.total, USERS);
      seen.push(...page.items.map((u) => u.uuid));
    }
    return seen;
  }

  for (const direction of ['asc', 'desc'] as const) {
    it(`when walking the pages ${direction}, then every user comes exactly once`, async () => {
      const seen = await walk(direction);
      assert.equal(seen.length, USERS);
      assert.equal(new Set(seen).size, USERS, 'a user appeared on two pages (and another on none)');
      assert.deepEqual([...seen].sort(), [...created].sort());
    });
  }
});
