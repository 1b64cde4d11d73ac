/**
 * The link service with strict fakes, run for every declared link kind (a table of owner kinds):
 * Wazo's no-ops, refusals, 404s and events, byte for byte. Then the options no kind uses yet:
 * refusing a second association of a pair, and a kind's own rules.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { groupScheduleLink } from '../group-schedules/group-schedules.link.js';
import type { Group } from '../groups/groups.model.js';
import type { Schedule } from '../schedules/schedules.model.js';
import { scopeOf } from '../search/search.js';
import { createFakeUnitOfWork } from '../testing/index.js';
import { userScheduleLink } from '../user-schedules/user-schedules.link.js';
import type { LinkDao } from './links.dao.js';
import type { LinkKey, LinkKind, Tenanted } from './links.kind.js';
import { createLinkNotifier } from './links.notifier.js';
import { createLinkService } from './links.service.js';
import { createLinkValidator, type LinkRules } from './links.validator.js';

const T = '00000000-0000-4000-8000-00000000000a';
const OTHER = '00000000-0000-4000-8000-00000000000b';
const schedules = [
  { id: 5, tenant_uuid: T },
  { id: 6, tenant_uuid: T },
  { id: 7, tenant_uuid: OTHER },
] as Schedule[];

type Owner = Tenanted & { id: number; uuid: string };
const user: Owner = { id: 1, uuid: '11111111-1111-4111-8111-111111111111', tenant_uuid: T };
const group = { id: 3, uuid: '33333333-3333-4333-8333-333333333333', tenant_uuid: T } as Group;

/** Each declared kind, what its dao is keyed by, and what Wazo says and sends for it. */
const kinds = [
  {
    label: 'user',
    kind: userScheduleLink as LinkKind<Owner, Schedule, unknown, unknown>,
    owner: user,
    daoKey: user.uuid,
    linked: "Resource Error - User is associated with a Schedule ('user_id': 1, 'schedule_id': 6)",
    tenants: `Resource Error - different tenants ('user_tenant_uuid': '${T}', 'schedule_tenant_uuid': '${OTHER}')`,
    data: { user_uuid: user.uuid, schedule_id: 5 },
    header: `user_uuid:${user.uuid}`,
  },
  {
    label: 'group',
    kind: groupScheduleLink as LinkKind<Owner, Schedule, unknown, unknown>,
    owner: group,
    daoKey: group.id,
    linked: `Resource Error - Group is associated with a Schedule ('group_uuid': '${group.uuid}', 'schedule_id': 6)`,
    tenants: `Resource Error - different tenants ('group_tenant_uuid': '${T}', 'schedule_tenant_uuid': '${OTHER}')`,
    data: { group_id: 3, group_uuid: group.uuid, schedule_id: 5 },
    header: 'user_uuid:*',
  },
];

interface Setup {
  kind: LinkKind<Owner, Schedule, unknown, unknown>;
  owner: Owner;
  /** The schedule linked to the owner, if any. */
  current: number | null;
  /** The dao writes nothing (the owner left the scope in between). */
  writesNothing?: boolean;
  rules?: LinkRules<Owner, Schedule>;
}

function setup({ kind, owner, current, writesNothing, rules }: Setup) {
  const uow = createFakeUnitOfWork();
  const calls: unknown[] = [];
  const write = (name: string) => async (_tx: unknown, _s: unknown, key: LinkKey, id: LinkKey) =>
    calls.push([name, key, id]) > 0 && !writesNothing;
  // Strict: only what the service and validator use; anything else is a TypeError.
  const dao = {
    exists: async (_tx: unknown, _s: unknown, _key: LinkKey, id: LinkKey) => current === id,
    resourceKeysOf: async () => (current === null ? [] : [current]),
    associate: write('associate'),
    dissociate: write('dissociate'),
  } as unknown as LinkDao<unknown, unknown>;
  const service = createLinkService({
    uow,
    kind,
    dao,
    findOwner: async (_tx, _scope, key) => (key === owner.id || key === owner.uuid ? owner : null),
    findResource: async (_tx, _scope, id: number) => schedules.find((s) => s.id === id) ?? null,
    validator: createLinkValidator({ kind, dao, ...(rules ? { rules } : {}) }),
    notifier: createLinkNotifier(kind.events),
  });
  return { uow, calls, service };
}

