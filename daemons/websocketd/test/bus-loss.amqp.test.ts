/**
 * websocketd on a real RabbitMQ (the `wazo-headers` exchange, isolated from other tests by this
 * run's own origin_uuid): events flow through the broker; when the broker cuts the daemon's
 * connection every session is closed with 1011 "bus connection lost"; once the transport is
 * back by itself, new sessions work again without a restart.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { type BusTransport, createAmqpTransport } from '@wazo-ts/bus';
import { closeAmqpConnection } from '@wazo-ts/bus/testing';
import { connectClient, type Frame, startedClient, type TestClient } from './support/client.js';
import { publishTestEvent } from './support/events.js';
import { startStack, type WebsocketdStack } from './support/stack.js';

const amqpUri = process.env.WAZO_TEST_AMQP_URI ?? 'amqp://guest:guest@127.0.0.1:5672';

async function waitFor(check: () => boolean, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('websocketd on RabbitMQ', () => {
  const connectionName = `wazo-websocketd-test ${randomUUID()}`;
  let transport: BusTransport;
  let stack: WebsocketdStack;
  let token: string;

  /** Publishes `name` until the client sees it (the queue may still be re-declaring after a reconnect). */
  async function deliveredTo(client: TestClient, name: string): Promise<Frame> {
    const seen = client.next((f) => (f.data as Frame | null)?.name === name, 20_000);
    const publish = () =>
      publishTestEvent(transport, { name, originUuid: stack.originUuid, requiredAcl: null }).catch(
        () => undefined,
      );
    await publish();
    const repeat = setInterval(() => void publish(), 200);
    return seen.finally(() => clearInterval(repeat));
  }

  before(async () => {
    transport = createAmqpTransport({
      config: { uri: amqpUri },
      connectionName,
      retryLowMs: 100,
      retryHighMs: 500,
    });
    stack = await startStack({ transport });
    token = (await stack.login({ acl: ['websocketd'] })).token;
  });
  after(async () => {
    await stack?.stop();
    await transport?.close();
  });

  it('when events are published on RabbitMQ, then a started client receives them', async () => {
    const client = await startedClient(`${stack.wsBase}/?token=${token}&version=2`, ['*']);
    const event = await deliveredTo(client, 'through_rabbitmq');
    assert.equal((event.data as Frame).origin_uuid, stack.originUuid);
    await client.close();
  });

  it('when the broker cuts the connection, then sessions close with 1011 and new ones work once it is back', async () => {
    const before = await startedClient(`${stack.wsBase}/?token=${token}&version=2`, ['*']);
    await deliveredTo(before, 'before_the_cut');
    const states: string[] = [];
    transport.onStateChange((state) => states.push(state));
    assert.equal(await closeAmqpConnection(connectionName), 1, 'our connection was cut');
    assert.deepEqual(await before.closed, { code: 1011, reason: 'bus connection lost' });
    await waitFor(() => states.includes('disconnected') && transport.state() === 'connected');

    const after = await startedClient(`${stack.wsBase}/?token=${token}&version=2`, ['*']);
    await deliveredTo(after, 'after_the_cut');
    const health = await fetch(`${stack.daemon.url}/1.0/status`, { method: 'HEAD' });
    assert.equal(health.status, 200);
    await after.close();
  });
});

describe('websocketd on RabbitMQ, revocation events missed', () => {
  const connectionName = `wazo-websocketd-test ${randomUUID()}`;
  let transport: BusTransport;
  let stack: WebsocketdStack;
  before(async () => {
    transport = createAmqpTransport({
      config: { uri: amqpUri },
      connectionName,
      retryLowMs: 100,
      retryHighMs: 500,
    });
    stack = await startStack({ transport, separateAuthBus: true });
  });
  after(async () => {
    await stack?.stop();
    await transport?.close();
  });

  it('when the bus connection comes back, then a token revoked meanwhile is asked again and refused', async () => {
    const { token } = await stack.login({ acl: ['websocketd'] });
    const first = await startedClient(`${stack.wsBase}/?token=${token}&version=2`, ['*']);
    await first.close();
    await fetch(`${stack.auth.api}/token/${token}`, { method: 'DELETE' });
    const cached = await startedClient(`${stack.wsBase}/?token=${token}&version=2`, ['*']);
    const states: string[] = [];
    transport.onStateChange((state) => states.push(state));
    assert.equal(await closeAmqpConnection(connectionName), 1, 'our connection was cut');
    assert.equal((await cached.closed).code, 1011);
    await waitFor(() => states.includes('disconnected') && transport.state() === 'connected');
    const again = connectClient(`${stack.wsBase}/?token=${token}`);
    assert.deepEqual(await again.closed, { code: 4002, reason: 'authentication failed' });
  });
});
