/**
 * The whole daemon delivering: a subscription created through the REST API is bound once its
 * webhookd_subscription_created event comes back, events published by another daemon reach the
 * receiver in order, and the attempts show in GET /subscriptions/{uuid}/logs as Wazo's.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { encodeEvent } from '@wazo-ts/bus';
import { call } from '@wazo-ts/daemon/testing';
import { type Receiver, startReceiver } from '../src/testing/delivery.js';
import { startWebhookd, type WebhookdUnderTest } from '../src/testing/index.js';
import { type BusObserver, observeBus } from './bus-observer.js';

const TENANT = randomUUID();
const USER = randomUUID();

/** Waits for a condition the test cannot be told about (a broker binding, a committed row). */
async function until(check: () => Promise<boolean>, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe('wazo-webhookd delivering events', { timeout: 120_000 }, () => {
  let webhookd: WebhookdUnderTest;
  let bus: BusObserver;
  let receiver: Receiver;
  let admin: string;
  let user: string;

  before(async () => {
    webhookd = await startWebhookd({ config: { hook_max_attempts: 2 } });
    webhookd.auth.setTenants([{ uuid: TENANT }]);
    admin = webhookd.auth.addToken({ acl: ['webhookd.#'], metadata: { tenant_uuid: TENANT } }).token;
    user = webhookd.auth.addToken({
      acl: ['webhookd.users.me.#'],
      metadata: { tenant_uuid: TENANT, uuid: USER, xivo_uuid: 'wazo-of-user' },
    }).token;
    bus = await observeBus(webhookd.bus, []);
    receiver = await startReceiver();
  });
  after(async () => {
    await receiver?.close();
    await bus?.close();
    await webhookd?.stop();
  });

  const api = (token: string) => (method: string, path: string, body?: unknown) =>
    call(`${webhookd.api}${path}`, {
      method,
      headers: { 'x-auth-token': token },
      ...(body === undefined ? {} : { body }),
    });
  const bound = (name: string) => async () => {
    const { rows } = await webhookd.database.pool.query(
      `SELECT 1 FROM webhookd_delivery_binding WHERE headers->>'name' = $1`,
      [name],
    );
    return rows.length > 0;
  };
  const publish = (
    name: string,
    data: unknown,
    headers: Record<string, string | boolean> = {},
    origin = 'another-wazo',
  ) =>
    bus.transport.publish(
      encodeEvent(
        {
          name,
          data,
          headers: { tenant_uuid: TENANT, ...headers, name },
          routingKey: `test.${name}`,
          requiredAcl: `events.test.${name}`,
        },
        { originUuid: origin, messageId: randomUUID() },
      ),
    );

  it('when a subscription is created through the API, then its events are delivered in order and logged', async () => {
    const created = await api(admin)('POST', '/subscriptions', {
      name: 'to receiver',
      service: 'http',
      events: ['user_created'],
      config: { url: `${receiver.url}/{{ event_name }}/{{ event.seq }}`, method: 'put' },
    });
    assert.equal(created.status, 201, created.text);
    const subscription = created.json<{ uuid: string }>();
    await until(bound('user_created'), 'the binding of user_created');
    const delivery = async () =>
      (await api(admin)('GET', '/status')).json<{ delivery: { status: string; bindings: number } }>()
        .delivery;
    await until(async () => (await delivery()).status === 'ok', 'the delivery engine ok in /status');
    assert.equal((await delivery()).bindings, 1);
    for (let seq = 0; seq < 20; seq += 1) await publish('user_created', { seq });
    await receiver.waitFor(20);
    assert.deepEqual(
      receiver.requests.map((r) => r.url),
      Array.from({ length: 20 }, (_, seq) => `/user_created/${seq}`),
    );
    assert.ok(receiver.requests.every((r) => r.method === 'PUT'));
    await until(async () => {
      const logs = await api(admin)('GET', `/subscriptions/${subscription.uuid}/logs?limit=100`);
      return logs.json<{ items: unknown[] }>().items.length === 20;
    }, 'twenty log rows');
    const logs = await api(admin)('GET', `/subscriptions/${subscription.uuid}/logs?limit=1`);
    const [last] = logs.json<{ items: Record<string, unknown>[] }>().items;
    assert.equal(last!.status, 'success');
    assert.equal(last!.attempts, 1);
    assert.equal(last!.max_attempts, 2);
    assert.equal((last!.event as { name: string }).name, 'user_created');
    assert.equal((last!.detail as { request_method: string }).request_method, 'PUT');
    assert.equal(last!.uuid, receiver.requests.at(-1)!.headers['x-wazo-delivery-id']);
  });

  it("when a user's own subscription targets localhost, then it is skipped and logged as a success, as Wazo", async () => {
    const before = receiver.requests.length;
    const created = await api(user)('POST', '/users/me/subscriptions', {
      name: 'mine',
      service: 'http',
      events: ['user_updated'],
      config: { url: `${receiver.url}/mine`, method: 'post' },
    });
    assert.equal(created.status, 201, created.text);
    const { uuid } = created.json<{ uuid: string }>();
    await until(bound('user_updated'), 'the binding of user_updated');
    await publish('user_updated', { seq: 1 }, { [`user_uuid:${USER}`]: true }, 'wazo-of-user');
    await until(async () => {
      const { rows } = await webhookd.database.pool.query(
        'SELECT status, detail FROM webhookd_subscription_log WHERE subscription_uuid = $1',
        [uuid],
      );
      return rows.length === 1 && rows[0].status === 'success';
    }, 'the skipped attempt logged');
    assert.equal(receiver.requests.length, before);
  });

  it('when POST /mobile/notifications is invalid or names an unknown user, then 400 as Wazo; without the ACL, 401', async () => {
    const good = {
      notification_type: 'my_type',
      user_uuid: randomUUID(),
      title: 't',
      body: 'b',
      extra: { k: 1 },
    };
    const post = (token: string, body: unknown) => api(token)('POST', '/mobile/notifications', body);
    for (const bad of [
      { ...good, notification_type: 'incomingCall' },
      { ...good, notification_type: 'no spaces' },
      { ...good, notification_type: '' },
      { ...good, user_uuid: 'short' },
      { ...good, title: 'x'.repeat(129) },
      { ...good, body: 'x'.repeat(251) },
      { ...good, extra: 'not an object' },
    ]) {
      const response = await post(admin, bad);
      assert.equal(response.status, 400, JSON.stringify(bad));
      assert.equal(response.json<{ error_id: string }>().error_id, 'invalid-data', JSON.stringify(bad));
    }
    const unknownUser = await post(admin, good);
    assert.equal(unknownUser.status, 400);
    assert.equal(unknownUser.json<{ error_id: string }>().error_id, 'invalid-user-uuid');
    assert.equal((await post(user, good)).status, 401);
  });
});
