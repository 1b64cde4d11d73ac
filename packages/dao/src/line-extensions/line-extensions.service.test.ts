import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import type { Context } from '../contexts/contexts.model.js';
import type { Extension } from '../extensions/extensions.model.js';
import type { Line } from '../lines/lines.model.js';
import { scopeOf } from '../search/search.js';
import { createFakeUnitOfWork, type FakeUnitOfWork } from '../testing/index.js';
import type { LineExtensionsDao } from './line-extensions.dao.js';
import type { LineExtension } from './line-extensions.model.js';
import { createLineExtensionsNotifier } from './line-extensions.notifier.js';
import { createLineExtensionsService } from './line-extensions.service.js';
import { createLineExtensionsValidator } from './line-extensions.validator.js';

const T = 'tenant-a';
const scope = scopeOf(T, 'tenant-b');

function strict<F extends object>(impl: Partial<F>): F {
  return new Proxy(impl, {
    get(target, key) {
      if (key in target) return target[key as keyof typeof target];
      throw new Error(`unexpected use of ${String(key)}`);
    },
  }) as F;
}

const line = (id: number, protocol: Line['protocol'] = 'sip', device_id: string | null = null) =>
  ({ id, tenant_uuid: T, protocol, device_id }) as Line;
const extension = (id: number, exten: string, context = 'default', tenant = T) =>
  ({ id, exten, context, tenant_uuid: tenant, lines: [] }) as unknown as Extension;
const context = (name: string, type: Context['type']) =>
  ({ name, type, user_ranges: [{ start: '1000', end: '1999' }] }) as unknown as Context;

describe('line-extensions service', () => {
  let uow: FakeUnitOfWork;
  let links: LineExtension[];
  let mainUsers: { line_id: number; user_id: number }[];
  const lines = new Map([1, 2].map((id) => [id, line(id)]));
  lines.set(3, line(3, null));
  lines.set(4, line(4, 'sip', 'dev'));
  const extensions = new Map([
    [10, extension(10, '1000')],
    [11, extension(11, '2000')],
    [12, extension(12, '5000', 'from-extern')],
    [13, extension(13, '1001', 'default', 'tenant-b')],
    [14, extension(14, '_1XXX')],
    [15, extension(15, '1500')],
  ]);
  const contexts = [context('default', 'internal'), context('from-extern', 'incall')];

  function service(overrides: Partial<LineExtensionsDao> = {}) {
    const dao = strict<LineExtensionsDao>({
      find: async (_tx, _s, l, e) => links.find((x) => x.line_id === l && x.extension_id === e) ?? null,
      listByLine: async (_tx, _s, l) =>
        links
          .filter((x) => x.line_id === l)
          .sort((a, b) => Number(b.main_extension) - Number(a.main_extension)),
      listByExtension: async (_tx, _s, e) => links.filter((x) => x.extension_id === e),
      mainUsersOf: async (_tx, _s, ids) => mainUsers.filter((m) => ids.includes(m.line_id)),
      // Extension 15 serves group 7.
      groupServing: async (_tx, e) => (e === 15 ? 7 : null),
      associate: async (_tx, _s, link) => links.push(link) > 0,
      dissociate: async (_tx, _s, l, e) => {
        links = links.filter((x) => !(x.line_id === l && x.extension_id === e));
        return true;
      },
      setMainExtension: async (_tx, _s, l, e) => {
        links.find((x) => x.line_id === l && x.extension_id === e)!.main_extension = true;
        return true;
      },
      ...overrides,
    });
    return createLineExtensionsService({
      uow,
      dao,
      validator: createLineExtensionsValidator({ dao }),
      notifier: createLineExtensionsNotifier(),
      lines: { find: async (_tx, _s, id) => lines.get(id) ?? null },
      extensions: { find: async (_tx, _s, id) => extensions.get(id) ?? null },
      contexts: { findByName: async (_tx, _s, name) => contexts.find((c) => c.name === name) ?? null },
    });
  }

  beforeEach(() => {
    uow = createFakeUnitOfWork();
    links = [];
    mainUsers = [];
  });

  it('when a line gets an extension in its user range, then it is main and the event is queued', async () => {
    const link = await service().associate(scope, 1, 10);
    assert.equal(link.main_extension, true);
    assert.equal(uow.events[0]?.name, 'line_extension_associated');
    assert.deepEqual(uow.events[0]?.data, { line_id: 1, extension_id: 10 });
    assert.equal(uow.events[0]?.routingKey, 'config.line_extension_associated.updated');
    await service().associate(scope, 1, 10);
    assert.equal(uow.events.length, 1);
  });

  it('when the extension is outside the user ranges, then Wazo input error is raised; patterns pass', async () => {
    await assert.rejects(service().associate(scope, 1, 11), {
      message: "Input Error - Extension '2000' is outside of range for context 'default'",
    });
    await service().associate(scope, 2, 14);
  });

  it('when the rules are broken, then the errors come in Wazo order and words', async () => {
    await assert.rejects(service().associate(scope, 1, 13), {
      message:
        "Resource Error - different tenants ('extension_tenant_uuid': 'tenant-b', 'line_tenant_uuid': 'tenant-a')",
    });
    await assert.rejects(service().associate(scope, 3, 10), {
      message: "Resource Error - Line must be associated with a Endpoint ('line_id': 3)",
    });
    await assert.rejects(service().associate(scope, 1, 15), {
      message:
        "Resource Error - Extension is associated with a group ('extension_id': 15, 'associated_id': 7)",
    });
    await assert.rejects(service().associate(scope, 1, 12), {
      message:
        "Resource Error - ContextType 'incall' cannot be associated ('id': 12, 'context': 'from-extern')",
    });
    links.push({ line_id: 1, extension_id: 14, main_extension: true });
    await assert.rejects(service().associate(scope, 1, 10), {
      message: "Resource Error - Line is associated with a Extension ('line_id': 1, 'extension_id': 14)",
    });
    assert.equal(uow.events.length, 0);
  });

  it("when another user's line already has the extension, then it is refused", async () => {
    links.push({ line_id: 2, extension_id: 10, main_extension: true });
    mainUsers = [
      { line_id: 1, user_id: 7 },
      { line_id: 2, user_id: 8 },
    ];
    await assert.rejects(service().associate(scope, 1, 10), {
      message: "Resource Error - User is associated with a Line ('user_id': 8, 'line_id': 2)",
    });
  });

  it('when the main extension is dissociated, then the event is queued; a device blocks it', async () => {
    links.push(
      { line_id: 1, extension_id: 10, main_extension: true },
      { line_id: 1, extension_id: 14, main_extension: false },
    );
    await service().dissociate(scope, 1, 10);
    assert.deepEqual(links, [{ line_id: 1, extension_id: 14, main_extension: true }]);
    assert.deepEqual(uow.events[0]?.data, { line_id: 1, extension_id: 10 });
    links.push({ line_id: 4, extension_id: 10, main_extension: true });
    await assert.rejects(service().dissociate(scope, 4, 10), {
      message: "Resource Error - Line is associated with a Device ('line_id': 4, 'device_id': 'dev')",
    });
    await assert.rejects(service().dissociate(scope, 9, 10), {
      message: "Resource Not Found - Line was not found ('id': 9)",
    });
  });

  it('when the dao links nothing (line or extension gone from the scope), then Line is not found and no event', async () => {
    await assert.rejects(service({ associate: async () => false }).associate(scope, 1, 10), {
      message: "Resource Not Found - Line was not found ('id': 1)",
    });
    assert.equal(uow.events.length, 0);
  });
});
