/**
 * wazo-auth's events on the real RabbitMQ (127.0.0.1:5672), read back with the bus library's
 * consumer as any other daemon would: a login publishes `auth_session_created` (user-scoped), a
 * tenant creation publishes `auth_tenant_added` (tenant-wide), each with Wazo's envelope headers.
 * The exchange is a throwaway one so parallel runs do not see each other's events.
 */

import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { type AuthUnderTest, postToken, startAuth } from '@wazo-ts/auth/testing';
import {
  authSessionCreated,
  authTenantAdded,
  type BusConsumer,
  createAmqpTransport,
  createBusConsumer,
  type ReceivedEvent,
} from '@wazo-ts/bus';
import { call } from '@wazo-ts/daemon/testing';
import { isUuid } from '@wazo-ts/db';
import { Connection } from 'rabbitmq-client';

const AMQP_URI = process.env.WAZO_TEST_AMQP_URI ?? 'amqp://guest:guest@127.0.0.1:5672';

function waitFor(events: ReceivedEvent[], match: (e: ReceivedEvent) => boolean): Promise<ReceivedEvent> {
  const deadline = Date.now() + 10_000;
  return new Promise((resolve, reject) => {
    const poll = () => {
      const found = events.find(match);
      if (found) return resolve(found);
      if (Date.now() > deadline)
        return reject(new Error(`event not received; got ${events.map((e) => e.name)}`));
      setTimeout(poll, 50);
    };
    poll();
  });
}

function assertEnvelope(event: ReceivedEvent, routingKey: string): void {
  const { headers, body } = event;
  assert.equal(headers.name, event.name);
  assert.ok(isUuid(headers.origin_uuid), String(headers.origin_uuid));
  assert.match(String(headers.timestamp), /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{6})?$/);
  assert.equal(headers.required_access, `event.${event.name}`);
  assert.equal(headers.required_acl, `events.${routingKey}`);
  assert.equal(event.routingKey, routingKey);
  for (const [key, value] of Object.entries(headers)) assert.deepEqual(body[key], value, `body.${key}`);
  assert.deepEqual(body.data, event.data);
}

describe('wazo-auth events on RabbitMQ', () => {
  const exchange = `wazo-ts-test.auth.${randomBytes(4).toString('hex')}`;
  const bus = { transport: 'amqp', uri: AMQP_URI, exchange_name: exchange, exchange_type: 'headers' };
  const received: ReceivedEvent[] = [];
  let auth: AuthUnderTest;
  let consumer: BusConsumer;
  let transport: ReturnType<typeof createAmqpTransport>;

  before(async () => {
    auth = await startAuth({ config: { bus } });
    transport = createAmqpTransport({
      config: { uri: AMQP_URI, exchange_name: exchange },
      connectionName: exchange,
    });
    consumer = createBusConsumer({ transport, name: 'wazo-auth-events-test' });
    await consumer.subscribe(authSessionCreated, (e) => void received.push(e as ReceivedEvent));
    await consumer.subscribe(authTenantAdded, (e) => void received.push(e as ReceivedEvent));
  });
  after(async () => {
    await consumer?.close();
    await transport?.close();
    await auth?.stop();
    const admin = new Connection({ url: AMQP_URI, connectionName: `${exchange} cleanup` });
    await admin.exchangeDelete({ exchange }).catch(() => undefined);
    await admin.close();
  });

  it('when a user logs in, then auth_session_created reaches a consumer with the user-scoped envelope', async () => {
    const user = await auth.seedUser({ acl: ['auth.#'] });
    const token = await postToken(auth.api, user.username, user.password);
    const event = await waitFor(received, (e) => (e.data as { uuid?: string }).uuid === token.session_uuid);
    assert.equal(event.name, 'auth_session_created');
    assertEnvelope(event, `auth.sessions.${token.session_uuid}.created`);
    assert.equal(event.headers.tenant_uuid, auth.masterTenantUuid);
    assert.equal(event.headers[`user_uuid:${user.uuid}`], true);
    assert.deepEqual(event.data, {
      uuid: token.session_uuid,
      tenant_uuid: auth.masterTenantUuid,
      user_uuid: user.uuid,
      mobile: false,
    });
  });

  it('when a tenant is created, then auth_tenant_added reaches a consumer with the tenant-wide envelope', async () => {
    const admin = await auth.tokenFor(['auth.#']);
    const slug = `ev${randomBytes(3).toString('hex')}`;
    const res = await call(`${auth.api}/tenants`, {
      method: 'POST',
      headers: { 'x-auth-token': admin },
      body: { name: 'Events Inc', slug },
    });
    assert.equal(res.status, 200, res.text);
    const tenant = res.json<{ uuid: string }>();
    const event = await waitFor(received, (e) => (e.data as { uuid?: string }).uuid === tenant.uuid);
    assert.equal(event.name, 'auth_tenant_added');
    assertEnvelope(event, `auth.tenants.${tenant.uuid}.created`);
    assert.equal(event.headers['user_uuid:*'], true);
    assert.ok(isUuid(event.headers.tenant_uuid), String(event.headers.tenant_uuid));
    assert.deepEqual(event.data, { uuid: tenant.uuid, name: 'Events Inc', slug, domain_names: [] });
  });
});
