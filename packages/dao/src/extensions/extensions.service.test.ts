import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import type { ContextsDao } from '../contexts/contexts.dao.js';
import type { Context } from '../contexts/contexts.model.js';
import { scopeOf } from '../search/search.js';
import { createFakeUnitOfWork, type FakeUnitOfWork } from '../testing/index.js';
import type { ExtensionsDao } from './extensions.dao.js';
import { type Extension, type ExtensionRecord, NO_OTHER_OWNERS } from './extensions.model.js';
import { createExtensionsNotifier } from './extensions.notifier.js';
import { createExtensionsService } from './extensions.service.js';
import { createExtensionsValidator } from './extensions.validator.js';

const T = 'tenant-a';
const T2 = 'tenant-b';
const scope = scopeOf(T, T2);

function strict<F extends object>(impl: Partial<F>): F {
  return new Proxy(impl, {
    get(target, key) {
      if (key in target) return target[key as keyof typeof target];
      throw new Error(`unexpected use of ${String(key)}`);
    },
  }) as F;
}

const ranges = {
  group_ranges: [],
  queue_ranges: [],
  conference_room_ranges: [],
  incall_ranges: [],
  contexts: [],
};
const context = (id: number, name: string, type: Context['type'], tenant = T): Context => ({
  id,
  uuid: `u${id}`,
  tenant_uuid: tenant,
  name,
  label: name,
  type,
  description: null,
  enabled: true,
  user_ranges: [{ start: '1000', end: '1999' }],
  ...ranges,
});
const contexts = [
  context(1, 'default', 'internal'),
  context(2, 'to-extern', 'outcall'),
  context(3, 'from-extern', 'incall'),
  context(4, 'elsewhere', 'internal', T2),
];

describe('extensions service', () => {
  let uow: FakeUnitOfWork;
  let rows: Map<number, ExtensionRecord>;
  let lines: Map<number, { id: number; name: string }[]>;

  function toExtension(id: number): Extension | null {
    const row = rows.get(id);
    const ctx = contexts.find((c) => c.id === row?.context_id);
    if (!row || !ctx) return null;
    const { context_id: _, ...fields } = row;
    return {
      id,
      ...fields,
      commented: !row.enabled,
      context: ctx.name,
      conference: null,
      parking_lot: null,
      tenant_uuid: ctx.tenant_uuid,
      lines: lines.get(id) ?? [],
      ...NO_OTHER_OWNERS,
      group: null,
      outcall: null,
    };
  }

  function service() {
    const dao = strict<ExtensionsDao>({
      find: async (_tx, s, id) => {
        const found = toExtension(id);
        return found && s.tenantUuids.includes(found.tenant_uuid) ? found : null;
      },
      findIdByExten: async (_tx, exten, contextId) =>
        [...rows].find(([, r]) => r.exten === exten && r.context_id === contextId)?.[0] ?? null,
      create: async (_tx, _s, record) => {
        rows.set(rows.size + 10, record);
        return rows.size + 9;
      },
      edit: async (_tx, _s, id, record) => rows.set(id, record).has(id),
      delete: async (_tx, _s, id) => rows.delete(id),
    });
    const contextsDao = strict<Pick<ContextsDao, 'findByName'>>({
      findByName: async (_tx, s, name) =>
        contexts.find((c) => c.name === name && s.tenantUuids.includes(c.tenant_uuid)) ?? null,
    });
    return createExtensionsService({
      uow,
      dao,
      validator: createExtensionsValidator({ dao }),
      notifier: createExtensionsNotifier(),
      contexts: contextsDao,
    });
  }

  beforeEach(() => {
    uow = createFakeUnitOfWork();
    rows = new Map([[1, { context_id: 1, exten: '1000', enabled: true }]]);
    lines = new Map();
  });

  it('when an extension is created, then it takes its context tenant and extension_created is queued', async () => {
    const created = await service().create(scope, { exten: '1001', context: 'default', commented: true });
    assert.deepEqual([created.tenant_uuid, created.enabled, created.commented], [T, false, true]);
    assert.equal(uow.events[0]?.name, 'extension_created');
    assert.deepEqual(uow.events[0]?.data, { id: created.id, exten: '1001', context: 'default' });
    assert.equal(uow.events[0]?.headers.tenant_uuid, T);
  });

  it('when exten and context are taken, then Wazo resource error is raised without event', async () => {
    await assert.rejects(service().create(scope, { exten: '1000', context: 'default' }), {
      message: "Resource Error - Extension already exists ('exten': '1000', 'context': 'default')",
    });
    assert.equal(uow.events.length, 0);
  });

  it('when the context is unknown or outside the scope, then the reference is not found', async () => {
    await assert.rejects(service().create(scopeOf(T), { exten: '1', context: 'elsewhere' }), {
      message: "Input Error - field 'context': Context was not found ('context': 'elsewhere')",
    });
  });

  it('when the exten does not fit the context type pattern, then the bare schema message is raised', async () => {
    await assert.rejects(service().create(scope, { exten: 'abc', context: 'default' }), {
      message: "exten: ['String does not match expected pattern.']",
    });
    await assert.rejects(service().create(scope, { exten: '+331000', context: 'default' }), /does not match/);
    await service().create(scope, { exten: '_+33XXXX', context: 'to-extern' });
    await service().create(scope, { exten: '_1XXX', context: 'default' });
  });

  it('when an extension of a line moves out of the user ranges, then it is refused', async () => {
    lines.set(1, [{ id: 5, name: 'abc' }]);
    await assert.rejects(service().edit(scope, 1, { exten: '2000' }), {
      message: "Input Error - Extension '2000' is outside of range for context 'default'",
    });
    await assert.rejects(service().edit(scope, 1, { context: 'from-extern' }), {
      message: "Resource Error - ContextType 'incall' cannot be associated",
    });
  });

  it('when an extension moves to a context of another tenant, then different tenants is raised', async () => {
    await assert.rejects(service().edit(scope, 1, { context: 'elsewhere' }), {
      message: `Resource Error - different tenants ('current_tenant_uuid': '${T}', 'context_tenant_uuid': '${T2}')`,
    });
  });

  it('when an extension is edited, then extension_edited carries the new values', async () => {
    await service().edit(scope, 1, { exten: '1500', enabled: false });
    assert.deepEqual(rows.get(1), { context_id: 1, exten: '1500', enabled: false });
    assert.deepEqual(uow.events[0]?.data, { id: 1, exten: '1500', context: 'default' });
    assert.equal(uow.events[0]?.name, 'extension_edited');
  });

  it('when a line owns the extension, then deletion is refused; else it is deleted with an event', async () => {
    lines.set(1, [{ id: 5, name: 'abc' }]);
    await assert.rejects(service().delete(scope, 1), {
      message:
        "Resource Error - Extension is associated with a line ('extension_id': 1, 'associated_ids': [5])",
    });
    lines.clear();
    await service().delete(scope, 1);
    assert.equal(rows.has(1), false);
    assert.equal(uow.events[0]?.name, 'extension_deleted');
  });

  it('when an extension is missing, then it is not found', async () => {
    await assert.rejects(service().get(scope, 77), {
      message: "Resource Not Found - Extension was not found ('id': 77)",
    });
  });
});
