/**
 * Caps on open sessions (issue 12: one plain user opened 6,652 until the process ran out of file
 * descriptors): per token and per user, refused beyond with 4002 "too many sessions", and every
 * trace of a session gone from the daemon's registries once it leaves.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { postToken } from '@wazo-ts/auth/testing';
import { connectClient, type TestClient } from './support/client.js';
import { startStack, type WebsocketdStack } from './support/stack.js';

interface WebsocketStatus {
  sessions: number;
  session_holders: { tokens: number; users: number };
}

describe('websocketd session caps', () => {
  let stack: WebsocketdStack;
  let statusToken: string;
  before(async () => {
    stack = await startStack({
      config: { websocket: { max_sessions_per_token: 2, max_sessions_per_user: 3 } },
    });
    statusToken = (await stack.login({ acl: ['websocketd.status.read'] })).token;
  });
  after(async () => stack?.stop());

  const open = async (token: string): Promise<TestClient> => {
    const client = connectClient(`${stack.wsBase}/?token=${token}&version=2`);
    assert.equal((await client.next()).op, 'init');
    return client;
  };
  const refused = async (token: string) =>
    await connectClient(`${stack.wsBase}/?token=${token}&version=2`).closed;
  const websocketStatus = async (): Promise<WebsocketStatus> => {
    const answer = await fetch(`${stack.daemon.url}/1.0/status`, {
      headers: { 'X-Auth-Token': statusToken },
    });
    return ((await answer.json()) as { plugins: { websocket: WebsocketStatus } }).plugins.websocket;
  };
  /** The server sees a close a moment after the client: waits for its count to settle. */
  const settled = async (sessions: number): Promise<WebsocketStatus> => {
    for (let tries = 0; ; tries++) {
      const status = await websocketStatus();
      if (status.sessions === sessions || tries > 200) return status;
      await new Promise((resolve) => setImmediate(resolve));
    }
  };

  it('when a token holds its limit of sessions, then one more is closed with 4002 "too many sessions", and a freed room is usable again', async () => {
    const { token } = await stack.login({ acl: ['websocketd'] });
    const first = await open(token);
    const second = await open(token);
    assert.deepEqual(await refused(token), { code: 4002, reason: 'too many sessions' });
    await first.close();
    await settled(1);
    const third = await open(token);
    await Promise.all([second.close(), third.close()]);
    await settled(0);
  });

  it('when a user holds its limit over several tokens, then one more is refused, whatever the token', async () => {
    const { token, user } = await stack.login({ acl: ['websocketd'] });
    const other = (
      await postToken(stack.auth.api, user.username, user.password, { body: { expiration: 600 } })
    ).token;
    const clients = [await open(token), await open(token), await open(other)];
    assert.deepEqual(await refused(other), { code: 4002, reason: 'too many sessions' });
    // Another user is not counted against this one.
    const stranger = await stack.login({ acl: ['websocketd'] });
    clients.push(await open(stranger.token));
    await Promise.all(clients.map((client) => client.close()));
    await settled(0);
  });

  it('when many sessions open and leave, then no per-session state is left in the registries', async () => {
    const users = await Promise.all([1, 2, 3].map(() => stack.login({ acl: ['websocketd'] })));
    for (let round = 0; round < 10; round++) {
      const clients = await Promise.all(users.flatMap(({ token }) => [open(token), open(token)]));
      assert.equal((await websocketStatus()).sessions, 6);
      // Refused attempts leave nothing either.
      assert.equal((await refused(users[round % 3]!.token)).code, 4002);
      await Promise.all(clients.map((client) => client.close()));
    }
    const status = await settled(0);
    assert.deepEqual(status.session_holders, { tokens: 0, users: 0 });
    assert.equal(status.sessions, 0);
  });
});
