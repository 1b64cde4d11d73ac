import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import { scopeOf } from '../search/search.js';
import { createFakeUnitOfWork, type FakeUnitOfWork } from '../testing/index.js';
import { absentUserRelations } from './users.mapping.js';
import type { User, UserValues } from './users.model.js';
import { createUsersNotifier } from './users.notifier.js';
import { createUsersService, type UsersServiceDeps } from './users.service.js';
import { createUsersValidator } from './users.validator.js';

const T = '00000000-0000-4000-8000-00000000000a';
const U = '11111111-1111-4111-8111-111111111111';
const scope = scopeOf(T);

function aUser(fields: Partial<User> = {}): User {
  const forward = { enabled: false, destination: null };
  return {
    id: 42,
    uuid: U,
    tenant_uuid: T,
    firstname: 'John',
    lastname: 'Doe',
    email: null,
    timezone: null,
    language: null,
    description: null,
    caller_id: '"John Doe"',
    outgoing_caller_id: null,
    mobile_phone_number: null,
    mobile_fallback_enabled: false,
    username: null,
    password: null,
    music_on_hold: null,
    preprocess_subroutine: null,
    userfield: null,
    call_transfer_enabled: false,
    dtmf_hangup_enabled: false,
    call_record_enabled: false,
    call_record_outgoing_external_enabled: false,
    call_record_outgoing_internal_enabled: false,
    call_record_incoming_external_enabled: false,
    call_record_incoming_internal_enabled: false,
    online_call_record_enabled: false,
    supervision_enabled: true,
    enabled: true,
    ring_seconds: 30,
    simultaneous_calls: 5,
    call_permission_password: null,
    subscription_type: 0,
    created_at: '2024-05-01T08:30:00.123456',
    func_key_template_id: null,
    services: { dnd: { enabled: false }, incallfilter: { enabled: false } },
    forwards: { busy: forward, noanswer: forward, unconditional: forward },
    ...absentUserRelations(),
    lines: [],
    groups: [],
    schedules: [],
    call_permissions: [],
    voicemail: null,
    ...fields,
  };
}

/** A strict in-memory dao: only the calls the service may make, each recorded. */
function fakeDao(stored: User[] = [aUser()]) {
  const calls: { created: UserValues[]; edited: Partial<UserValues>[]; deleted: number[] } = {
    created: [],
    edited: [],
    deleted: [],
  };
  const byKey = (key: number | string) => stored.find((u) => u.id === Number(key) || u.uuid === key);
  const dao: UsersServiceDeps['dao'] & {
    findIdByEmail: (tx: unknown, email: string) => Promise<number | undefined>;
    findIdByUsername: (tx: unknown, username: string) => Promise<number | undefined>;
  } = {
    search: async () => ({ total: stored.length, items: stored }),
    find: async (_tx, s, key) => (s.tenantUuids.includes(T) ? byKey(key) : undefined),
    findIdByEmail: async (_tx, email) =>
      stored.find((u) => u.email?.toLowerCase() === email.toLowerCase())?.id,
    findIdByUsername: async (_tx, username) => stored.find((u) => u.username === username)?.id,
    create: async (_tx, _s, tenantUuid, values) => {
      calls.created.push(values);
      return aUser({ ...(values as Partial<User>), id: 43, uuid: 'new', tenant_uuid: tenantUuid });
    },
    edit: async (_tx, _s, id, values) => {
      calls.edited.push(values);
      return aUser({ ...stored.find((u) => u.id === id), ...(values as Partial<User>) });
    },
    delete: async (_tx, _s, id) => {
      calls.deleted.push(id);
      return true;
    },
  };
  return { dao, calls };
}

