import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import type { Line } from '../lines/lines.model.js';
import { scopeOf } from '../search/search.js';
import { createFakeUnitOfWork, type FakeUnitOfWork } from '../testing/index.js';
import type { UserLinesDao } from './user-lines.dao.js';
import type { AssociatedUser, UserLine } from './user-lines.model.js';
import { createUserLinesNotifier } from './user-lines.notifier.js';
import { createUserLinesService } from './user-lines.service.js';
import { createUserLinesValidator } from './user-lines.validator.js';

const T = 'tenant-a';
const scope = scopeOf(T, 'tenant-b');
const alice: AssociatedUser = { id: 1, uuid: 'aaaaaaaa-0000-4000-8000-000000000001', tenant_uuid: T };
const bob: AssociatedUser = { id: 2, uuid: 'bbbbbbbb-0000-4000-8000-000000000002', tenant_uuid: T };
const stranger: AssociatedUser = {
  id: 3,
  uuid: 'cccccccc-0000-4000-8000-000000000003',
  tenant_uuid: 'tenant-b',
};
const users = [alice, bob, stranger];

function strict<F extends object>(impl: Partial<F>): F {
  return new Proxy(impl, {
    get(target, key) {
      if (key in target) return target[key as keyof typeof target];
      throw new Error(`unexpected use of ${String(key)}`);
    },
  }) as F;
}

const line = (id: number, protocol: Line['protocol'] = 'sip', device_id: string | null = null) =>
  ({
    id,
    tenant_uuid: T,
    name: `line${id}`,
    protocol,
    device_id,
    endpoint_sip:
      protocol === 'sip'
        ? { uuid: `sip-${id}`, label: null, name: `line${id}`, auth_section_options: [] }
        : null,
    endpoint_sccp: null,
    endpoint_custom: null,
  }) as unknown as Line;

