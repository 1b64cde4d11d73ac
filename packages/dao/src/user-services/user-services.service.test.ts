import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import { scopeOf } from '../search/search.js';
import { createFakeUnitOfWork, type FakeUnitOfWork } from '../testing/index.js';
import type { UserServicesDao } from './user-services.dao.js';
import type { UserServiceName } from './user-services.model.js';
import { createUserServicesNotifier } from './user-services.notifier.js';
import { createUserServicesService } from './user-services.service.js';

const T = '00000000-0000-4000-8000-00000000000a';
const U = '11111111-1111-4111-8111-111111111111';
const scope = scopeOf(T);

function fakeDao() {
  const updates: Partial<Record<UserServiceName, boolean>>[] = [];
  const dao: UserServicesDao = {
    find: async (_tx, s, key) =>
      s.tenantUuids.includes(T) && (key === 42 || key === U)
        ? {
            user: { id: 42, uuid: U, tenant_uuid: T },
            services: { dnd: { enabled: false }, incallfilter: { enabled: true } },
          }
        : undefined,
    update: async (_tx, _s, _id, enabled) => void updates.push(enabled),
  };
  return { dao, updates };
}

describe('user services service', () => {
  let uow: FakeUnitOfWork;
  let fake: ReturnType<typeof fakeDao>;
  let service: ReturnType<typeof createUserServicesService>;

  beforeEach(() => {
    uow = createFakeUnitOfWork();
    fake = fakeDao();
    service = createUserServicesService({ uow, dao: fake.dao, notifier: createUserServicesNotifier() });
  });

  it('when the services are read, then both are answered', async () => {
    assert.deepEqual(await service.get(scope, U), {
      dnd: { enabled: false },
      incallfilter: { enabled: true },
    });
    assert.deepEqual(await service.getOne(scope, 42, 'incallfilter'), { enabled: true });
  });

  it('when dnd is enabled alone, then one dnd event is queued for the user', async () => {
    assert.deepEqual(await service.updateOne(scope, 42, 'dnd', { enabled: true }), { enabled: true });
    assert.deepEqual(fake.updates, [{ dnd: true }]);
    assert.equal(uow.events.length, 1);
    const event = uow.events[0]!;
    assert.equal(event.name, 'users_services_dnd_updated');
    assert.equal(event.routingKey, `config.users.${U}.services.dnd.updated`);
    assert.equal(event.headers[`user_uuid:${U}`], true);
    assert.equal(event.headers.tenant_uuid, T);
    assert.deepEqual(event.data, { user_id: 42, user_uuid: U, tenant_uuid: T, enabled: true });
  });

  it('when the set is updated, then every service is announced with its state after the change', async () => {
    await service.update(scope, U, { incallfilter: { enabled: false } });
    assert.deepEqual(fake.updates, [{ incallfilter: false }]);
    assert.deepEqual(
      uow.events.map((e) => [e.name, (e.data as { enabled: boolean }).enabled]),
      [
        ['users_services_dnd_updated', false],
        ['users_services_incallfilter_updated', false],
      ],
    );
  });

  it('when the user is not in the scope, then it is not found and nothing is queued', async () => {
    await assert.rejects(service.updateOne(scopeOf('other'), 42, 'dnd', { enabled: true }), {
      message: "Resource Not Found - User was not found ('id': 42)",
    });
    assert.deepEqual(uow.events, []);
    assert.deepEqual(fake.updates, []);
  });
});