for (const { label, kind, owner, daoKey, linked, tenants, data, header } of kinds) {
  describe(`${label} schedule link service`, () => {
    it(`when a ${label} without schedule gets one and loses it, then both events are queued`, async () => {
      const first = setup({ kind, owner, current: null });
      await first.service.associate(scopeOf(T), owner.uuid, 5);
      const second = setup({ kind, owner, current: 5 });
      await second.service.dissociate(scopeOf(T), owner.id, 5);
      assert.deepEqual(
        [...first.calls, ...second.calls],
        [
          ['associate', daoKey, 5],
          ['dissociate', daoKey, 5],
        ],
      );
      assert.deepEqual(
        [...first.uow.events, ...second.uow.events].map((e) => [e.name, e.data, e.headers[header]]),
        [
          [`${label}_schedule_associated`, data, true],
          [`${label}_schedule_dissociated`, data, true],
        ],
      );
    });

    it('when the association already exists, or the dissociation too, then nothing happens', async () => {
      const linked = setup({ kind, owner, current: 5 });
      await linked.service.associate(scopeOf(T), owner.id, 5);
      const unlinked = setup({ kind, owner, current: null });
      await unlinked.service.dissociate(scopeOf(T), owner.id, 5);
      assert.deepEqual([...linked.calls, ...unlinked.calls], []);
      assert.equal(linked.uow.events.length + unlinked.uow.events.length, 0);
    });

    it(`when the ${label} has another schedule or the schedule is of another tenant, then it is refused`, async () => {
      await assert.rejects(setup({ kind, owner, current: 6 }).service.associate(scopeOf(T), owner.id, 5), {
        message: linked,
      });
      const foreign = setup({ kind, owner, current: null }).service.associate(scopeOf(T, OTHER), owner.id, 7);
      await assert.rejects(foreign, { message: tenants });
    });

    it(`when the ${label} or the schedule is unknown, then it is a 404`, async () => {
      const { service } = setup({ kind, owner, current: null });
      await assert.rejects(service.associate(scopeOf(T), 2, 5), {
        message: `Resource Not Found - ${kind.owner.name} was not found ('id': 2)`,
      });
      await assert.rejects(service.associate(scopeOf(T), '2', 5), { message: /\('id': 2\)$/ });
      const uuid = '99999999-9999-4999-9999-999999999999';
      await assert.rejects(service.dissociate(scopeOf(T), uuid, 5), {
        message: new RegExp(`'uuid': '${uuid}'`),
      });
      await assert.rejects(service.dissociate(scopeOf(T), owner.id, 99), {
        message: "Resource Not Found - Schedule was not found ('id': 99)",
      });
    });

    it('when either side is listed, then the dao is asked by the found key, and an unknown side is a 404', async () => {
      const asked: unknown[] = [];
      const { service } = setup({ kind, owner, current: null });
      const dao = {
        listByOwner: async (_tx: unknown, _s: unknown, key: LinkKey) =>
          asked.push(['owner', key]) && [{ id: 5 }],
        listByResource: async (_tx: unknown, _s: unknown, id: LinkKey) => asked.push(['resource', id]) && [],
      } as unknown as LinkDao<unknown, unknown>;
      const lists = createLinkService({
        uow: createFakeUnitOfWork(),
        kind,
        dao,
        findOwner: async (_tx, _scope, key) => (key === owner.uuid ? owner : null),
        findResource: async (_tx, _scope, id: number) => schedules.find((s) => s.id === id) ?? null,
        validator: createLinkValidator({ kind, dao }),
        notifier: createLinkNotifier(kind.events),
      });
      assert.deepEqual(await lists.resourcesOf(scopeOf(T), owner.uuid), [{ id: 5 }]);
      assert.deepEqual(await lists.ownersOf(scopeOf(T), 6), []);
      assert.deepEqual(asked, [
        ['owner', daoKey],
        ['resource', 6],
      ]);
      await assert.rejects(service.ownersOf(scopeOf(T), 99), /Schedule was not found \('id': 99\)/);
    });

    it(`when the dao writes nothing (gone from the scope), then ${label} is not found and no event is queued`, async () => {
      const linking = setup({ kind, owner, current: null, writesNothing: true });
      const notFound = new RegExp(`${kind.owner.name} was not found \\('${kind.owner.key}'`);
      await assert.rejects(linking.service.associate(scopeOf(T), owner.uuid, 5), notFound);
      const unlinking = setup({ kind, owner, current: 5, writesNothing: true });
      await assert.rejects(unlinking.service.dissociate(scopeOf(T), owner.id, 5), notFound);
      assert.deepEqual([...linking.uow.events, ...unlinking.uow.events], []);
    });
  });
}

describe('link service options', () => {
  const many = { ...userScheduleLink, perOwner: 'many' } as LinkKind<Owner, Schedule, unknown, unknown>;

  it('when a kind refuses a linked pair, then associating it again is Wazo’s error and queues nothing', async () => {
    const refusing = { ...many, whenLinked: 'refuse' } as LinkKind<Owner, Schedule, unknown, unknown>;
    const { uow, calls, service } = setup({ kind: refusing, owner: user, current: 5 });
    await assert.rejects(service.associate(scopeOf(T), user.id, 5), {
      message: "Resource Error - User is associated with a Schedule ('user_id': 1, 'schedule_id': 5)",
    });
    assert.deepEqual([calls, uow.events], [[], []]);
  });

  it('when a kind allows many resources, then an owner with one gets another', async () => {
    const { calls, uow, service } = setup({ kind: many, owner: user, current: 6 });
    await service.associate(scopeOf(T), user.id, 5);
    assert.deepEqual(calls, [['associate', user.uuid, 5]]);
    assert.deepEqual(
      uow.events.map((e) => e.name),
      ['user_schedule_associated'],
    );
  });

  it("when a kind's own rule refuses, then nothing is written; its dissociation rule runs too", async () => {
    const seen: string[] = [];
    const rules: LinkRules<Owner, Schedule> = {
      validateAssociation: (_tx, _scope, owner, schedule) => {
        seen.push(`associate ${owner.id} ${schedule.id}`);
        throw new Error('refused by the kind');
      },
      validateDissociation: (_tx, _scope, owner, schedule) =>
        void seen.push(`dissociate ${owner.id} ${schedule.id}`),
    };
    const kind = userScheduleLink as LinkKind<Owner, Schedule, unknown, unknown>;
    const linking = setup({ kind, owner: user, current: null, rules });
    await assert.rejects(linking.service.associate(scopeOf(T), user.id, 5), /refused by the kind/);
    const unlinking = setup({ kind, owner: user, current: 5, rules });
    await unlinking.service.dissociate(scopeOf(T), user.id, 5);
    assert.deepEqual(seen, ['associate 1 5', 'dissociate 1 5']);
    assert.deepEqual(linking.calls, []);
    assert.deepEqual(unlinking.calls, [['dissociate', user.uuid, 5]]);
  });
});
