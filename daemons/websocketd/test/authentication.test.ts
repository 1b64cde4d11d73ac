/**
 * Who may connect, as Wazo's test_authentication: close codes 4001 (no token), 4002 (bad token,
 * no `websocketd` ACL, bad renewal), 4004 (bad version), against a real wazo-auth; tokens from the
 * query or `X-Auth-Token`; renewal through the `token` op.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { connectClient } from './support/client.js';
import { startStack, type WebsocketdStack } from './support/stack.js';

describe('websocketd authentication', () => {
  let stack: WebsocketdStack;
  before(async () => {
    stack = await startStack();
  });
  after(async () => stack?.stop());

  it('when no token is given, then the connection is closed with 4001 "no token"', async () => {
    const client = connectClient(`${stack.wsBase}/`);
    assert.deepEqual(await client.closed, { code: 4001, reason: 'no token' });
    assert.deepEqual(client.frames, []);
  });

  it('when the token is unknown, then 4002 "authentication failed"', async () => {
    const client = connectClient(`${stack.wsBase}/?token=${randomUUID()}`);
    assert.deepEqual(await client.closed, { code: 4002, reason: 'authentication failed' });
  });

  it('when the token lacks the websocketd ACL, then 4002', async () => {
    const { token } = await stack.login({ acl: ['confd.users.me.read'] });
    const client = connectClient(`${stack.wsBase}/?token=${token}`);
    assert.equal((await client.closed).code, 4002);
  });

  it('when the version is not 1 or 2, then 4004 with no reason, even with a good token', async () => {
    const { token } = await stack.login({ acl: ['websocketd'] });
    for (const version of ['3', '0', 'abc']) {
      const client = connectClient(`${stack.wsBase}/?token=${token}&version=${version}`);
      assert.deepEqual(await client.closed, { code: 4004, reason: '' }, `version=${version}`);
    }
  });

  it("when a query name is repeated, then its first non-empty value counts, as Python's parse_qsl reads it", async () => {
    const { token } = await stack.login({ acl: ['websocketd'] });
    const client = connectClient(`${stack.wsBase}/?token=&token=${token}&version=&version=2`);
    assert.deepEqual(await client.next(), { op: 'init', code: 0, data: { version: 2 } });
    await client.close();
  });

  it('when the token is in X-Auth-Token on any path, then the session opens with the v1 init', async () => {
    const { token } = await stack.login({ acl: ['websocketd'] });
    const client = connectClient(`${stack.wsBase}/api/websocketd/anything`, {
      headers: { 'X-Auth-Token': token },
    });
    assert.deepEqual(await client.next(), { op: 'init', code: 0, data: { version: 1 } });
    await client.close();
  });

  it('when ?token= and X-Auth-Token differ, then the query wins', async () => {
    const { token } = await stack.login({ acl: ['websocketd'] });
    const client = connectClient(`${stack.wsBase}/?token=${token}&version=2`, {
      headers: { 'X-Auth-Token': randomUUID() },
    });
    assert.deepEqual(await client.next(), { op: 'init', code: 0, data: { version: 2 } });
    await client.close();
  });

  it('when a v2 client renews with a valid token, then it gets the token reply; with an invalid one, 4002', async () => {
    const first = await stack.login({ acl: ['websocketd'] });
    const second = await stack.login({ acl: ['websocketd'] });
    const client = connectClient(`${stack.wsBase}/?token=${first.token}&version=2`);
    await client.next((f) => f.op === 'init');
    client.send({ op: 'start' });
    await client.next((f) => f.op === 'start');
    client.send({ op: 'token', data: { token: second.token } });
    assert.deepEqual(await client.next(), { op: 'token', code: 0, data: null });
    client.send({ op: 'token', data: { token: randomUUID() } });
    assert.deepEqual(await client.closed, { code: 4002, reason: 'authentication failed' });
  });

  it('when the renewal token lacks the websocketd ACL, then 4002', async () => {
    const good = await stack.login({ acl: ['websocketd'] });
    const bare = await stack.login({ acl: ['confd.#'] });
    const client = connectClient(`${stack.wsBase}/?token=${good.token}&version=2`);
    await client.next((f) => f.op === 'init');
    client.send({ op: 'token', data: { token: bare.token } });
    assert.equal((await client.closed).code, 4002);
  });

  it('when wazo-auth answers with the websocket open, then GET /status shows the session count', async () => {
    const { token } = await stack.login({ acl: ['websocketd', 'websocketd.status.read'] });
    const client = connectClient(`${stack.wsBase}/?token=${token}`);
    await client.next();
    const status = (await (
      await fetch(`${stack.daemon.url}/1.0/status`, { headers: { 'X-Auth-Token': token } })
    ).json()) as {
      plugins: { websocket: { status: string; sessions: number } };
      bus_consumer: { status: string };
    };
    assert.equal(status.plugins.websocket.status, 'ok');
    assert.ok(status.plugins.websocket.sessions >= 1);
    assert.equal(status.bus_consumer.status, 'ok');
    await client.close();
  });
});