describe('user-lines service', () => {
  let uow: FakeUnitOfWork;
  let links: UserLine[];
  let lines: Map<number, Line>;

  function service(overrides: Partial<UserLinesDao> = {}) {
    const byUser = (id: number) =>
      links
        .filter((l) => l.user_id === id)
        .sort((a, b) => Number(b.main_line) - Number(a.main_line) || a.line_id - b.line_id);
    const dao = strict<UserLinesDao>({
      findUser: async (_tx, s, key) =>
        users.find(
          (u) => (u.id === Number(key) || u.uuid === key) && s.tenantUuids.includes(u.tenant_uuid),
        ) ?? null,
      usersByIds: async (_tx, _s, ids) => users.filter((u) => ids.includes(u.id)),
      find: async (_tx, _s, u, l) => links.find((x) => x.user_id === u && x.line_id === l) ?? null,
      listByUser: async (_tx, _s, id) => byUser(id),
      listByLine: async (_tx, _s, id) =>
        links.filter((l) => l.line_id === id).sort((a, b) => Number(b.main_user) - Number(a.main_user)),
      linesSharingMainExtension: async () => null,
      associate: async (_tx, _s, link) =>
        links.push({ ...link, user_uuid: users.find((u) => u.id === link.user_id)!.uuid }) > 0,
      dissociate: async (_tx, _s, u, l) => {
        links = links.filter((x) => !(x.user_id === u && x.line_id === l));
        return true;
      },
      setMainLine: async (_tx, _s, u, l) => {
        const link = links.find((x) => x.user_id === u && x.line_id === l)!;
        link.main_line = true;
        return true;
      },
      ...overrides,
    });
    return createUserLinesService({
      uow,
      dao,
      validator: createUserLinesValidator({ dao }),
      notifier: createUserLinesNotifier(),
      lines: { find: async (_tx, _s, id) => lines.get(id) ?? null },
    });
  }

  beforeEach(() => {
    uow = createFakeUnitOfWork();
    links = [];
    lines = new Map([1, 2].map((id) => [id, line(id)]));
    lines.set(3, line(3, null));
    lines.set(4, line(4, 'sip', 'device-1'));
  });

  it('when a user gets its first line, then it is main line and main user, with Wazo event payload', async () => {
    const link = await service().associate(scope, alice.uuid, 1);
    assert.deepEqual([link.main_line, link.main_user], [true, true]);
    const event = uow.events[0]!;
    assert.equal(event.name, 'user_line_associated');
    assert.equal(event.routingKey, `config.users.${alice.uuid}.lines.1.updated`);
    assert.equal(event.headers[`user_uuid:${alice.uuid}`], true);
    assert.deepEqual(event.data, {
      user: { id: 1, uuid: alice.uuid, tenant_uuid: T },
      line: {
        id: 1,
        name: 'line1',
        endpoint_sip: { uuid: 'sip-1' },
        endpoint_sccp: null,
        endpoint_custom: null,
      },
      main_user: true,
      main_line: true,
    });
  });

  it('when a second line or a second user comes, then they are secondary; repeating is a silent no-op', async () => {
    await service().associate(scope, alice.id, 1);
    assert.equal((await service().associate(scope, alice.id, 2)).main_line, false);
    assert.equal((await service().associate(scope, bob.id, 1)).main_user, false);
    uow.reset();
    await service().associate(scope, alice.id, 1);
    assert.equal(uow.events.length, 0);
  });

  it('when the line has no endpoint or another tenant, then Wazo resource errors are raised', async () => {
    await assert.rejects(service().associate(scope, alice.id, 3), {
      message: "Resource Error - Line must be associated with a Endpoint ('line_id': 3)",
    });
    await assert.rejects(service().associate(scope, stranger.id, 1), {
      message:
        "Resource Error - different tenants ('user_tenant_uuid': 'tenant-b', 'line_tenant_uuid': 'tenant-a')",
    });
    await assert.rejects(service().associate(scopeOf(T), stranger.id, 1), {
      message: "Resource Not Found - User was not found ('id': 3)",
    });
    await assert.rejects(service().associate(scope, alice.id, 9), {
      message: "Resource Not Found - Line was not found ('id': 9)",
    });
    assert.equal(uow.events.length, 0);
  });

  it('when the main line is dissociated, then the oldest other line becomes main and an event is queued', async () => {
    await service().associate(scope, alice.id, 1);
    await service().associate(scope, alice.id, 2);
    uow.reset();
    await service().dissociate(scope, alice.uuid, 1);
    assert.deepEqual(links, [
      { user_id: 1, user_uuid: alice.uuid, line_id: 2, main_user: true, main_line: true },
    ]);
    assert.equal(uow.events[0]?.name, 'user_line_dissociated');
    assert.equal((uow.events[0]!.data as { main_line: boolean }).main_line, true);
    await service().dissociate(scope, alice.uuid, 1);
    assert.equal(uow.events.length, 1);
  });

  it('when the main user leaves secondary users, or the line has a device, then dissociation is refused', async () => {
    await service().associate(scope, alice.id, 1);
    await service().associate(scope, bob.id, 1);
    await assert.rejects(service().dissociate(scope, alice.id, 1), {
      message: "Resource Error - There are secondary users associated to the line ('line_id': 1)",
    });
    await service().dissociate(scope, bob.id, 1);
    links.push({ user_id: 1, user_uuid: alice.uuid, line_id: 4, main_user: true, main_line: false });
    await assert.rejects(service().dissociate(scope, alice.id, 4), {
      message: "Resource Error - Line is associated with a Device ('line_id': 4, 'device_id': 'device-1')",
    });
  });

  it('when a line is deleted, then its users are dissociated in the same work with events', async () => {
    await service().associate(scope, alice.id, 1);
    uow.reset();
    await uow.run((tx) => service().dissociateAllFromLine(tx, scope, lines.get(1)!));
    assert.deepEqual(links, []);
    assert.deepEqual(
      uow.events.map((e) => e.name),
      ['user_line_dissociated'],
    );
  });

  it('when the dao links or unlinks nothing (gone from the scope), then Line is not found and no event', async () => {
    await assert.rejects(service({ associate: async () => false }).associate(scope, alice.id, 1), {
      message: "Resource Not Found - Line was not found ('id': 1)",
    });
    links.push({ user_id: 1, user_uuid: alice.uuid, line_id: 2, main_user: true, main_line: true });
    await assert.rejects(service({ dissociate: async () => false }).dissociate(scope, alice.id, 2), {
      message: "Resource Not Found - Line was not found ('id': 2)",
    });
    assert.equal(uow.events.length, 0);
  });
});
