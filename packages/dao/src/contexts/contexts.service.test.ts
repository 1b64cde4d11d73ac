import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import { scopeOf } from '../search/search.js';
import { createFakeUnitOfWork, type FakeUnitOfWork } from '../testing/index.js';
import type { ContextsDao } from './contexts.dao.js';
import type { Context, ContextRecord } from './contexts.model.js';
import { createContextsNotifier } from './contexts.notifier.js';
import { createContextsService } from './contexts.service.js';
import { createContextsValidator } from './contexts.validator.js';

const T = '00000000-0000-4000-8000-00000000000a';
const U = '11111111-1111-4111-8111-111111111111';
const scope = scopeOf(T);

/** A fake whose unexpected members throw, so a service calling more than it should fails. */
function strict<F extends object>(impl: Partial<F>): F {
  return new Proxy(impl, {
    get(target, key) {
      if (key in target) return target[key as keyof typeof target];
      throw new Error(`unexpected use of ${String(key)}`);
    },
  }) as F;
}

const existing: Context = {
  id: 1,
  uuid: U,
  tenant_uuid: T,
  name: `ctx-acme-internal-${U}`,
  label: 'Main',
  type: 'internal',
  description: null,
  enabled: true,
  user_ranges: [{ start: '1000', end: '1999' }],
  group_ranges: [],
  queue_ranges: [],
  conference_room_ranges: [],
  incall_ranges: [],
  contexts: [],
};

