import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import { scopeOf } from '../search/search.js';
import { createFakeUnitOfWork, type FakeUnitOfWork } from '../testing/index.js';
import type { UserForwardsDao } from './user-forwards.dao.js';
import type { UserForwards } from './user-forwards.model.js';
import { createUserForwardsNotifier } from './user-forwards.notifier.js';
import { createUserForwardsService } from './user-forwards.service.js';
import { createUserForwardsValidator } from './user-forwards.validator.js';

const T = '00000000-0000-4000-8000-00000000000a';
const U = '11111111-1111-4111-8111-111111111111';
const scope = scopeOf(T);
const NULL_DESTINATION = 'Resource Error - Forward must be disabled to remove destination';

function fakeDao() {
  const updates: Partial<UserForwards>[] = [];
  const dao: UserForwardsDao = {
    find: async (_tx, s, key) =>
      s.tenantUuids.includes(T) && (key === 42 || key === U)
        ? {
            user: { id: 42, uuid: U, tenant_uuid: T },
            forwards: {
              busy: { enabled: true, destination: '123' },
              noanswer: { enabled: false, destination: null },
              unconditional: { enabled: false, destination: '789' },
            },
          }
        : undefined,
    update: async (_tx, _s, _id, forwards) => void updates.push(forwards),
  };
  return { dao, updates };
}

describe('user forwards service', () => {
  let uow: FakeUnitOfWork;
  let fake: ReturnType<typeof fakeDao>;
  let service: ReturnType<typeof createUserForwardsService>;

  beforeEach(() => {
    uow = createFakeUnitOfWork();
    fake = fakeDao();
    service = createUserForwardsService({
      uow,
      dao: fake.dao,
      validator: createUserForwardsValidator(),
      notifier: createUserForwardsNotifier(),
    });
  });

  it('when one forward is updated, then only the fields given change and one event is queued', async () => {
    const forward = await service.updateOne(scope, 42, 'unconditional', { enabled: true });
    assert.deepEqual(forward, { enabled: true, destination: '789' });
    assert.deepEqual(fake.updates, [{ unconditional: { enabled: true, destination: '789' } }]);
    assert.equal(uow.events.length, 1);
    const event = uow.events[0]!;
    assert.equal(event.name, 'users_forwards_unconditional_updated');
    assert.equal(event.routingKey, `config.users.${U}.forwards.unconditional.updated`);
    assert.deepEqual(event.data, {
      user_id: 42,
      user_uuid: U,
      tenant_uuid: T,
      enabled: true,
      destination: '789',
    });
  });

  it("when a forward is enabled with a null destination, then Wazo's error is raised and nothing is queued", async () => {
    await assert.rejects(service.updateOne(scope, 42, 'noanswer', { enabled: true, destination: null }), {
      message: NULL_DESTINATION,
    });
    assert.deepEqual(uow.events, []);
    assert.deepEqual(fake.updates, []);
  });

  it('when an enabled forward loses its destination, then it is refused', async () => {
    await assert.rejects(service.updateOne(scope, 42, 'busy', { destination: '' }), {
      message: NULL_DESTINATION,
    });
  });

  it('when a forward is disabled, then its destination may stay or be removed', async () => {
    assert.deepEqual(await service.updateOne(scope, 42, 'busy', { enabled: false, destination: null }), {
      enabled: false,
      destination: null,
    });
  });

  it('when the set is updated, then every forward is announced', async () => {
    const after = await service.update(scope, U, { noanswer: { enabled: true, destination: '456' } });
    assert.deepEqual(after.noanswer, { enabled: true, destination: '456' });
    assert.deepEqual(fake.updates, [{ noanswer: { enabled: true, destination: '456' } }]);
    assert.deepEqual(
      uow.events.map((e) => e.name),
      [
        'users_forwards_busy_updated',
        'users_forwards_noanswer_updated',
        'users_forwards_unconditional_updated',
      ],
    );
  });

  it('when the user is unknown by uuid, then the error names the uuid', async () => {
    const uuid = '99999999-9999-4999-9999-999999999999';
    await assert.rejects(service.get(scope, uuid), {
      message: `Resource Not Found - User was not found ('uuid': '${uuid}')`,
    });
  });
});
