/**
 * A session's token over time, as Wazo's test_authentication: 4003 when it expires (dynamic and
 * static checks), an immediate close when wazo-auth deletes its session (after the client saw the
 * event if its ACL allows), and at the next check when that event never arrived; 1008 for a
 * client that stops reading, 1001 when the daemon stops.
 */
import assert from 'node:assert/strict';
import type { Socket } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { connectClient, type Frame, startedClient } from './support/client.js';
import { publishTestEvent } from './support/events.js';
import { deafClient } from './support/raw-upgrade.js';
import { startStack, type WebsocketdStack } from './support/stack.js';

describe('websocketd token lifecycle (dynamic check)', () => {
  let stack: WebsocketdStack;
  before(async () => {
    stack = await startStack();
  });
  after(async () => stack?.stop());

  it('when the token expires, then the session is closed with 4003 "authentication expired"', async () => {
    const { token } = await stack.login({ acl: ['websocketd'], expiration: 2 });
    const client = await startedClient(`${stack.wsBase}/?token=${token}&version=2`, ['*']);
    assert.deepEqual(await client.closed, { code: 4003, reason: 'authentication expired' });
  });

  it('when the session is deleted in wazo-auth, then the client gets the event and is closed with 4003', async () => {
    const { token, sessionUuid } = await stack.login({
      acl: ['websocketd', 'events.auth.sessions.my_session.#'],
      expiration: 600,
    });
    const client = await startedClient(`${stack.wsBase}/?token=${token}&version=2`, ['auth_session_deleted']);
    const revoked = await fetch(`${stack.auth.api}/token/${token}`, { method: 'DELETE' });
    assert.equal(revoked.status, 200);
    const event = await client.next();
    assert.equal((event.data as Frame).name, 'auth_session_deleted');
    assert.equal(((event.data as Frame).data as Frame).uuid, sessionUuid);
    assert.deepEqual(await client.closed, { code: 4003, reason: 'session deleted' });
  });

  it('when the session was renewed with a new token, then deleting the old session leaves it open', async () => {
    const first = await stack.login({ acl: ['websocketd'] });
    const second = await stack.login({ acl: ['websocketd', 'events.#'] });
    const client = await startedClient(`${stack.wsBase}/?token=${first.token}&version=2`, ['*']);
    client.send({ op: 'token', data: { token: second.token } });
    await client.next((f) => f.op === 'token');
    await fetch(`${stack.auth.api}/token/${first.token}`, { method: 'DELETE' });
    await client.next((f) => (f.data as Frame | null)?.name === 'auth_session_deleted');
    await publishTestEvent(stack.transport, {
      name: 'still_here',
      originUuid: stack.originUuid,
      requiredAcl: null,
    });
    await client.next((f) => (f.data as Frame | null)?.name === 'still_here');
    await client.close();
  });
});

describe('websocketd token lifecycle (static check, small send buffer)', () => {
  let stack: WebsocketdStack;
  before(async () => {
    stack = await startStack({
      config: {
        auth_check_strategy: 'static',
        auth_check_static_interval: 0.5,
        websocket: { max_buffered_bytes: 1024 },
      },
    });
  });
  after(async () => stack?.stop());

  it('when the token expires under the static strategy, then 4003 "authentication expired"', async () => {
    const { token } = await stack.login({ acl: ['websocketd'], expiration: 2 });
    const client = await startedClient(`${stack.wsBase}/?token=${token}`, ['*']);
    assert.deepEqual(await client.closed, { code: 4003, reason: 'authentication expired' });
  });

  it('when a client stops reading while events pile up, then it is closed with 1008 "send buffer full"', async () => {
    const { token } = await stack.login({ acl: ['websocketd'] });
    const client = await startedClient(`${stack.wsBase}/?token=${token}&version=2`, ['*']);
    const socket = (client.ws as unknown as { _socket: Socket })._socket;
    socket.pause();
    const big = { blob: 'x'.repeat(64 * 1024) };
    for (let i = 0; i < 400; i++)
      await publishTestEvent(stack.transport, {
        name: 'big',
        originUuid: stack.originUuid,
        requiredAcl: null,
        data: big,
      });
    socket.resume();
    assert.deepEqual(await client.closed, { code: 1008, reason: 'send buffer full' });
    assert.ok(client.frames.length < 400, `${client.frames.length} events reached the slow client`);
  });

  it('when the daemon stops, then open sessions are closed with 1001, and a client that never answers does not hold the stop', async () => {
    const { token } = await stack.login({ acl: ['websocketd'] });
    const client = connectClient(`${stack.wsBase}/?token=${token}`);
    await client.next((f) => f.op === 'init');
    const deaf = await deafClient(Number(new URL(stack.wsBase).port), `/?token=${token}`);
    const gone = new Promise((resolve) => deaf.once('close', resolve));
    let timer: NodeJS.Timeout | undefined;
    const bound = new Promise((resolve) => {
      timer = setTimeout(resolve, 15_000, 'stop still waiting');
    });
    const stopped = stack.daemon.stop().then(() => 'stopped');
    assert.equal(await Promise.race([stopped, bound]).finally(() => clearTimeout(timer)), 'stopped');
    assert.deepEqual(await client.closed, { code: 1001, reason: 'server shutdown' });
    await gone;
  });
});

describe('websocketd token lifecycle (revocation event missed)', () => {
  let stack: WebsocketdStack;
  before(async () => {
    stack = await startStack({
      separateAuthBus: true,
      config: { auth_check_strategy: 'static', auth_check_static_interval: 0.5 },
    });
  });
  after(async () => stack?.stop());

  it('when a token is revoked and websocketd misses the event, then the next check closes the session with 4003 and the token is refused', async () => {
    const { token } = await stack.login({ acl: ['websocketd'], expiration: 600 });
    const client = await startedClient(`${stack.wsBase}/?token=${token}&version=2`, ['*']);
    const revoked = await fetch(`${stack.auth.api}/token/${token}`, { method: 'DELETE' });
    assert.equal(revoked.status, 200);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise((resolve) => {
      timer = setTimeout(resolve, 15_000, 'still open');
    });
    const outcome = await Promise.race([client.closed, timeout]).finally(() => clearTimeout(timer));
    assert.deepEqual(outcome, { code: 4003, reason: 'authentication expired' });
    const again = connectClient(`${stack.wsBase}/?token=${token}`);
    assert.deepEqual(await again.closed, { code: 4002, reason: 'authentication failed' });
  });
});