describe('contexts service', () => {
  let uow: FakeUnitOfWork;
  let created: ContextRecord[];
  let edited: Context[];
  let deleted: Context[];
  let extensionId: number | null;

  function service(dao: Partial<ContextsDao> = {}) {
    const fullDao = strict<ContextsDao>({
      tenantSlug: async (_tx, s, uuid) => (uuid === T && s.tenantUuids.includes(T) ? 'acme' : undefined),
      create: async (_tx, s, record) => {
        if (!s.tenantUuids.includes(record.tenant_uuid)) return null;
        created.push(record);
        return { id: 7, ...record, contexts: [] };
      },
      find: async (_tx, s, id) => (s.tenantUuids.includes(T) && id === 1 ? existing : null),
      edit: async (_tx, _s, context) => edited.push(context) > 0,
      delete: async (_tx, _s, context) => deleted.push(context) > 0,
      firstExtensionId: async () => extensionId,
      firstLineId: async () => null,
      ...dao,
    });
    const validator = createContextsValidator({ dao: fullDao });
    return createContextsService({
      uow,
      dao: fullDao,
      validator,
      notifier: createContextsNotifier(),
      newUuid: () => U,
    });
  }

  beforeEach(() => {
    uow = createFakeUnitOfWork();
    created = [];
    edited = [];
    deleted = [];
    extensionId = null;
  });

  it('when a context is created with a label only, then it gets Wazo name and defaults and an event', async () => {
    const context = await service().create(scope, T, { label: 'Sales', user_ranges: [{ start: '1000' }] });
    assert.equal(context.name, `ctx-acme-internal-${U}`);
    assert.equal(context.type, 'internal');
    assert.equal(context.enabled, true);
    assert.deepEqual(created[0]?.user_ranges, [{ start: '1000', end: '1000' }]);
    assert.equal(uow.events.length, 1);
    assert.equal(uow.events[0]?.name, 'context_created');
    assert.deepEqual(uow.events[0]?.data, { id: 7, name: context.name, type: 'internal', tenant_uuid: T });
    assert.equal(uow.events[0]?.headers.tenant_uuid, T);
  });

  it('when an incall range is given without did_length, then it is stored as 0', async () => {
    await service().create(scope, T, {
      label: 'In',
      type: 'incall',
      incall_ranges: [{ start: '100', end: '199' }],
    });
    assert.deepEqual(created[0]?.incall_ranges, [{ start: '100', end: '199', did_length: 0 }]);
    assert.match(created[0]!.name, /^ctx-acme-incall-/);
  });

  for (const [range, message] of [
    [{ start: '10', end: '100' }, "{0: {'_schema': ['Start and end must be of the same length']}}"],
    [
      { start: '200', end: '100' },
      "{0: {'_schema': ['Start of range must be lower than or equal to the end']}}",
    ],
    [{ start: '1a' }, "{0: {'start': ['Invalid input.']}}"],
    [{ start: '12345678901234567' }, "{0: {'start': ['Longer than maximum length 16.']}}"],
  ] as const) {
    it(`when a user range is ${JSON.stringify(range)}, then Wazo's schema error is raised and nothing is written`, async () => {
      await assert.rejects(service().create(scope, T, { label: 'X', user_ranges: [range] }), {
        message: `Input Error - user_ranges: ${message}`,
      });
      assert.deepEqual([created, uow.events], [[], []]);
    });
  }

  it('when the tenant is unknown, then the creation fails without event', async () => {
    const other = '22222222-2222-4222-8222-222222222222';
    await assert.rejects(service().create(scope, other, { label: 'X' }), {
      message: `Resource Not Found - Tenant was not found ('uuid': '${other}')`,
    });
    assert.equal(uow.events.length, 0);
  });

  it('when the tenant is outside the caller scope, then Tenant is not found and nothing is written', async () => {
    await assert.rejects(service().create(scopeOf(U), T, { label: 'X' }), {
      message: `Resource Not Found - Tenant was not found ('uuid': '${T}')`,
    });
    assert.deepEqual([created, uow.events], [[], []]);
  });

  it('when the dao writes nothing (context gone from the scope), then edit and delete answer not found', async () => {
    const svc = service({ edit: async () => false, delete: async () => false });
    await assert.rejects(svc.edit(scope, 1, { label: 'X' }), /Context was not found \('id': 1\)/);
    await assert.rejects(svc.delete(scope, 1), /Context was not found \('id': 1\)/);
    assert.equal(uow.events.length, 0);
  });

  it('when a context is missing or in another tenant, then it is not found', async () => {
    await assert.rejects(service().get(scope, 42), {
      message: "Resource Not Found - Context was not found ('id': 42)",
    });
    await assert.rejects(service().get(scopeOf('other'), 1), /Context was not found/);
  });

  it('when a context is edited, then its name stays, given fields change and an event is queued', async () => {
    await service().edit(scope, 1, {
      label: 'Renamed',
      type: 'others',
      group_ranges: [{ start: '20', end: '29' }],
    });
    assert.equal(edited[0]?.name, existing.name);
    assert.equal(edited[0]?.label, 'Renamed');
    assert.deepEqual(edited[0]?.user_ranges, existing.user_ranges);
    assert.deepEqual(edited[0]?.group_ranges, [{ start: '20', end: '29' }]);
    assert.deepEqual(uow.events[0]?.data, { id: 1, name: existing.name, type: 'others', tenant_uuid: T });
    assert.equal(uow.events[0]?.name, 'context_edited');
  });

  it('when a context still has an extension, then the deletion is refused in Wazo words', async () => {
    extensionId = 9;
    await assert.rejects(service().delete(scope, 1), {
      message: "Resource Error - Context is associated with a Extension ('context_id': 1, 'extension_id': 9)",
    });
    assert.deepEqual([deleted, uow.events], [[], []]);
  });

  it('when a context has a line, then the deletion is refused too', async () => {
    const svc = service({ firstLineId: async () => 3 });
    await assert.rejects(svc.delete(scope, 1), {
      message: "Resource Error - Context is associated with a Line ('context_id': 1, 'line_id': 3)",
    });
  });

  it('when an unused context is deleted, then context_deleted is queued', async () => {
    await service().delete(scope, 1);
    assert.equal(deleted.length, 1);
    assert.equal(uow.events[0]?.name, 'context_deleted');
    assert.equal(uow.events[0]?.routingKey, 'config.contexts.deleted');
  });
});
