/**
 * webhookd keeps its subscriptions in step with the rest of the platform through the real
 * RabbitMQ: `user_deleted` removes a user's subscriptions (owned or on their events),
 * `auth_tenant_deleted` a tenant's, and wazo-auth's `mobile` external auth events keep exactly one
 * `mobile` subscription per user with Wazo's events and metadata, whatever the repeats. Each
 * removal or creation publishes its webhookd event, which is what the tests await.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import {
  authTenantDeleted,
  authUserExternalAuthAdded,
  authUserExternalAuthDeleted,
  authUserExternalAuthUpdated,
  type ReceivedEvent,
  userDeleted,
  webhookdSubscriptionCreated,
  webhookdSubscriptionDeleted,
  webhookdUserSubscriptionCreated,
  webhookdUserSubscriptionDeleted,
} from '@wazo-ts/bus';
import { call } from '@wazo-ts/daemon/testing';
import { MOBILE_EVENTS } from '../src/subscriptions/index.js';
import { startWebhookd, type WebhookdUnderTest } from '../src/testing/index.js';
import { type BusObserver, observeBus } from './bus-observer.js';

const TENANT = randomUUID();
const DOOMED_TENANT = randomUUID();

const hook = (overrides: Record<string, unknown> = {}) => ({
  name: 'hook',
  service: 'http',
  events: ['user_created'],
  config: { url: 'http://example.com', method: 'post' },
  ...overrides,
});

describe('wazo-webhookd bus housekeeping', { timeout: 180_000 }, () => {
  let webhookd: WebhookdUnderTest;
  let bus: BusObserver;
  let admin: string;

  before(async () => {
    webhookd = await startWebhookd();
    webhookd.auth.setTenants([{ uuid: TENANT }, { uuid: DOOMED_TENANT }]);
    admin = webhookd.auth.addToken({
      acl: ['webhookd.#'],
      metadata: { tenant_uuid: TENANT },
      subtenants: [DOOMED_TENANT],
    }).token;
    bus = await observeBus(webhookd.bus, [
      webhookdSubscriptionCreated,
      webhookdSubscriptionDeleted,
      webhookdUserSubscriptionCreated,
      webhookdUserSubscriptionDeleted,
    ]);
  });
  after(async () => {
    await bus?.close();
    await webhookd?.stop();
  });

  const create = async (body: Record<string, unknown>, tenant = TENANT) => {
    const response = await call(`${webhookd.api}/subscriptions`, {
      method: 'POST',
      headers: { 'x-auth-token': admin, 'wazo-tenant': tenant },
      body,
    });
    assert.equal(response.status, 201, response.text);
    return response.json<{ uuid: string }>().uuid;
  };
  const exists = async (uuid: string) =>
    (await webhookd.database.pool.query('SELECT 1 FROM webhookd_subscription WHERE uuid = $1', [uuid]))
      .rowCount === 1;
  const deletedEvent = (uuid: string) =>
    Promise.race([
      bus.next('webhookd_subscription_deleted', (e) => (e.data as { uuid: string }).uuid === uuid),
      bus.next('webhookd_user_subscription_deleted', (e) => (e.data as { uuid: string }).uuid === uuid),
    ]);
  const mobileOf = async (userUuid: string) =>
    (
      await webhookd.database.pool.query(
        `SELECT s.uuid FROM webhookd_subscription s
           JOIN webhookd_subscription_metadatum m ON m.subscription_uuid = s.uuid AND m.key = 'mobile'
          WHERE s.owner_user_uuid = $1 AND s.service = 'mobile'`,
        [userUuid],
      )
    ).rows.map((r: { uuid: string }) => r.uuid);

  it('when user_deleted arrives, then the subscriptions it owns or filters on go, with their events, and others stay', async () => {
    const gone = randomUUID();
    const owned = await create(hook({ owner_user_uuid: gone }));
    const onEvents = await create(hook({ events_user_uuid: gone }));
    const kept = await create(hook({ events_user_uuid: randomUUID() }));
    await bus.publish(
      userDeleted.build(
        { id: 1, uuid: gone, subscription_type: 0, created_at: null, tenant_uuid: TENANT },
        { tenantUuid: TENANT },
      ),
    );
    await Promise.all([deletedEvent(owned), deletedEvent(onEvents)]);
    assert.equal(await exists(owned), false);
    assert.equal(await exists(onEvents), false);
    assert.equal(await exists(kept), true);
  });

  it('when auth_tenant_deleted arrives (twice), then that tenant’s subscriptions go once and other tenants’ stay', async () => {
    const doomed = await create(hook({ name: 'doomed' }), DOOMED_TENANT);
    const kept = await create(hook({ name: 'kept' }));
    const event = authTenantDeleted.build({ uuid: DOOMED_TENANT }, { tenantUuid: DOOMED_TENANT });
    await bus.publish(event);
    await bus.publish(event);
    await deletedEvent(doomed);
    assert.equal(await exists(doomed), false);
    assert.equal(await exists(kept), true);
    // The second delivery is handled once the queue is empty; a marker event proves it was.
    const marker = await create(hook({ owner_user_uuid: randomUUID() }));
    await bus.publish(
      userDeleted.build(
        {
          id: 2,
          uuid: (await ownerOf(marker)) as string,
          subscription_type: 0,
          created_at: null,
          tenant_uuid: TENANT,
        },
        { tenantUuid: TENANT },
      ),
    );
    await deletedEvent(marker);
    const deletions = bus.received.filter(
      (e) => e.name === 'webhookd_subscription_deleted' && (e.data as { uuid: string }).uuid === doomed,
    );
    assert.equal(deletions.length, 1);
  });

  async function ownerOf(uuid: string): Promise<string | null> {
    const { rows } = await webhookd.database.pool.query(
      'SELECT owner_user_uuid FROM webhookd_subscription WHERE uuid = $1',
      [uuid],
    );
    return rows[0]?.owner_user_uuid ?? null;
  }

  it('when a mobile external auth is added, added again and updated, then the user has exactly one mobile subscription as Wazo makes it', async () => {
    const user = randomUUID();
    const scoping = { tenantUuid: TENANT, userUuid: user };
    await bus.publish(
      authUserExternalAuthAdded.build({ user_uuid: user, external_auth_name: 'mobile' }, scoping),
    );
    const created = (await bus.next(
      'webhookd_user_subscription_created',
      (e) => e.headers[`user_uuid:${user}`] === true,
    )) as ReceivedEvent<{ uuid: string }>;
    await bus.publish(
      authUserExternalAuthAdded.build({ user_uuid: user, external_auth_name: 'mobile' }, scoping),
    );
    await bus.publish(
      authUserExternalAuthUpdated.build({ user_uuid: user, external_auth_name: 'mobile' }, scoping),
    );
    // Another user's event after them: once it is handled, the repeats before it were too.
    const marker = randomUUID();
    await bus.publish(
      authUserExternalAuthAdded.build(
        { user_uuid: marker, external_auth_name: 'mobile' },
        { tenantUuid: TENANT, userUuid: marker },
      ),
    );
    await bus.next('webhookd_user_subscription_created', (e) => e.headers[`user_uuid:${marker}`] === true);
    assert.deepEqual(await mobileOf(user), [created.data.uuid]);
    const read = await call(`${webhookd.api}/subscriptions/${created.data.uuid}`, {
      headers: { 'x-auth-token': admin },
    });
    const subscription = read.json<Record<string, unknown>>();
    assert.deepEqual(subscription, {
      uuid: created.data.uuid,
      name: `Push notification mobile for user ${TENANT}/${user}`,
      service: 'mobile',
      events: [...MOBILE_EVENTS].sort(),
      config: {},
      events_user_uuid: user,
      events_wazo_uuid: null,
      owner_user_uuid: user,
      owner_tenant_uuid: TENANT,
      metadata: { mobile: 'true' },
    });
  });

  it('when a mobile external auth is deleted, then its subscriptions go; other external auths change nothing', async () => {
    const user = randomUUID();
    const scoping = { tenantUuid: TENANT, userUuid: user };
    await bus.publish(
      authUserExternalAuthAdded.build({ user_uuid: user, external_auth_name: 'mobile' }, scoping),
    );
    const created = (await bus.next(
      'webhookd_user_subscription_created',
      (e) => e.headers[`user_uuid:${user}`] === true,
    )) as ReceivedEvent<{ uuid: string }>;
    await bus.publish(
      authUserExternalAuthDeleted.build({ user_uuid: user, external_auth_name: 'google' }, scoping),
    );
    await bus.publish(
      authUserExternalAuthDeleted.build({ user_uuid: user, external_auth_name: 'mobile' }, scoping),
    );
    await deletedEvent(created.data.uuid);
    assert.deepEqual(await mobileOf(user), []);
    await bus.publish(
      authUserExternalAuthAdded.build({ user_uuid: user, external_auth_name: 'microsoft' }, scoping),
    );
    const marker = randomUUID();
    await bus.publish(
      authUserExternalAuthAdded.build(
        { user_uuid: marker, external_auth_name: 'mobile' },
        { tenantUuid: TENANT, userUuid: marker },
      ),
    );
    await bus.next('webhookd_user_subscription_created', (e) => e.headers[`user_uuid:${marker}`] === true);
    assert.deepEqual(await mobileOf(user), []);
  });
});
