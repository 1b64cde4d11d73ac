/**
 * A subscription receives user events from a real wazo-confd, in order: real wazo-auth, real
 * wazo-confd and wazo-webhookd on one throwaway exchange of the real RabbitMQ; users created and
 * edited through confd's REST API reach an HTTP receiver as Wazo's callbacks, in commit order.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { type AuthUnderTest, startAuth } from '@wazo-ts/auth/testing';
import { type ConfdUnderTest, startConfd } from '@wazo-ts/confd/testing';
import { call } from '@wazo-ts/daemon/testing';
import { Connection } from 'rabbitmq-client';
import { type Receiver, startReceiver } from '../src/testing/delivery.js';
import { AMQP_URI, startWebhookd, type WebhookdUnderTest } from '../src/testing/index.js';

async function until<T>(what: string, check: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('wazo-webhookd on a real wazo-confd', { timeout: 240_000 }, () => {
  const exchange = `wazo-ts-test.webhookd-confd.${randomBytes(4).toString('hex')}`;
  const bus = { transport: 'amqp', uri: AMQP_URI, exchange_name: exchange, exchange_type: 'headers' };
  let auth: AuthUnderTest;
  let confd: ConfdUnderTest;
  let webhookd: WebhookdUnderTest;
  let receiver: Receiver;

  before(async () => {
    auth = await startAuth({ config: { bus } });
    confd = await startConfd(auth, { config: { bus } });
    webhookd = await startWebhookd({ config: { bus } });
    receiver = await startReceiver();
  });
  after(async () => {
    await receiver?.close();
    await webhookd?.stop();
    await confd?.stop();
    await auth?.stop();
    const broker = new Connection({ url: AMQP_URI, connectionName: `${exchange} cleanup` });
    await broker.exchangeDelete({ exchange }).catch(() => undefined);
    await broker.close();
  });

  it('when users are created and edited through confd, then the subscription gets each callback in order', async () => {
    const admin = await auth.tokenFor(['auth.tenants.#', 'confd.#']);
    const created = await call(`${auth.api}/tenants`, {
      method: 'POST',
      headers: { 'x-auth-token': admin },
      body: { name: 'hooks', slug: `hk${randomBytes(3).toString('hex')}` },
    });
    assert.equal(created.status, 200, created.text);
    const tenant = created.json<{ uuid: string }>().uuid;
    await until('the tenant in confd', async () => {
      const { rows } = await confd.database.pool.query('SELECT 1 FROM tenant WHERE uuid = $1', [tenant]);
      return rows[0];
    });

    webhookd.auth.setTenants([{ uuid: tenant }]);
    const hooks = webhookd.auth.addToken({ acl: ['webhookd.#'], metadata: { tenant_uuid: tenant } }).token;
    const subscription = await call(`${webhookd.api}/subscriptions`, {
      method: 'POST',
      headers: { 'x-auth-token': hooks },
      body: {
        name: 'user changes',
        service: 'http',
        events: ['user_created', 'user_edited'],
        config: { url: `${receiver.url}/{{ event_name }}`, method: 'post' },
      },
    });
    assert.equal(subscription.status, 201, subscription.text);
    await until('the bindings', async () => {
      const { rows } = await webhookd.database.pool.query('SELECT 1 FROM webhookd_delivery_binding');
      return rows.length >= 2 ? rows : undefined;
    });

    const confdCall = (method: string, path: string, body?: unknown) =>
      call(`${confd.api}${path}`, {
        method,
        headers: { 'x-auth-token': admin, 'wazo-tenant': tenant },
        ...(body === undefined ? {} : { body }),
      });
    const expected: [string, string][] = [];
    for (const firstname of ['Ada', 'Grace', 'Alan']) {
      const user = await confdCall('POST', '/users', { firstname });
      assert.equal(user.status, 201, user.text);
      const { uuid } = user.json<{ uuid: string }>();
      expected.push(['/user_created', uuid]);
      assert.equal((await confdCall('PUT', `/users/${uuid}`, { firstname, lastname: 'Edited' })).status, 204);
      expected.push(['/user_edited', uuid]);
    }

    await receiver.waitFor(expected.length, 60_000);
    const got = receiver.requests.map((r) => {
      const data = JSON.parse(r.body) as { uuid: string };
      return [r.url, data.uuid];
    });
    assert.deepEqual(got, expected);
    const ids = receiver.requests.map((r) => r.headers['x-wazo-delivery-id']);
    assert.equal(new Set(ids).size, expected.length);
  });
});
