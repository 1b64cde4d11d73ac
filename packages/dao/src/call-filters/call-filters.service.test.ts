import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { UserRef } from '../group-members/user-ref.js';
import { scopeOf } from '../search/search.js';
import { createFakeUnitOfWork } from '../testing/index.js';
import type { CallFiltersDao } from './call-filters.dao.js';
import type { CallFilter, CallFilterMemberRow, CallFilterRole } from './call-filters.model.js';
import { createCallFiltersNotifier } from './call-filters.notifier.js';
import { createCallFiltersService } from './call-filters.service.js';
import { createCallFiltersValidator } from './call-filters.validator.js';

const T = '00000000-0000-4000-8000-00000000000a';
const OTHER = '00000000-0000-4000-8000-00000000000b';
const FILTER = { id: 7, tenant_uuid: T } as CallFilter;
const u1: UserRef = { id: 1, uuid: '11111111-1111-4111-8111-111111111111', tenant_uuid: T };
const u2: UserRef = { id: 2, uuid: '22222222-2222-4222-8222-222222222222', tenant_uuid: T };
const foreign: UserRef = { id: 9, uuid: '99999999-9999-4999-8999-999999999999', tenant_uuid: OTHER };
const users = [u1, u2, foreign];

/** A filter whose members are `members` (user ids by role); writes are recorded. */
function setup(members: Partial<Record<CallFilterRole, number[]>> = {}) {
  const uow = createFakeUnitOfWork();
  const writes: [CallFilterRole, CallFilterMemberRow[]][] = [];
  const dao = {
    find: async (_tx: unknown, _scope: unknown, id: number) => (id === FILTER.id ? FILTER : null),
    memberUserIds: async (_tx: unknown, _id: number, role: CallFilterRole) => members[role] ?? [],
    replaceMembers: async (_tx: unknown, _id: number, role: CallFilterRole, rows: CallFilterMemberRow[]) => {
      writes.push([role, rows]);
    },
    idByName: async () => null,
  } as unknown as CallFiltersDao;
  const service = createCallFiltersService({
    uow,
    dao,
    validator: createCallFiltersValidator({ dao }),
    notifier: createCallFiltersNotifier(),
    // By uuid only: the service never asks for a key that is not one.
    findUser: async (_tx, _scope, key) => users.find((u) => u.uuid === key) ?? null,
  });
  return { uow, writes, service };
}

describe('call filters service: members', () => {
  it('when recipients are given, then a timeout of 0 is no limit and the event names the users', async () => {
    const { uow, writes, service } = setup();
    await service.associateRecipients(scopeOf(T), 7, [{ uuid: u1.uuid, timeout: 0 }]);
    assert.deepEqual(writes, [['recipient', [{ user_id: 1, timeout: null }]]]);
    assert.equal(uow.events[0]?.name, 'call_filter_recipient_users_associated');
    assert.deepEqual(uow.events[0]?.data, { call_filter_id: 7, user_uuids: [u1.uuid] });
  });

  it('when surrogates are given, then in order, and the event names them in that order', async () => {
    const { uow, writes, service } = setup({ recipient: [] });
    await service.associateSurrogates(scopeOf(T), 7, [{ uuid: u2.uuid }, { uuid: u1.uuid }]);
    assert.deepEqual(writes, [
      [
        'surrogate',
        [
          { user_id: 2, timeout: null },
          { user_id: 1, timeout: null },
        ],
      ],
    ]);
    assert.deepEqual(uow.events[0]?.data, { call_filter_id: 7, user_uuids: [u2.uuid, u1.uuid] });
  });

  it("when Wazo's rules are broken, then its words, no write and no event", async () => {
    const cases: [() => Promise<void>, string][] = [
      [
        () => setup().service.associateRecipients(scopeOf(T), 7, [{ uuid: u1.uuid }, { uuid: u2.uuid }]),
        'Resource Error - Operation not permitted. Cannot associate more than one recipient',
      ],
      [
        () => setup({ surrogate: [1] }).service.associateRecipients(scopeOf(T), 7, [{ uuid: u1.uuid }]),
        `Resource Error - CallFilter is associated with a 7 ('surrogate_user_uuid': '${u1.uuid}')`,
      ],
      [
        () => setup({ recipient: [2] }).service.associateSurrogates(scopeOf(T), 7, [{ uuid: u2.uuid }]),
        `Resource Error - CallFilter is associated with a 7 ('recipient_user_uuid': '${u2.uuid}')`,
      ],
      [
        () => setup().service.associateSurrogates(scopeOf(T), 7, [{ uuid: u1.uuid }, { uuid: u1.uuid }]),
        'Resource Error - Operation not permitted. Cannot associate same user more than once',
      ],
      [
        () => setup().service.associateSurrogates(scopeOf(T, OTHER), 7, [{ uuid: foreign.uuid }]),
        `Resource Error - different tenants ('call_filter_tenant_uuid': '${T}', 'user_tenant_uuid': '${OTHER}')`,
      ],
      [
        () => setup().service.associateSurrogates(scopeOf(T), 7, [{ uuid: '1' }]),
        "Input Error - field 'users': User was not found ('uuid': '1')",
      ],
      [
        () => setup().service.associateRecipients(scopeOf(T), 8, []),
        "Resource Not Found - CallFilter was not found ('id': 8)",
      ],
    ];
    for (const [attempt, message] of cases) await assert.rejects(attempt(), { message });
    const { uow, writes, service } = setup({ surrogate: [1] });
    await assert.rejects(service.associateRecipients(scopeOf(T), 7, [{ uuid: u1.uuid }]));
    assert.deepEqual([writes, uow.events, uow.runs.rolledBack], [[], [], 1]);
  });
});
