/**
 * The one-statement `GET /users/{id}` read against the per-resource reads it replaced, on a real
 * PostgreSQL: a user with two lines (the second made main, so listed first), two groups and a schedule answers
 * the same rows in the same order, and nothing outside the caller's tenants shows.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { scopeOf } from '../search/search.js';
import { createServiceApi, type ServiceApi } from '../service-api.js';
import { createMigratedTestDatabase, type MigratedTestDatabase, testEncoder } from '../testing/index.js';
import { findUserDocument } from './user-document.dao.js';
import type { User } from './users.model.js';

const T = randomUUID();
const OTHER = randomUUID();
const scope = scopeOf(T);

describe('the user document read', () => {
  let testDb: MigratedTestDatabase;
  let api: ServiceApi;
  let alice: User;
  const read = (key: string | number, tenants = scope) =>
    findUserDocument({ db: testDb.db, events: { record: () => {} } } as never, tenants, key);

  before(async () => {
    testDb = await createMigratedTestDatabase({ prefix: 'wazo_user_document' });
    api = createServiceApi({ db: testDb.db, encoder: testEncoder });
    await api.tenants.ensure(T, 'acme', 'Acme');
    await api.tenants.ensure(OTHER, 'other', 'Other');
    const context = await api.contexts.create(scope, T, { label: 'Internal', type: 'internal' });
    alice = await api.users.create(scope, T, { firstname: 'Alice' });
    const first = await api.lines.create(scope, { context: context.name, endpoint_sip: {} });
    const second = await api.lines.create(scope, { context: context.name, endpoint_sip: {} });
    await api.userLines.associate(scope, alice.uuid, first.id);
    await api.userLines.associate(scope, alice.uuid, second.id);
    // The first line leaves and comes back: the second is now main, and listed first.
    await api.userLines.dissociate(scope, alice.uuid, first.id);
    await api.userLines.associate(scope, alice.uuid, first.id);
    const support = await api.groups.create(scope, T, { label: 'Support' });
    const sales = await api.groups.create(scope, T, { label: 'Sales' });
    await api.groupMembers.associateGroups(scope, alice.uuid, [{ id: sales.id }, { id: support.id }]);
    const schedule = await api.schedules.create(scope, T, {
      name: 'Office',
      closed_destination: { type: 'user', user_id: alice.id },
    });
    await api.userSchedules.associate(scope, alice.uuid, schedule.id);
  });
  after(() => testDb.drop());

  it('when a user has lines, groups and a schedule, then one read answers what each service answers', async () => {
    for (const key of [alice.uuid, alice.id]) {
      const document = await read(key);
      assert.ok(document);
      assert.deepEqual(document.user, await api.users.get(scope, key));
      const links = await api.userLines.linesOfUser(scope, alice.uuid);
      assert.deepEqual(
        document.lineIds,
        links.map((link) => link.line_id),
      );
      assert.equal(document.lineIds.length, 2);
      assert.ok(document.lineIds[0]! > document.lineIds[1]!, 'the main line, newer, comes first');
      const groups = await api.groupMembers.listGroups(scope, alice.uuid);
      assert.deepEqual(
        JSON.stringify(document.groups),
        JSON.stringify(groups.map(({ id, uuid, name }) => ({ id, uuid, name }))),
      );
      assert.equal(document.groups.length, 2);
      assert.deepEqual(
        JSON.stringify(document.schedules),
        JSON.stringify(await api.userSchedules.resourcesOf(scope, alice.uuid)),
      );
      assert.equal(document.schedules.length, 1);
    }
  });

  it('when the key is unknown, malformed or of another tenant, then there is no document', async () => {
    assert.equal(await read(randomUUID()), undefined);
    assert.equal(await read('not-a-key'), undefined);
    assert.equal(await read(alice.uuid, scopeOf(OTHER)), undefined);
    assert.equal(await read(alice.uuid, scopeOf()), undefined);
  });
});
