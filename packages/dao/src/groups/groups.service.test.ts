import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import { scopeOf } from '../search/search.js';
import { createFakeUnitOfWork } from '../testing/index.js';
import type { GroupsDao } from './groups.dao.js';
import type { Group } from './groups.model.js';
import { createGroupsNotifier } from './groups.notifier.js';
import { emptyGroupRelations } from './groups.relations.js';
import { createGroupsService } from './groups.service.js';
import { createGroupsValidator } from './groups.validator.js';

const T = '00000000-0000-4000-8000-00000000000a';
const U = '11111111-1111-4111-8111-111111111111';

const stored = (extra: Partial<Group> = {}): Group => ({
  id: 7,
  uuid: U,
  tenant_uuid: T,
  name: `grp-alpha-${U}`,
  label: 'sales',
  ring_strategy: 'all',
  timeout: null,
  user_timeout: 15,
  retry_delay: 5,
  music_on_hold: null,
  preprocess_subroutine: null,
  caller_id_mode: null,
  caller_id_name: null,
  dtmf_record_toggle: false,
  ring_in_use: true,
  mark_answered_elsewhere: false,
  enabled: true,
  ignore_forward: false,
  max_calls: 0,
  ...emptyGroupRelations(),
  ...extra,
});

const strict = <T extends object>(impl: Partial<T>): T =>
  new Proxy(impl as T, {
    get: (target, key) => {
      if (key in target) return target[key as keyof T];
      throw new Error(`unexpected call: ${String(key)}`);
    },
  });

function setup(dao: Partial<GroupsDao>, mohExists = true) {
  const uow = createFakeUnitOfWork();
  const fakeDao = strict<GroupsDao>(dao);
  const validator = createGroupsValidator({ dao: fakeDao, musicOnHoldExists: async () => mohExists });
  const service = createGroupsService({
    uow,
    dao: fakeDao,
    validator,
    notifier: createGroupsNotifier(),
    newUuid: () => U,
  });
  return { uow, service };
}

describe('groups service', () => {
  let created: unknown;
  beforeEach(() => {
    created = undefined;
  });

  it('when a group is created, then its name is grp-{slug}-{uuid} and group_created is queued', async () => {
    const { uow, service } = setup({
      findTenantSlug: async () => 'alpha',
      create: async (_tx, _s, row) => {
        created = row;
        return stored();
      },
    });
    await service.create(scopeOf(T), T, { label: 'sales' });
    assert.deepEqual(created, { label: 'sales', uuid: U, tenant_uuid: T, name: `grp-alpha-${U}` });
    assert.equal(uow.events.length, 1);
    assert.equal(uow.events[0]?.name, 'group_created');
    assert.deepEqual(uow.events[0]?.data, { id: 7, uuid: U });
    assert.equal(uow.events[0]?.headers.tenant_uuid, T);
  });

  it('when the tenant is unknown, then the error is a 404 Tenant and no event is queued', async () => {
    const { uow, service } = setup({ findTenantSlug: async () => null });
    await assert.rejects(service.create(scopeOf(T), T, { label: 'x' }), {
      message: `Resource Not Found - Tenant was not found ('uuid': '${T}')`,
    });
    assert.equal(uow.events.length, 0);
  });

  it('when the tenant is outside the caller scope, then the error is a 404 Tenant and nothing is written', async () => {
    const { uow, service } = setup({
      findTenantSlug: async (_tx, scope, uuid) => (scope.tenantUuids.includes(uuid) ? 'alpha' : null),
      create: async () => assert.fail('nothing is written'),
    });
    await assert.rejects(service.create(scopeOf('00000000-0000-4000-8000-00000000000b'), T, { label: 'x' }), {
      message: `Resource Not Found - Tenant was not found ('uuid': '${T}')`,
    });
    assert.equal(uow.events.length, 0);
  });

  it('when the music on hold is unknown, then the error names it as Wazo does', async () => {
    const { uow, service } = setup({ findTenantSlug: async () => 'alpha' }, false);
    await assert.rejects(service.create(scopeOf(T), T, { label: 'x', music_on_hold: 'jazz' }), {
      message: "Input Error - field 'music_on_hold': MOH was not found ('music_on_hold': 'jazz')",
    });
    assert.equal(uow.runs.rolledBack, 1);
  });

  it('when a group is missing, then get/edit/delete say so by id or uuid', async () => {
    const { service } = setup({ find: async () => null });
    await assert.rejects(service.get(scopeOf(T), 42), {
      message: "Resource Not Found - Group was not found ('id': 42)",
    });
    await assert.rejects(service.edit(scopeOf(T), U, {}), {
      message: `Resource Not Found - Group was not found ('uuid': '${U}')`,
    });
    await assert.rejects(service.delete(scopeOf(T), 42), /Group was not found/);
  });

  it('when a group is edited then deleted, then group_edited and group_deleted are queued', async () => {
    const { uow, service } = setup({
      find: async () => stored(),
      edit: async (_tx, _scope, _id, changes) => stored(changes as Partial<Group>),
      delete: async () => true,
    });
    const edited = await service.edit(scopeOf(T), 7, { label: 'new', music_on_hold: 'default' });
    assert.equal(edited.label, 'new');
    await service.delete(scopeOf(T), U);
    assert.deepEqual(
      uow.events.map((e) => [e.name, e.data]),
      [
        ['group_edited', { id: 7, uuid: U }],
        ['group_deleted', { id: 7, uuid: U }],
      ],
    );
  });
});
