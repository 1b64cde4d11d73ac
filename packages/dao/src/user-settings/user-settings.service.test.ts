/**
 * The user settings service with strict fakes, run for every declared kind (services, forwards):
 * reads, one setting changed and announced, the set changed and every setting announced, and
 * Wazo's 404s. Then the forwards' own rules: no enabled forward without destination, '' as none.
 */
import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import { scopeOf } from '../search/search.js';
import { createFakeUnitOfWork, type FakeUnitOfWork } from '../testing/index.js';
import { userForwardsSetting } from '../user-forwards/user-forwards.setting.js';
import { createUserForwardsValidator } from '../user-forwards/user-forwards.validator.js';
import { userServicesSetting } from '../user-services/user-services.setting.js';
import type { UserSettingsDao } from './user-settings.dao.js';
import type { UserSettingKind } from './user-settings.kind.js';
import { createUserSettingsNotifier } from './user-settings.notifier.js';
import { createUserSettingsService, type UserSettingsValidator } from './user-settings.service.js';

const T = '00000000-0000-4000-8000-00000000000a';
const U = '11111111-1111-4111-8111-111111111111';
const scope = scopeOf(T);
const user = { user_id: 42, user_uuid: U, tenant_uuid: T };

type Setting = Record<string, unknown>;
type AnyKind = UserSettingKind<string, Setting>;

interface KindRow {
  kind: string;
  setting: AnyKind;
  validator?: UserSettingsValidator<string, Setting>;
  stored: Record<string, Setting>;
  one: { name: string; given: Setting; after: Setting };
  set: { given: Record<string, Setting>; after: Record<string, Setting> };
}

/** Each kind: what the user has, one change and the set change, and what they write and send. */
const kinds: KindRow[] = [
  {
    kind: 'services',
    setting: userServicesSetting as unknown as AnyKind,
    stored: { dnd: { enabled: false }, incallfilter: { enabled: true } },
    one: { name: 'dnd', given: { enabled: true }, after: { enabled: true } },
    set: { given: { incallfilter: { enabled: false } }, after: { incallfilter: { enabled: false } } },
  },
  {
    kind: 'forwards',
    setting: userForwardsSetting as unknown as AnyKind,
    validator: createUserForwardsValidator() as unknown as UserSettingsValidator<string, Setting>,
    stored: {
      busy: { enabled: true, destination: '123' },
      noanswer: { enabled: false, destination: null },
      unconditional: { enabled: false, destination: '789' },
    },
    one: { name: 'unconditional', given: { enabled: true }, after: { enabled: true, destination: '789' } },
    set: {
      given: { noanswer: { enabled: true, destination: '456' } },
      after: { noanswer: { enabled: true, destination: '456' } },
    },
  },
];

function setup(row: KindRow) {
  const uow = createFakeUnitOfWork();
  const updates: unknown[] = [];
  // Strict: the two methods the service uses, the user found only in tenant T by id or uuid.
  const dao: UserSettingsDao<string, Setting> = {
    find: async (_tx, s, key) =>
      s.tenantUuids.includes(T) && (key === 42 || key === U)
        ? {
            user: { id: 42, uuid: U, tenant_uuid: T },
            settings: structuredClone(row.stored) as Record<string, Setting>,
          }
        : undefined,
    update: async (_tx, _s, _id, changed) => void updates.push(changed),
  };
  const service = createUserSettingsService<string, Setting>({
    uow,
    kind: row.setting,
    dao,
    ...(row.validator ? { validator: row.validator } : {}),
    notifier: createUserSettingsNotifier(row.setting.events),
  });
  return { uow, updates, service };
}

for (const row of kinds) {
  const { kind, stored, one, set } = row;
  describe(`user ${kind} service`, () => {
    let uow: FakeUnitOfWork;
    let updates: unknown[];
    let service: ReturnType<typeof setup>['service'];
    beforeEach(() => {
      const fresh = setup(row);
      [uow, updates, service] = [fresh.uow, fresh.updates, fresh.service];
    });

    it(`when the ${kind} are read, then all are answered, and each alone`, async () => {
      assert.deepEqual(await service.get(scope, U), stored);
      for (const [name, value] of Object.entries(stored))
        assert.deepEqual(await service.getOne(scope, 42, name), value);
    });

    it(`when one of the ${kind} is updated, then only the fields given change and one event is queued for the user`, async () => {
      assert.deepEqual(await service.updateOne(scope, 42, one.name, one.given), one.after);
      assert.deepEqual(updates, [{ [one.name]: one.after }]);
      assert.equal(uow.events.length, 1);
      const event = uow.events[0]!;
      assert.equal(event.name, `users_${kind}_${one.name}_updated`);
      assert.equal(event.routingKey, `config.users.${U}.${kind}.${one.name}.updated`);
      assert.equal(event.headers[`user_uuid:${U}`], true);
      assert.equal(event.headers.tenant_uuid, T);
      assert.deepEqual(event.data, { ...user, ...one.after });
      assert.deepEqual(Object.keys(event.data as object), Object.keys({ ...user, ...one.after }));
    });

    it(`when the set of ${kind} is updated, then every one is announced with its state after the change`, async () => {
      const after = await service.update(scope, U, set.given);
      assert.deepEqual(after, { ...stored, ...set.after });
      assert.deepEqual(updates, [set.after]);
      assert.deepEqual(
        uow.events.map((e) => [e.name, e.data]),
        Object.keys(stored).map((name) => [`users_${kind}_${name}_updated`, { ...user, ...after[name] }]),
      );
    });

    it('when the user is not in the scope, or unknown by uuid, then it is not found and nothing is queued', async () => {
      await assert.rejects(service.updateOne(scopeOf('other'), 42, one.name, one.given), {
        message: "Resource Not Found - User was not found ('id': 42)",
      });
      const uuid = '99999999-9999-4999-9999-999999999999';
      await assert.rejects(service.get(scope, uuid), {
        message: `Resource Not Found - User was not found ('uuid': '${uuid}')`,
      });
      assert.deepEqual([uow.events, updates], [[], []]);
    });
  });
}

describe('user forwards rules', () => {
  const NULL_DESTINATION = 'Resource Error - Forward must be disabled to remove destination';
  const forwards = kinds[1]!;

  it("when a forward is enabled with a null destination, then Wazo's error is raised and nothing is queued", async () => {
    const { uow, updates, service } = setup(forwards);
    await assert.rejects(service.updateOne(scope, 42, 'noanswer', { enabled: true, destination: null }), {
      message: NULL_DESTINATION,
    });
    assert.deepEqual([uow.events, updates], [[], []]);
  });

  it('when an enabled forward loses its destination (given as empty), then it is refused', async () => {
    const { service } = setup(forwards);
    await assert.rejects(service.updateOne(scope, 42, 'busy', { destination: '' }), {
      message: NULL_DESTINATION,
    });
  });

  it('when a forward is disabled, then its destination may stay or be removed', async () => {
    const { service } = setup(forwards);
    assert.deepEqual(await service.updateOne(scope, 42, 'busy', { enabled: false, destination: null }), {
      enabled: false,
      destination: null,
    });
    assert.deepEqual(await service.updateOne(scope, 42, 'unconditional', { destination: '' }), {
      enabled: false,
      destination: null,
    });
  });
});
