/**
 * The user ↔ schedule and group ↔ schedule routes on a real PostgreSQL: 204s by id or uuid, a
 * no-op when already so (no event), one schedule at most, 404s for unknown or foreign sides,
 * events only with a commit, and the ACLs.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { scopeOf } from '@wazo-ts/dao';
import { createMigratedTestDatabase, type MigratedTestDatabase } from '@wazo-ts/dao/testing';
import { caller, outboxNames } from '../testing/route-calls.js';
import { buildTestApi, type TestApi } from '../testing/test-app.js';
import { groupSchedulesPlugin, userSchedulesPlugin } from './schedule-links.routes.js';

let database: MigratedTestDatabase;
let api: TestApi;
let call: ReturnType<typeof caller>;
const tenant1 = randomUUID();
const tenant2 = randomUUID();
const events = () => outboxNames(database);
const ids = { user: { id: 0, uuid: '' }, group: { id: 0, uuid: '' }, schedule: 0, other: 0, foreign: 0 };

before(async () => {
  database = await createMigratedTestDatabase({ prefix: 'wazo_confd_schedule_links' });
  api = await buildTestApi(database, [userSchedulesPlugin, groupSchedulesPlugin]);
  call = caller(api);
  api.verifier.add({ token: 'admin1', acl: ['confd.#'], metadata: { tenant_uuid: tenant1 } });
  api.verifier.add({ token: 'admin2', acl: ['confd.#'], metadata: { tenant_uuid: tenant2 } });
  api.verifier.add({ token: 'nobody', acl: ['confd.users.read'], metadata: { tenant_uuid: tenant1 } });
  const { services } = api.resources;
  for (const tenant of [tenant1, tenant2]) await services.tenants.ensure(tenant);
  const scope = scopeOf(tenant1);
  ids.user = await services.users.create(scope, tenant1, { firstname: 'Ann' });
  ids.group = await services.groups.create(scope, tenant1, { label: 'sales' });
  const closed = { closed_destination: { type: 'none' as const } };
  ids.schedule = (await services.schedules.create(scope, tenant1, closed)).id;
  ids.other = (await services.schedules.create(scope, tenant1, closed)).id;
  ids.foreign = (await services.schedules.create(scopeOf(tenant2), tenant2, closed)).id;
});
after(async () => {
  await api?.app.close();
  await database?.drop();
});

for (const owner of ['user', 'group'] as const) {
  describe(`${owner} schedule routes`, () => {
    const path = (key: number | string, scheduleId: number | string) =>
      `/${owner}s/${key}/schedules/${scheduleId}`;
    const Owner = owner === 'user' ? 'User' : 'Group';

    it('when associated by id then by uuid, then 204s and one event', async () => {
      const before = (await events()).length;
      assert.equal((await call('PUT', path(ids[owner].id, ids.schedule), 'admin1')).statusCode, 204);
      assert.equal((await call('PUT', path(ids[owner].uuid, ids.schedule), 'admin1')).statusCode, 204);
      assert.deepEqual((await events()).slice(before), [`${owner}_schedule_associated`]);
    });

    it('when a second schedule is associated, then the one-schedule error and nothing changes', async () => {
      const before = await events();
      const res = await call('PUT', path(ids[owner].id, ids.other), 'admin1');
      assert.equal(res.statusCode, 400);
      assert.match(res.json()[0], new RegExp(`^Resource Error - ${Owner} is associated with a Schedule`));
      assert.deepEqual(await events(), before);
    });

    it('when a side is unknown or of another tenant, then 404 and nothing changes', async () => {
      const before = await events();
      const foreign = await call('PUT', path(ids[owner].id, ids.schedule), 'admin2');
      assert.deepEqual(foreign.json(), [
        `Resource Not Found - ${Owner} was not found ('id': ${ids[owner].id})`,
      ]);
      const schedule = await call('DELETE', path(ids[owner].uuid, ids.foreign), 'admin1');
      assert.deepEqual(schedule.json(), [
        `Resource Not Found - Schedule was not found ('id': ${ids.foreign})`,
      ]);
      assert.equal((await call('PUT', path(ids[owner].id, 'abc'), 'admin1')).statusCode, 404);
      assert.equal((await call('PUT', path(999999, ids.schedule), 'admin1')).statusCode, 404);
      assert.deepEqual(await events(), before);
    });

    it('when dissociated twice, then 204s and one event', async () => {
      const before = (await events()).length;
      assert.equal((await call('DELETE', path(ids[owner].uuid, ids.schedule), 'admin1')).statusCode, 204);
      assert.equal((await call('DELETE', path(ids[owner].id, ids.schedule), 'admin1')).statusCode, 204);
      assert.deepEqual((await events()).slice(before), [`${owner}_schedule_dissociated`]);
    });

    it('when the token lacks the ACL, then 401', async () => {
      for (const method of ['PUT', 'DELETE'] as const)
        assert.equal((await call(method, path(ids[owner].id, ids.schedule), 'nobody')).statusCode, 401);
    });
  });
}
