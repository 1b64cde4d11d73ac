/**
 * One session with a fake socket and a hand-driven authenticator, under mocked timers: what is
 * left behind when a client leaves during a `token` op, and how a periodic check that overlaps a
 * `token` op is ordered.
 */
import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import { afterEach, beforeEach, describe, it, mock } from 'node:test';
import pino from 'pino';
import type { WebSocket } from 'ws';
import { audienceOf } from './audience.js';
import { type Authenticate, type Grant, openSession } from './session.js';

class FakeSocket extends EventEmitter {
  sent: string[] = [];
  closedWith: number | null = null;
  bufferedAmount = 0;
  send(text: string) {
    this.sent.push(text);
  }
  close(code: number) {
    this.closedWith = code;
    this.emit('close');
  }
  ping() {}
  terminate() {
    this.emit('close');
  }
}

function grantOf(token: string): Grant {
  const info = {
    token,
    auth_id: 'u',
    session_uuid: `session-${token}`,
    acl: ['websocketd'],
    expiresAt: Date.now() + 3_600_000,
    metadata: { uuid: 'u', tenant_uuid: 'master' },
  };
  return { token: info, audience: audienceOf(info, 'master') };
}

/** An authenticator whose answers the test gives, one call at a time. */
function scriptedAuth() {
  const calls: { token: string; fresh: boolean; settle(grant: Grant | Error): void }[] = [];
  const authenticate: Authenticate = (token, options) =>
    new Promise<Grant>((resolve, reject) => {
      calls.push({
        token,
        fresh: options?.fresh ?? false,
        settle: (answer) => (answer instanceof Error ? reject(answer) : resolve(answer)),
      });
    });
  return { calls, authenticate };
}

const flush = () => new Promise<void>((resolve) => setImmediate(resolve));
const tokenOp = (token: string) => Buffer.from(JSON.stringify({ op: 'token', data: { token } }));

function open(authenticate: Authenticate) {
  const ws = new FakeSocket();
  const session = openSession({
    ws: ws as unknown as WebSocket,
    version: 2,
    grant: grantOf('t1'),
    authenticate,
    check: { auth_check_strategy: 'static', auth_check_static_interval: 60 },
    maxBufferedBytes: 1 << 20,
    logger: pino({ level: 'silent' }),
  });
  return { ws, session };
}

describe('websocket session', () => {
  beforeEach(() => mock.timers.enable({ apis: ['setTimeout'] }));
  afterEach(() => mock.timers.reset());

  it('when the client leaves while its token op is checked, then no check is left scheduled', async () => {
    const { calls, authenticate } = scriptedAuth();
    const { ws, session } = open(authenticate);
    session.receive(tokenOp('t2'), false);
    await flush();
    assert.equal(calls.length, 1);
    ws.emit('close');
    calls[0]!.settle(grantOf('t2'));
    await flush();
    mock.timers.tick(13 * 3_600_000);
    await flush();
    assert.equal(calls.length, 1, 'a check ran for a session already gone');
  });

  it('when a periodic check falls due during a token op, then it waits and the old token is not checked', async () => {
    const { calls, authenticate } = scriptedAuth();
    const { ws, session } = open(authenticate);
    session.receive(tokenOp('t2'), false);
    await flush();
    mock.timers.tick(60_000);
    await flush();
    assert.deepEqual(
      calls.map((c) => c.token),
      ['t2'],
      'the check of t1 ran beside the token op',
    );
    calls[0]!.settle(grantOf('t2'));
    await flush();
    assert.equal(ws.closedWith, null);
    assert.equal(session.sessionUuid, 'session-t2');
    mock.timers.tick(60_000);
    await flush();
    assert.deepEqual(
      calls.map((c) => [c.token, c.fresh]),
      [
        ['t2', false],
        ['t2', true],
      ],
    );
    calls[1]!.settle(new Error('revoked'));
    await flush();
    assert.equal(ws.closedWith, 4003);
  });

  it('when a client subscribes to more than 1000 names, then 4004; names already held do not count', async () => {
    const { authenticate } = scriptedAuth();
    const { ws, session } = open(authenticate);
    const subscribe = (name: string) =>
      session.receive(Buffer.from(JSON.stringify({ op: 'subscribe', data: { event_name: name } })), false);
    for (let i = 0; i < 1000; i++) subscribe(`event_${i}`);
    subscribe('event_0');
    subscribe('*');
    await flush();
    assert.equal(ws.closedWith, null);
    subscribe('one_too_many');
    await flush();
    assert.equal(ws.closedWith, 4004);
  });
});
