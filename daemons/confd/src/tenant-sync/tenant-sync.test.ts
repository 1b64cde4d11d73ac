/**
 * The tenant mirror follows wazo-auth: events on the in-process bus (each message id handled once,
 * so a redelivered "added" cannot revive a deleted tenant) and the reconciliation with a fake
 * wazo-auth's tenant list asked with the service token.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import {
  type AuthTenantPayload,
  authTenantAdded,
  authTenantDeleted,
  createBusConsumer,
  createBusPublisher,
  createMemoryTransport,
  createPgProcessedEventStore,
  type ReceivedEvent,
} from '@wazo-ts/bus';
import { type FakeWazoAuth, startFakeWazoAuth } from '@wazo-ts/daemon/testing';
import { createMigratedTestDatabase, type MigratedTestDatabase, testEncoder } from '@wazo-ts/dao/testing';
import { createAuthTenantsClient } from '../common/auth-tenants.js';
import { type ConfdServices, createConfdServices } from '../common/services.js';
import { createTenantSync, type TenantSync } from './tenant-sync.js';

let database: MigratedTestDatabase;
let auth: FakeWazoAuth;
let services: ConfdServices;
let sync: TenantSync;
const client = () =>
  createAuthTenantsClient({
    host: '127.0.0.1',
    port: auth.port,
    prefix: null,
    https: false,
    verify_certificate: true,
    timeout: 5,
    key_file: null,
  } as never);

before(async () => {
  database = await createMigratedTestDatabase({ prefix: 'wazo_confd_tenant_sync' });
  auth = await startFakeWazoAuth();
  services = createConfdServices(database.db, testEncoder);
  const serviceToken = auth.addToken({ metadata: { tenant_uuid: 'master' } }).token;
  const tenantsClient = client();
  sync = createTenantSync({
    tenants: services.tenants,
    listAuthTenants: () => tenantsClient.list(serviceToken),
    processed: createPgProcessedEventStore({ pool: database.pool, consumer: 'wazo-confd' }),
  });
});
after(async () => {
  await auth?.close();
  await database?.drop();
});

const mirrored = async () => (await services.tenants.list()).map((t) => t.uuid).sort();

/** The labels of the tenant's SIP templates, sorted. */
const templateLabels = async (tenant: string) =>
  (await services.sipTemplates.search({ tenantUuids: [tenant] }, { limit: 100 })).items
    .map((t) => t.label)
    .sort();
const DEFAULT_LABELS = ['global', 'meeting_guest', 'registration_trunk', 'twilio_trunk', 'webrtc'];

async function busWithSync() {
  const transport = createMemoryTransport();
  const publisher = createBusPublisher({ transport, originUuid: 'auth' });
  const consumer = createBusConsumer({ transport, name: 'wazo-confd' });
  await consumer.subscribe(authTenantAdded, (event) => sync.tenantAdded(event));
  await consumer.subscribe(authTenantDeleted, (event) => sync.tenantDeleted(event));
  return { publisher, consumer };
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls until `check` holds: the in-process bus delivers after publish resolves. */
async function eventually(check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 100; i += 1) {
    if (await check()) return;
    await pause(20);
  }
  assert.fail('condition not reached');
}

describe('tenant sync', () => {
  it('when auth_tenant_added then auth_tenant_deleted arrive, then the tenant comes and goes once', async () => {
    const { publisher, consumer } = await busWithSync();
    const uuid = randomUUID();
    const addedId = randomUUID();
    const added = authTenantAdded.build({ uuid, slug: 'acme', name: 'Acme' }, { tenantUuid: uuid });
    await publisher.publish(added, { messageId: addedId });
    await eventually(async () => (await mirrored()).includes(uuid));
    assert.deepEqual(
      (await services.tenants.list()).find((t) => t.uuid === uuid),
      { uuid, slug: 'acme', name: 'Acme' },
    );
    assert.deepEqual(await templateLabels(uuid), DEFAULT_LABELS);
    // The same tenant announced again (another message): nothing is made twice.
    const replayed = {
      name: 'auth_tenant_added',
      data: { uuid, slug: 'acme', name: 'Acme' },
      messageId: randomUUID(),
    };
    await sync.tenantAdded(replayed as ReceivedEvent<AuthTenantPayload>);
    assert.deepEqual(await templateLabels(uuid), DEFAULT_LABELS);
    await publisher.publish(authTenantDeleted.build({ uuid }, { tenantUuid: uuid }), {
      messageId: randomUUID(),
    });
    await eventually(async () => !(await mirrored()).includes(uuid));
    assert.deepEqual(await templateLabels(uuid), [], 'the tenant’s templates go with it');
    // A late redelivery of the "added" message is recognised by its id and dropped.
    await publisher.publish(added, { messageId: addedId });
    await pause(200);
    assert.ok(!(await mirrored()).includes(uuid));
    await consumer.close();
  });

  it('when reconciling, then missing tenants are ensured and stale ones purged', async () => {
    const stale = randomUUID();
    await services.tenants.ensure(stale, 'stale');
    const master = randomUUID();
    const sub = randomUUID();
    // The service token's tenant is the root of what it lists.
    auth.setTenants([
      { uuid: master, slug: 'master' },
      { uuid: sub, slug: 'sub', parent_uuid: master },
    ]);
    const token = auth.addToken({ metadata: { tenant_uuid: master } }).token;
    const reconciling = createTenantSync({
      tenants: services.tenants,
      listAuthTenants: () => client().list(token),
      processed: createPgProcessedEventStore({ pool: database.pool, consumer: 'wazo-confd' }),
    });
    const outcome = await reconciling.reconcile();
    assert.deepEqual(await mirrored(), [master, sub].sort());
    assert.equal(outcome.removed, 1);
    assert.deepEqual(await templateLabels(sub), DEFAULT_LABELS);
    assert.deepEqual(await reconciling.reconcile(), { ensured: 2, removed: 0 });
    assert.deepEqual(await templateLabels(sub), DEFAULT_LABELS, 'a second reconciliation makes none');
  });

  it('when wazo-auth is unreachable or lists nothing, then nothing is purged', async () => {
    const before = await mirrored();
    auth.failWith(500);
    await assert.rejects(sync.reconcile());
    auth.failWith(null);
    auth.setTenants([]);
    await assert.rejects(sync.reconcile(), /no tenant/);
    assert.deepEqual(await mirrored(), before);
  });
});
