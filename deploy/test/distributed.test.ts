/**
 * The distributed layout without containers: wazo-auth, wazo-confd and wazo-websocketd as separate
 * processes started through their npm commands, each on its own PostgreSQL database, talking over
 * HTTP and the real RabbitMQ, with the service keys written by wazo-auth-bootstrap. Then the flow
 * a Wazo client goes through: admin token, a user and its login made through confd (which asks wazo-auth),
 * the user logs in and reads itself from confd, and a websocket sees `user_edited` after a change.
 * Last, the platform's HTTPS gateway in front of the three processes, and the same @wazo/sdk flow
 * the all-in-one end-to-end test runs.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { postToken } from '@wazo-ts/auth/testing';
import { call, createSelfSignedCertificate } from '@wazo-ts/daemon/testing';
import { startGateway } from '@wazo-ts/platform';
import { runSdkFlow } from '@wazo-ts/platform/testing';
import { openEventsSocket } from './support/events-socket.js';
import { type Stack, startStack } from './support/stack.js';

describe('the daemons as separate processes on PostgreSQL and RabbitMQ', { timeout: 600_000 }, () => {
  let stack: Stack;
  let adminToken: string;
  const alice = { uuid: '', username: `alice-${randomBytes(4).toString('hex')}`, password: 'alice-secret-1' };
  let aliceToken: string;

  before(async () => {
    stack = await startStack();
    adminToken = (await postToken(`${stack.auth.url}/0.1`, stack.admin.username, stack.admin.password)).token;
  });
  after(async () => {
    if (!stack) return;
    const codes = await stack.stop();
    assert.deepEqual(
      codes,
      { webhookd: 0, websocketd: 0, confd: 0, auth: 0 },
      'each daemon exits 0 on SIGTERM',
    );
  });

  const asAdmin = (url: string, method = 'GET', body?: unknown) =>
    call(url, { method, headers: { 'x-auth-token': adminToken }, ...(body === undefined ? {} : { body }) });

  it('when the bootstrap ran, then confd and websocketd hold service tokens from their key files', async () => {
    assert.match(stack.bootstrapOutput, /initial user admin ready/);
    assert.match(stack.bootstrapOutput, /service account wazo-confd: /);
    for (const [daemon, url] of [
      ['confd', `${stack.confd.url}/1.1/status`],
      ['websocketd', `${stack.websocketd.url}/1.0/status`],
      ['webhookd', `${stack.webhookd.url}/1.0/status`],
    ] as const) {
      const status = await asAdmin(url);
      assert.equal(status.status, 200, `${daemon}: ${status.text}`);
      const body = status.json<Record<string, { status: string }>>();
      assert.equal(body.service_token?.status, 'ok', `${daemon}: ${status.text}`);
    }
  });

  it('when the admin creates a user with its login through confd, then wazo-auth holds it under the same uuid', async () => {
    const created = await asAdmin(`${stack.confd.url}/1.1/users`, 'POST', {
      firstname: 'Alice',
      lastname: 'Apart',
      auth: { username: alice.username, password: alice.password },
    });
    assert.equal(created.status, 201, created.text);
    alice.uuid = created.json<{ uuid: string }>().uuid;
    const login = await asAdmin(`${stack.auth.url}/0.1/users/${alice.uuid}`);
    assert.equal(login.status, 200, login.text);
    assert.equal(login.json<{ username: string }>().username, alice.username);
  });

  it('when the user logs in, then it reads itself from confd with its own token', async () => {
    const token = await postToken(`${stack.auth.url}/0.1`, alice.username, alice.password);
    assert.equal(token.metadata.uuid, alice.uuid);
    aliceToken = token.token;
    const me = await call(`${stack.confd.url}/1.1/users/${alice.uuid}`, {
      headers: { 'x-auth-token': aliceToken },
    });
    assert.equal(me.status, 200, me.text);
    assert.equal(me.json<{ firstname: string }>().firstname, 'Alice');
  });

  it('when confd edits the user, then a websocket client of wazo-websocketd receives user_edited from the bus', async () => {
    assert.ok(alice.uuid, 'the user of the previous test');
    const socket = await openEventsSocket(stack.websocketd.url, adminToken, ['user_edited']);
    try {
      const edited = await asAdmin(`${stack.confd.url}/1.1/users/${alice.uuid}`, 'PUT', {
        firstname: 'Alicia',
      });
      assert.equal(edited.status, 204, edited.text);
      const event = await socket.next((e) => e.name === 'user_edited' && e.data.uuid === alice.uuid);
      assert.equal(event.data.tenant_uuid, event.tenant_uuid);
    } finally {
      socket.close();
    }
    const read = await asAdmin(`${stack.confd.url}/1.1/users/${alice.uuid}`);
    assert.equal(read.status, 200, read.text);
    assert.equal(read.json<{ firstname: string }>().firstname, 'Alicia');
  });

  it('when confd deletes a user, then wazo-webhookd drops the subscriptions on its events, from user_deleted over RabbitMQ', async () => {
    const bob = await asAdmin(`${stack.confd.url}/1.1/users`, 'POST', {
      firstname: 'Bob',
      lastname: 'Hooked',
    });
    assert.equal(bob.status, 201, bob.text);
    const bobUuid = bob.json<{ uuid: string }>().uuid;
    const hook = (name: string, events_user_uuid: string) => ({
      name,
      service: 'http',
      events: ['user_edited'],
      config: { url: 'https://example.com/', method: 'post' },
      events_user_uuid,
    });
    const onBob = await asAdmin(`${stack.webhookd.url}/1.0/subscriptions`, 'POST', hook('bob', bobUuid));
    assert.equal(onBob.status, 201, onBob.text);
    const onAlice = await asAdmin(
      `${stack.webhookd.url}/1.0/subscriptions`,
      'POST',
      hook('alice', alice.uuid),
    );
    assert.equal(onAlice.status, 201, onAlice.text);
    const bobHook = `${stack.webhookd.url}/1.0/subscriptions/${onBob.json<{ uuid: string }>().uuid}`;
    assert.equal((await asAdmin(`${stack.confd.url}/1.1/users/${bobUuid}`, 'DELETE')).status, 204);
    const deadline = Date.now() + 15_000;
    while ((await asAdmin(bobHook)).status !== 404) {
      assert.ok(Date.now() < deadline, "bob's subscription still there 15 s after user_deleted");
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const aliceHook = `${stack.webhookd.url}/1.0/subscriptions/${onAlice.json<{ uuid: string }>().uuid}`;
    assert.equal((await asAdmin(aliceHook)).status, 200);
  });

  it('when @wazo/sdk goes through a gateway in front of the processes, then it logs in, reads its user and receives user_edited', async () => {
    const certificate = await createSelfSignedCertificate();
    const gateway = await startGateway({
      routes: {
        '/api/auth/': stack.auth.url,
        '/api/confd/': stack.confd.url,
        '/api/websocketd/': stack.websocketd.url,
      },
      port: 0,
      certificate,
    });
    try {
      const result = await runSdkFlow(
        {
          gateway: gateway.url,
          server: gateway.url.replace('https://', ''),
          certificate: certificate.certificate,
          admin: stack.admin,
        },
        `sdk-${randomBytes(4).toString('hex')}`,
      );
      assert.equal(result.login.uuid, result.userUuid);
      assert.equal(result.login.tenantUuid, result.tenantUuid);
      assert.deepEqual(result.authenticated, { uuid: result.userUuid, sameToken: true });
      assert.deepEqual(result.user, { uuid: result.userUuid, firstName: 'Alice', lastName: 'Softphone' });
      assert.equal(result.editStatus, 204);
      assert.equal(result.event.name, 'user_edited');
      assert.equal(result.event.data.uuid, result.userUuid);
      assert.equal(result.event.data.tenant_uuid, result.tenantUuid);
    } finally {
      await gateway.close();
    }
  });
});