describe('users service', () => {
  let uow: FakeUnitOfWork;
  let fake: ReturnType<typeof fakeDao>;
  let service: ReturnType<typeof createUsersService>;

  beforeEach(() => {
    uow = createFakeUnitOfWork();
    fake = fakeDao([aUser(), aUser({ id: 7, uuid: 'other', email: 'taken@example.com', username: 'taken' })]);
    const validator = createUsersValidator({ dao: fake.dao });
    service = createUsersService({ uow, dao: fake.dao, validator, notifier: createUsersNotifier() });
  });

  it('when the tenant is outside the caller scope, then Tenant is not found and no event is queued', async () => {
    const { dao } = fakeDao();
    const service = createUsersService({
      uow,
      dao: { ...dao, create: async () => undefined },
      validator: createUsersValidator({ dao }),
      notifier: createUsersNotifier(),
    });
    await assert.rejects(service.create(scopeOf(), T, { firstname: 'A' }), {
      message: `Resource Not Found - Tenant was not found ('uuid': '${T}')`,
    });
    assert.equal(uow.events.length, 0);
  });

  it('when a user is created with a first name only, then the caller id is "Firstname"', async () => {
    await service.create(scopeOf(T), T, { firstname: 'Charlie' });
    assert.equal(fake.calls.created[0]?.caller_id, '"Charlie"');
  });

  it('when a user is created with both names, then the caller id is "Firstname Lastname"', async () => {
    await service.create(scopeOf(T), T, { firstname: 'Jôhn', lastname: 'Doe' });
    assert.equal(fake.calls.created[0]?.caller_id, '"Jôhn Doe"');
  });

  it('when a caller id is given, then it is kept', async () => {
    await service.create(scopeOf(T), T, { firstname: 'A', caller_id: '"Boss" <123>' });
    assert.equal(fake.calls.created[0]?.caller_id, '"Boss" <123>');
  });

  it('when a user is created, then user_created is queued as a tenant event', async () => {
    const user = await service.create(scopeOf(T), T, { firstname: 'A' });
    assert.equal(uow.events.length, 1);
    const event = uow.events[0]!;
    assert.equal(event.name, 'user_created');
    assert.equal(event.routingKey, 'config.user.created');
    assert.equal(event.headers.tenant_uuid, T);
    assert.equal(event.headers['user_uuid:*'], true);
    assert.deepEqual(event.data, {
      id: user.id,
      uuid: user.uuid,
      subscription_type: 0,
      created_at: '2024-05-01 08:30:00.123456',
      tenant_uuid: T,
    });
  });

  it("when the e-mail is taken in any case, then the error is Wazo's and no event is queued", async () => {
    await assert.rejects(service.create(scopeOf(T), T, { firstname: 'A', email: 'TAKEN@example.com' }), {
      message: "Resource Error - User already exists ('email': 'TAKEN@example.com')",
    });
    assert.deepEqual(uow.events, []);
    assert.deepEqual(fake.calls.created, []);
  });

  it('when the username is taken, then the error names it', async () => {
    await assert.rejects(service.create(scopeOf(T), T, { firstname: 'A', username: 'taken' }), {
      message: "Resource Error - User already exists ('username': 'taken')",
    });
  });

  it('when a user keeps its own e-mail on edit, then it is not a duplicate', async () => {
    await service.edit(scope, 7, { email: 'taken@example.com', firstname: 'B' });
    assert.equal(uow.events[0]?.name, 'user_edited');
  });

  it('when another user has the e-mail on edit, then the edit is refused', async () => {
    await assert.rejects(service.edit(scope, 42, { email: 'Taken@Example.com' }), {
      message: "Resource Error - User already exists ('email': 'Taken@Example.com')",
    });
    assert.deepEqual(fake.calls.edited, []);
  });

  it("when the mobile fallback is enabled without a number, then the error is Wazo's", async () => {
    await assert.rejects(service.create(scopeOf(T), T, { firstname: 'A', mobile_fallback_enabled: true }), {
      message: 'Resource Error - PSTN fallback must be disabled when mobile phone number is not set',
    });
  });

  it('when the deprecated call_record_enabled is given, then it sets the four flags', async () => {
    await service.create(scopeOf(T), T, { firstname: 'A', call_record_enabled: true });
    const created = fake.calls.created[0]!;
    assert.equal(created.call_record_incoming_external_enabled, true);
    assert.equal(created.call_record_outgoing_internal_enabled, true);
    assert.equal('call_record_enabled' in created, false);
  });

  it('when call_record_enabled is mixed with a call_record_* flag, then it is an input error', async () => {
    await assert.rejects(
      service.create(scopeOf(T), T, {
        firstname: 'A',
        call_record_enabled: true,
        call_record_incoming_external_enabled: false,
      }),
      {
        message:
          "Input Error - _schema: [\"'call_record_enabled' is deprecated and incompatible with 'call_record_*_enabled' options\"]",
      },
    );
  });

  it('when null is given for a defaulted field, then the default or current value is kept', async () => {
    await service.edit(scope, 42, { ring_seconds: null, enabled: null, lastname: null });
    assert.deepEqual(fake.calls.edited[0], { lastname: null });
  });

  it('when a user is unknown by id, then the error names the id', async () => {
    await assert.rejects(service.get(scope, 999999), {
      message: "Resource Not Found - User was not found ('id': 999999)",
    });
  });

  it('when a user is unknown by uuid, then the error names the uuid', async () => {
    const uuid = '99999999-9999-4999-9999-999999999999';
    await assert.rejects(service.edit(scope, uuid, { firstname: 'X' }), {
      message: `Resource Not Found - User was not found ('uuid': '${uuid}')`,
    });
    assert.deepEqual(uow.events, []);
  });

  it('when a user of another tenant is asked for, then it is not found', async () => {
    await assert.rejects(service.delete(scopeOf('someone-else'), 42), { name: 'NotFoundError' });
    assert.deepEqual(fake.calls.deleted, []);
  });

  it('when a user is deleted, then user_deleted carries its payload', async () => {
    const user = await service.delete(scope, U);
    assert.equal(user.id, 42);
    assert.deepEqual(fake.calls.deleted, [42]);
    assert.equal(uow.events[0]?.name, 'user_deleted');
    assert.equal((uow.events[0]!.data as { uuid: string }).uuid, U);
  });

  it('when users are searched, then the dao answers through a read', async () => {
    const result = await service.search(scope, { search: 'jo' });
    assert.equal(result.total, 2);
    assert.deepEqual(uow.runs, { committed: 0, rolledBack: 0 });
  });
});
