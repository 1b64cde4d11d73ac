/**
 * The events follower against a tiny websocket server speaking websocketd's version 2: the
 * subscribe/start handshake, event delivery, reconnection after 1011, and the closes that end it.
 */
import assert from 'node:assert/strict';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, it } from 'node:test';
import { type WebSocket, WebSocketServer } from 'ws';
import { CliError } from '../core/errors.js';
import { followEvents } from './follow.js';

interface Script {
  /** Called once the client sent `start`; `n` counts connections from 1. */
  onStart(socket: WebSocket, n: number): void;
}

async function fakeWebsocketd(script: Script) {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await once(server, 'listening');
  const received: { n: number; url: string; token: string | undefined; ops: unknown[] }[] = [];
  server.on('connection', (socket, request) => {
    const record = {
      n: received.length + 1,
      url: request.url ?? '',
      token: request.headers['x-auth-token'] as string | undefined,
      ops: [] as unknown[],
    };
    received.push(record);
    socket.send(JSON.stringify({ op: 'init', code: 0, data: { version: 2 } }));
    socket.on('message', (raw) => {
      const message = JSON.parse(String(raw)) as { op: string };
      record.ops.push(message);
      socket.send(JSON.stringify({ op: message.op, code: 0, data: null }));
      if (message.op === 'start') script.onStart(socket, record.n);
    });
  });
  const url = `ws://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  return { server, url, received, close: () => new Promise((resolve) => server.close(resolve)) };
}

const event = (name: string) => JSON.stringify({ op: 'event', code: 0, data: { name, data: { id: 1 } } });

describe('followEvents', () => {
  let close: (() => Promise<unknown>) | undefined;
  afterEach(() => close?.());

  it('when started, then it subscribes to each name, starts, and hands over events until aborted', async () => {
    const controller = new AbortController();
    const events: unknown[] = [];
    const fake = await fakeWebsocketd({ onStart: (socket) => socket.send(event('user_created')) });
    close = fake.close;
    await followEvents({
      url: fake.url,
      token: async () => 'tok-1',
      names: ['user_created', 'user_edited'],
      tls: {},
      signal: controller.signal,
      onEvent: (e) => {
        events.push(e);
        controller.abort();
      },
      onNotice: () => undefined,
    });
    assert.deepEqual(events, [{ name: 'user_created', data: { id: 1 } }]);
    const [first] = fake.received;
    assert.equal(first?.token, 'tok-1');
    assert.match(first?.url ?? '', /version=2/);
    assert.deepEqual(first?.ops, [
      { op: 'subscribe', data: { event_name: 'user_created' } },
      { op: 'subscribe', data: { event_name: 'user_edited' } },
      { op: 'start' },
    ]);
  });

  it('when the server closes with 1011, then it reconnects with a fresh token and goes on', async () => {
    const controller = new AbortController();
    const notices: string[] = [];
    let tokens = 0;
    const fake = await fakeWebsocketd({
      onStart: (socket, n) =>
        n === 1 ? socket.close(1011, 'bus connection lost') : socket.send(event('after')),
    });
    close = fake.close;
    await followEvents({
      url: fake.url,
      token: async () => `tok-${++tokens}`,
      names: ['*'],
      tls: {},
      signal: controller.signal,
      backoff: [10],
      onEvent: () => controller.abort(),
      onNotice: (line) => notices.push(line),
    });
    assert.equal(fake.received.length, 2);
    assert.equal(fake.received[1]?.token, 'tok-2');
    assert.ok(notices.some((n) => /connection lost \(1011 bus connection lost\); reconnecting/.test(n)));
  });

  for (const [code, message] of [
    [4002, /refused the token \(4002.*run `wazo login`/],
    [4003, /token expired while following events \(4003\)/],
  ] as const)
    it(`when the server closes with ${code}, then it ends with a clear message`, async () => {
      const fake = await fakeWebsocketd({ onStart: (socket) => socket.close(code, 'no') });
      close = fake.close;
      const following = followEvents({
        url: fake.url,
        token: async () => 't',
        names: ['*'],
        tls: {},
        signal: new AbortController().signal,
        backoff: [10],
        onEvent: () => undefined,
        onNotice: () => undefined,
      });
      await assert.rejects(
        following,
        (error: Error) => error instanceof CliError && message.test(error.message),
      );
    });

  it('when nothing listens, then it ends with the cannot-connect message', async () => {
    const fake = await fakeWebsocketd({ onStart: () => undefined });
    await fake.close();
    const following = followEvents({
      url: fake.url,
      token: async () => 't',
      names: ['*'],
      tls: {},
      signal: new AbortController().signal,
      onEvent: () => undefined,
      onNotice: () => undefined,
    });
    await assert.rejects(
      following,
      /cannot connect to wazo-websocketd at ws:\/\/127\.0\.0\.1:\d+\/: connection refused/,
    );
  });
});
