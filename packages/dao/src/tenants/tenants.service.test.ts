import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import { scopeOf } from '../search/search.js';
import { createFakeUnitOfWork, type FakeUnitOfWork } from '../testing/index.js';
import type { TenantsDao } from './tenants.dao.js';
import type { Tenant } from './tenants.model.js';
import { createTenantsNotifier } from './tenants.notifier.js';
import { createTenantsService } from './tenants.service.js';
import { createTenantsValidator } from './tenants.validator.js';

const A = '00000000-0000-4000-8000-00000000000a';
const noTemplates = {
  sip_templates_generated: false,
  global_sip_template_uuid: null,
  webrtc_sip_template_uuid: null,
  registration_trunk_sip_template_uuid: null,
  meeting_guest_sip_template_uuid: null,
  twilio_trunk_sip_template_uuid: null,
};

/** A strict in-memory dao: only what the service may call, with a call log. */
function fakeDao(rows: Tenant[] = []) {
  const store = new Map(rows.map((t) => [t.uuid, { ...t }]));
  const calls: string[] = [];
  const dao: TenantsDao = {
    get: async (_tx, scope, uuid) => {
      const tenant = scope.tenantUuids.includes(uuid) ? store.get(uuid) : undefined;
      return tenant && { ...tenant, ...noTemplates };
    },
    search: async () => ({
      total: store.size,
      items: [...store.values()].map((t) => ({ ...t, ...noTemplates })),
    }),
    find: async (_tx, uuid) => store.get(uuid),
    listAll: async () => [...store.values()],
    insert: async (_tx, tenant) => {
      calls.push(`insert ${tenant.uuid}`);
      if (store.has(tenant.uuid)) return false;
      store.set(tenant.uuid, { ...tenant });
      return true;
    },
    update: async (_tx, tenant) => {
      calls.push(`update ${tenant.uuid}`);
      store.set(tenant.uuid, { ...tenant });
    },
    remove: async (_tx, uuid) => {
      calls.push(`remove ${uuid}`);
      return store.delete(uuid);
    },
    lockSipTemplates: async () => assert.fail('ensure and delete leave SIP templates alone'),
    setSipTemplates: async () => assert.fail('ensure and delete leave SIP templates alone'),
  };
  return { dao, store, calls };
}

describe('tenants service', () => {
  let uow: FakeUnitOfWork;
  beforeEach(() => {
    uow = createFakeUnitOfWork();
  });
  const serviceWith = (dao: TenantsDao) =>
    createTenantsService({
      uow,
      dao,
      validator: createTenantsValidator(),
      notifier: createTenantsNotifier(),
      sipTemplates: {
        templates: {
          find: async () => assert.fail('no template read'),
          create: async () => assert.fail('no template made'),
          update: async () => assert.fail('no template changed'),
          nameExists: async () => assert.fail('no template named'),
        },
        transportNamed: async () => assert.fail('no transport read'),
        newUuid: () => assert.fail('no uuid made'),
        random: () => assert.fail('no name drawn'),
      },
    });

  it('when ensuring an unknown tenant, then it is created, with no event', async () => {
    const { dao, store } = fakeDao();
    const result = await serviceWith(dao).ensure(A, 'alpha', 'Alpha');
    assert.deepEqual(result, { tenant: { uuid: A, slug: 'alpha', name: 'Alpha' }, outcome: 'created' });
    assert.deepEqual(store.get(A), { uuid: A, slug: 'alpha', name: 'Alpha' });
    assert.deepEqual(uow.events, []);
  });

  it('when ensuring the same tenant again, then nothing is written', async () => {
    const { dao, calls } = fakeDao([{ uuid: A, slug: 'alpha', name: 'Alpha' }]);
    const result = await serviceWith(dao).ensure(A, 'alpha');
    assert.equal(result.outcome, 'unchanged');
    assert.deepEqual(calls, []);
  });

  it('when a known tenant has no slug yet, then ensure fills it in and keeps the name', async () => {
    const { dao, store } = fakeDao([{ uuid: A, slug: null, name: 'Alpha' }]);
    const result = await serviceWith(dao).ensure(A, 'alpha', null);
    assert.equal(result.outcome, 'updated');
    assert.deepEqual(store.get(A), { uuid: A, slug: 'alpha', name: 'Alpha' });
  });

  it('when another process inserted the tenant meanwhile, then ensure reads it back', async () => {
    const { dao, store } = fakeDao();
    const racing: TenantsDao = {
      ...dao,
      find: async (tx, uuid) => {
        const found = await dao.find(tx, uuid);
        if (!found) store.set(A, { uuid: A, slug: 'alpha', name: null });
        return found;
      },
    };
    const result = await serviceWith(racing).ensure(A, 'alpha');
    assert.equal(result.outcome, 'unchanged');
  });

  it('when the uuid or slug is malformed, then ensure refuses it in confd’s words', async () => {
    const { dao, calls } = fakeDao();
    const service = serviceWith(dao);
    await assert.rejects(service.ensure('nope', 'alpha'), {
      message: "Input Error - uuid: ['Not a valid UUID.']",
    });
    await assert.rejects(service.ensure(A, 'bad slug!'), {
      message: "Input Error - slug: ['String does not match expected pattern.']",
    });
    assert.deepEqual(calls, []);
    assert.deepEqual(uow.runs, { committed: 0, rolledBack: 2 });
  });

  it('when getting a tenant outside the scope, then it is not found', async () => {
    const { dao } = fakeDao([{ uuid: A, slug: 'alpha', name: null }]);
    const service = serviceWith(dao);
    assert.equal((await service.get(scopeOf(A), A)).slug, 'alpha');
    await assert.rejects(service.get(scopeOf(), A), {
      message: `Resource Not Found - Tenant was not found ('uuid': '${A}')`,
    });
  });

  it('when deleting, then the tenant goes and a repeated delete is a harmless false', async () => {
    const { dao, store } = fakeDao([{ uuid: A, slug: 'alpha', name: null }]);
    const service = serviceWith(dao);
    assert.equal(await service.delete(A), true);
    assert.equal(store.size, 0);
    assert.equal(await service.delete(A), false);
    assert.deepEqual(uow.events, []);
  });

  it('when listing, then every mirrored tenant is returned', async () => {
    const { dao } = fakeDao([{ uuid: A, slug: 'alpha', name: null }]);
    assert.deepEqual(await serviceWith(dao).list(), [{ uuid: A, slug: 'alpha', name: null }]);
  });
});
