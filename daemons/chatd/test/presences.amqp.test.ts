/**
 * Presences as the issue asks them, with every daemon real and in this process on the real
 * RabbitMQ: a user logging in through @wazo/sdk turns `connected` and a colleague's websocket
 * client (through wazo-websocketd) receives `chatd_presence_updated`; DND set through wazo-confd
 * shows in the presence; a state set by PUT reaches colleagues; a chatd restarted while a user
 * logs out and another is deleted shows the right presences after its start-up resync.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { createUserSeeder, postToken } from '@wazo-ts/auth/testing';
import { type ChatdStack, startChatdStack } from './support/stack.js';
import { type EventClient, eventClient, type WsEvent } from './support/ws-client.js';

const sdkScript = fileURLToPath(new URL('./support/sdk-presence.ts', import.meta.url));

interface User {
  uuid: string;
  username: string;
  password: string;
}

async function eventually<T>(what: string, probe: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const found = await probe();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`${what}: not within 15 s`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('wazo-chatd presences with wazo-auth, wazo-confd and wazo-websocketd on RabbitMQ', {
  timeout: 180_000,
}, () => {
  let stack: ChatdStack;
  let alice: User;
  let bob: User;
  let bobEvents: EventClient;

  const chatd = async (method: string, path: string, token: string, body?: unknown) => {
    const answer = await fetch(`${stack.chatdApi()}${path}`, {
      method,
      headers: { 'X-Auth-Token': token, ...(body ? { 'Content-Type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await answer.text();
    return { status: answer.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : null };
  };
  /** Waits until chatd knows `user` (its user_created came through the bus). */
  const known = async (user: User) => {
    let last: unknown;
    return eventually(`chatd knows ${user.username}`, async () => {
      const answer = await chatd('GET', `/users/${user.uuid}/presences`, stack.admin);
      last = answer;
      return answer.status === 200 ? answer.body : undefined;
    }).catch(async (error: Error) => {
      const status = await chatd('GET', '/status', stack.admin);
      throw new Error(
        `${error.message}; last answer ${JSON.stringify(last)}; status ${JSON.stringify(status.body)}`,
      );
    });
  };
  const presenceEvent = (uuid: string, match: (data: Record<string, unknown>) => boolean) => (e: WsEvent) =>
    e.name === 'chatd_presence_updated' && e.data.uuid === uuid && match(e.data);

  before(async () => {
    stack = await startChatdStack();
    [alice, bob] = await Promise.all([stack.createUser('Alice'), stack.createUser('Bob')]);
    await Promise.all([known(alice), known(bob)]);
    const bobLogin = await postToken(stack.auth.api, bob.username, bob.password, {
      body: { expiration: 600 },
    });
    bobEvents = await eventClient(stack.wsBase, bobLogin.token, ['chatd_presence_updated']);
  });
  after(async () => {
    await bobEvents?.close();
    await stack?.stop();
  });

  it('when a user is created in confd, then chatd shows it unavailable, disconnected, without lines', async () => {
    const presence = await known(alice);
    assert.deepEqual(presence, {
      uuid: alice.uuid,
      tenant_uuid: stack.auth.masterTenantUuid,
      state: 'unavailable',
      status: null,
      last_activity: null,
      line_state: 'unavailable',
      lines: [],
      mobile: false,
      do_not_disturb: false,
      connected: false,
    });
  });

  it("when Alice logs in through @wazo/sdk, then she is connected and Bob's websocket client gets chatd_presence_updated", async () => {
    const connected = bobEvents.next(presenceEvent(alice.uuid, (d) => d.connected === true));
    const child = spawn(process.execPath, ['--conditions=wazo-ts-source', '--import', 'tsx', sdkScript], {
      env: {
        ...process.env,
        NODE_EXTRA_CA_CERTS: stack.gateway.certificate.certificate,
        SDK_SERVER: stack.gateway.server,
        SDK_USERNAME: alice.username,
        SDK_PASSWORD: alice.password,
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
    });
    await new Promise((resolve) => child.once('exit', resolve));
    const result = JSON.parse(out) as {
      login?: { uuid: string };
      presence?: Record<string, unknown>;
      error?: string;
    };
    assert.equal(result.error, undefined, result.error);
    assert.equal(result.login?.uuid, alice.uuid);

    const event = await connected;
    assert.equal(event.required_acl, `events.chatd.users.${alice.uuid}.presences.updated`);
    assert.equal(event.tenant_uuid, stack.auth.masterTenantUuid);
    assert.equal(event.data.state, 'unavailable', 'logging in does not change the state');
    assert.equal(event.data.mobile, false);
    // The SDK read its own presence right after login: connected already (the session event
    // may come after the SDK's read only if chatd had not applied it yet; it did by now).
    const after = await chatd('GET', `/users/${alice.uuid}/presences`, stack.admin);
    assert.equal(after.body?.connected, true);
    assert.equal(result.presence?.uuid, alice.uuid);
  });

  it('when DND is enabled through confd, then the presence shows it and colleagues are told', async () => {
    const dnd = bobEvents.next(presenceEvent(alice.uuid, (d) => d.do_not_disturb === true));
    const answer = await fetch(`${stack.confd.api}/users/${alice.uuid}/services/dnd`, {
      method: 'PUT',
      headers: { 'X-Auth-Token': stack.admin, 'Content-Type': 'application/json' },
      body: JSON.stringify({ enabled: true }),
    });
    assert.equal(answer.status, 204, await answer.text());
    await dnd;
    const presence = await chatd('GET', `/users/${alice.uuid}/presences`, stack.admin);
    assert.equal(presence.body?.do_not_disturb, true);
  });

  it('when Alice sets her state and status with her own token, then it is kept with last_activity and colleagues see it', async () => {
    const own = await postToken(stack.auth.api, alice.username, alice.password, {
      body: { expiration: 600 },
    });
    const seen = bobEvents.next(presenceEvent(alice.uuid, (d) => d.state === 'away'));
    const put = await chatd('PUT', `/users/${alice.uuid}/presences`, own.token, {
      state: 'away',
      status: 'lunch',
    });
    assert.equal(put.status, 204, JSON.stringify(put.body));
    const event = await seen;
    assert.equal(event.data.status, 'lunch');
    assert.equal(typeof event.data.last_activity, 'string');
    const me = await chatd('GET', '/users/me/presences', own.token);
    assert.equal(me.body?.state, 'away');
    assert.equal(me.body?.status, 'lunch');

    const others = await chatd('PUT', `/users/${bob.uuid}/presences`, own.token, { state: 'away' });
    assert.equal(others.status, 401, "a user may not set a colleague's presence");
    const bad = await chatd('PUT', `/users/${alice.uuid}/presences`, own.token, { state: 'sleeping' });
    assert.equal(bad.status, 400);
    assert.equal((await chatd('GET', '/users/me/presences', own.token)).body?.state, 'away');
  });

  it("when the tenant lists presences, then it gets Wazo's list shape, filtered by user_uuid", async () => {
    const all = await chatd('GET', '/users/presences', stack.admin);
    assert.equal(all.status, 200);
    const uuids = ((all.body?.items ?? []) as { uuid: string }[]).map((p) => p.uuid);
    assert.ok(uuids.includes(alice.uuid) && uuids.includes(bob.uuid));
    const some = await chatd('GET', `/users/presences?user_uuid=${bob.uuid}`, stack.admin);
    assert.equal(some.body?.filtered, 1);
    assert.equal(some.body?.total, all.body?.total);
    assert.equal(((some.body?.items ?? []) as { uuid: string }[])[0]?.uuid, bob.uuid);
  });

  it("when an admin of another tenant asks, then the tenant's users are unknown to it", async () => {
    const seeder = createUserSeeder(
      stack.auth.database.pool,
      stack.auth.daemon.config.password_hash_iterations,
    );
    const otherTenant = await seeder.seedTenant(stack.auth.masterTenantUuid);
    const outsider = await seeder.seed({ tenantUuid: otherTenant, acl: ['chatd.#'] });
    const { token } = await postToken(stack.auth.api, outsider.username, outsider.password);
    const one = await chatd('GET', `/users/${alice.uuid}/presences`, token);
    assert.equal(one.status, 404);
    assert.equal(one.body?.error_id, 'unknown-user');
    const put = await chatd('PUT', `/users/${alice.uuid}/presences`, token, { state: 'available' });
    assert.equal(put.status, 404);
    const list = await chatd('GET', `/users/presences?recurse=true&user_uuid=${alice.uuid}`, token);
    assert.deepEqual(list.body, { items: [], filtered: 0, total: 0 });
    const unchanged = await chatd('GET', `/users/${alice.uuid}/presences`, stack.admin);
    assert.equal(unchanged.body?.state, 'away');
  });

  it('when confd cannot be reached at start, then the presence routes answer 503 not-initialized', async () => {
    const lonely = await stack.runChatd({ confd: { host: '127.0.0.1', port: 1, https: false, timeout: 2 } });
    try {
      const answer = await fetch(`${lonely.url}/1.0/users/${alice.uuid}/presences`, {
        headers: { 'X-Auth-Token': stack.admin },
      });
      const body = (await answer.json()) as Record<string, unknown>;
      assert.equal(answer.status, 503);
      assert.equal(body.error_id, 'not-initialized');
      const list = await fetch(`${lonely.url}/1.0/users/presences`, {
        headers: { 'X-Auth-Token': stack.admin },
      });
      assert.equal(list.status, 503);
    } finally {
      await lonely.stop();
    }
  });

  it('when chatd is down while Alice logs out and Carol is deleted, then after its restart it shows both right', async () => {
    const carol = await stack.createUser('Carol');
    await known(carol);
    const session = await postToken(stack.auth.api, alice.username, alice.password, {
      body: { expiration: 600 },
    });
    const before = (await chatd('GET', `/users/${alice.uuid}/presences`, stack.admin)).body;
    assert.equal(before?.connected, true);

    await stack.stopChatd();
    // Every session of Alice ends (the SDK's, the PUT's and this one) while chatd is away.
    const sessions = await fetch(`${stack.auth.api}/users/${alice.uuid}/sessions`, {
      headers: { 'X-Auth-Token': stack.admin },
    }).then((r) => r.json() as Promise<{ items: { uuid: string }[] }>);
    assert.ok(sessions.items.some((s) => s.uuid === session.session_uuid));
    for (const s of sessions.items) {
      const deleted = await fetch(`${stack.auth.api}/users/${alice.uuid}/sessions/${s.uuid}`, {
        method: 'DELETE',
        headers: { 'X-Auth-Token': stack.admin },
      });
      assert.equal(deleted.status, 204);
    }
    const removed = await fetch(`${stack.confd.api}/users/${carol.uuid}`, {
      method: 'DELETE',
      headers: { 'X-Auth-Token': stack.admin },
    });
    assert.equal(removed.status, 204, await removed.text());

    const disconnected = bobEvents.next(
      presenceEvent(alice.uuid, (d) => d.connected === false),
      90_000,
    );
    await stack.startChatd();
    // The resync announces what changed while chatd was away.
    await disconnected;
    const alicePresence = await chatd('GET', `/users/${alice.uuid}/presences`, stack.admin);
    assert.equal(alicePresence.status, 200);
    assert.equal(alicePresence.body?.connected, false);
    assert.equal(alicePresence.body?.state, 'away', 'the state set before stays');
    assert.equal(alicePresence.body?.do_not_disturb, true);
    const carolPresence = await chatd('GET', `/users/${carol.uuid}/presences`, stack.admin);
    assert.equal(carolPresence.status, 404);
    assert.equal(carolPresence.body?.error_id, 'unknown-user');
  });
});
