/**
 * The user settings dao on a real PostgreSQL, run for every declared kind (services, forwards):
 * a change reads back with the others kept, another tenant neither finds nor changes the user,
 * and the service on a real unit of work commits the change with its event. Then the table's own
 * guard on forwards.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import type { Tx } from '../db/unit-of-work.js';
import { scopeOf } from '../search/search.js';
import { createMigratedTestDatabase, type MigratedTestDatabase } from '../testing/index.js';
import { userForwardsSetting } from '../user-forwards/user-forwards.setting.js';
import { createUserForwardsValidator } from '../user-forwards/user-forwards.validator.js';
import { userServicesSetting } from '../user-services/user-services.setting.js';
import { createUsersDao } from '../users/users.dao.js';
import { createUserSettingsDao } from './user-settings.dao.js';
import type { UserSettingKind } from './user-settings.kind.js';
import { createUserSettingsNotifier } from './user-settings.notifier.js';
import { createUserSettingsService, type UserSettingsValidator } from './user-settings.service.js';

const A = randomUUID();
const B = randomUUID();
type Setting = Record<string, unknown>;
type AnyKind = UserSettingKind<string, Setting>;

/** Each kind: a change, the settings after it, the service's change (a refused one first, if any). */
const kinds = [
  {
    kind: 'services',
    setting: userServicesSetting as unknown as AnyKind,
    change: { dnd: { enabled: true } },
    after: { dnd: { enabled: true }, incallfilter: { enabled: false } },
    other: { incallfilter: { enabled: true } },
    serviceChange: { name: 'incallfilter', value: { enabled: true } },
  },
  {
    kind: 'forwards',
    setting: userForwardsSetting as unknown as AnyKind,
    validator: createUserForwardsValidator() as unknown as UserSettingsValidator<string, Setting>,
    change: { busy: { enabled: true, destination: '123' } },
    after: {
      busy: { enabled: true, destination: '123' },
      noanswer: { enabled: false, destination: null },
      unconditional: { enabled: false, destination: null },
    },
    other: { busy: { enabled: false, destination: null } },
    refused: { name: 'unconditional', value: { enabled: true } },
    serviceChange: { name: 'unconditional', value: { enabled: true, destination: '789' } },
  },
];

let testDb: MigratedTestDatabase;
let tx: Tx;

before(async () => {
  testDb = await createMigratedTestDatabase();
  tx = { db: testDb.db, events: { add: () => assert.fail('a dao queues no event') } };
  await testDb.db
    .insertInto('tenant')
    .values([{ uuid: A }, { uuid: B }])
    .execute();
});
after(() => testDb.drop());

for (const { kind, setting, validator, change, after: changed, other, refused, serviceChange } of kinds) {
  describe(`user ${kind} dao`, () => {
    const dao = createUserSettingsDao<string, Setting>(setting);
    let userId: number;
    before(async () => {
      userId = (await createUsersDao().create(tx, scopeOf(A), A, { firstname: 'A' }))!.id;
    });

    it(`when one of the ${kind} is updated, then it reads back and the others are kept`, async () => {
      await dao.update(tx, scopeOf(A), userId, change);
      const found = await dao.find(tx, scopeOf(A), userId);
      assert.deepEqual(found?.settings, changed);
      assert.deepEqual(found?.user, { id: userId, uuid: found?.user.uuid, tenant_uuid: A });
    });

    it('when the scope is another tenant, then the user is neither found nor changed', async () => {
      assert.equal(await dao.find(tx, scopeOf(B), userId), undefined);
      await dao.update(tx, scopeOf(B), userId, other);
      assert.deepEqual((await dao.find(tx, scopeOf(A), userId))?.settings, changed);
    });

    it('when the service runs on a real unit of work, then the change and its event commit together', async () => {
      await sql`TRUNCATE bus_outbox`.execute(testDb.db);
      const service = createUserSettingsService<string, Setting>({
        uow: testDb.uow(),
        kind: setting,
        dao,
        ...(validator ? { validator } : {}),
        notifier: createUserSettingsNotifier(setting.events),
      });
      if (refused) await assert.rejects(service.updateOne(scopeOf(A), userId, refused.name, refused.value));
      await service.updateOne(scopeOf(A), userId, serviceChange.name, serviceChange.value);
      const { rows } = await sql<{ name: string }>`SELECT name FROM bus_outbox`.execute(testDb.db);
      assert.deepEqual(rows, [{ name: `users_${kind}_${serviceChange.name}_updated` }]);
      assert.deepEqual(await service.get(scopeOf(A), userId), {
        ...changed,
        [serviceChange.name]: serviceChange.value,
      });
    });
  });
}

describe('user forwards table', () => {
  it('when a forward is enabled without destination, then the table refuses it too', async () => {
    const userId = (await createUsersDao().create(tx, scopeOf(A), A, { firstname: 'A' }))!.id;
    const dao = createUserSettingsDao(userForwardsSetting);
    await assert.rejects(
      dao.update(tx, scopeOf(A), userId, { noanswer: { enabled: true, destination: null } }),
      /users_forward_noanswer_destination/,
    );
  });
});
