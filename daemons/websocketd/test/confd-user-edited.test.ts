/**
 * The headline: a change made through wazo-confd (PUT /1.1/users/{uuid}) produces
 * `user_edited`, which reaches a plain websocket client and @wazo/sdk's WebSocketClient (through
 * an HTTPS gateway with Wazo's /api/websocketd/ path), and does not reach a client of another
 * tenant. Real wazo-auth, wazo-confd and wazo-websocketd in this process, sharing one bus.
 */
import assert from 'node:assert/strict';
import { type ChildProcessByStdio, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { startTlsGateway, type TlsGateway } from '@wazo-ts/auth/testing';
import { type ConfdUnderTest, startConfd } from '@wazo-ts/confd/testing';
import { type Frame, startedClient } from './support/client.js';
import { publishTestEvent } from './support/events.js';
import { startStack, type WebsocketdStack } from './support/stack.js';

const sdkScript = fileURLToPath(new URL('./support/sdk-websocket.ts', import.meta.url));

describe('user_edited from wazo-confd to websocket clients', () => {
  let stack: WebsocketdStack;
  let confd: ConfdUnderTest;
  let gateway: TlsGateway;
  let adminToken: string;
  let userUuid: string;

  async function editUser(firstname: string): Promise<void> {
    const answer = await fetch(`${confd.url}/1.1/users/${userUuid}`, {
      method: 'PUT',
      headers: { 'X-Auth-Token': adminToken, 'Content-Type': 'application/json' },
      body: JSON.stringify({ firstname }),
    });
    assert.equal(answer.status, 204, await answer.text());
  }

  before(async () => {
    stack = await startStack();
    confd = await startConfd(stack.auth, { transport: stack.transport, uuid: stack.originUuid });
    gateway = await startTlsGateway({ '/api/websocketd/': stack.daemon.url });
    adminToken = (await stack.login({ acl: ['confd.#'] })).token;
    const created = await fetch(`${confd.url}/1.1/users`, {
      method: 'POST',
      headers: { 'X-Auth-Token': adminToken, 'Content-Type': 'application/json' },
      body: JSON.stringify({ firstname: 'Alice' }),
    });
    const body = await created.text();
    assert.equal(created.status, 201, body);
    userUuid = (JSON.parse(body) as { uuid: string }).uuid;
  });
  after(async () => {
    await gateway?.close();
    await confd?.stop();
    await stack?.stop();
  });

  it('when a user is edited through confd, then a plain ws client of the tenant gets user_edited and another tenant does not', async () => {
    const acl = ['websocketd', 'events.config.user.#'];
    const listener = await stack.login({ acl });
    const otherTenant = await stack.seeder.seedTenant(stack.auth.masterTenantUuid);
    const outsider = await stack.login({ acl, tenantUuid: otherTenant });
    const client = await startedClient(`${stack.wsBase}/?token=${listener.token}&version=2`, ['user_edited']);
    const other = await startedClient(`${stack.wsBase}/?token=${outsider.token}&version=2`, ['*']);

    await editUser('Alicia');
    const event = (await client.next((f) => f.op === 'event')).data as Frame;
    assert.equal(event.name, 'user_edited');
    assert.equal(event.origin_uuid, stack.originUuid);
    assert.equal(event.required_acl, 'events.config.user.edited');
    assert.equal(event.tenant_uuid, stack.auth.masterTenantUuid);
    assert.equal((event.data as Frame).uuid, userUuid);

    const sentinel = `sentinel_${randomUUID().slice(0, 8)}`;
    const seen = other.until((f) => (f.data as Frame | null)?.name === sentinel);
    await publishTestEvent(stack.transport, {
      name: sentinel,
      originUuid: stack.originUuid,
      requiredAcl: null,
      tenantUuid: otherTenant,
      users: ['*'],
    });
    assert.deepEqual(
      (await seen).map((f) => (f.data as Frame).name),
      [sentinel],
    );
    await Promise.all([client.close(), other.close()]);
  });

  it('when a user is edited through confd, then @wazo/sdk WebSocketClient over wss gets user_edited', async () => {
    const { token } = await stack.login({ acl: ['websocketd', 'events.config.user.#'] });
    const child = spawn(process.execPath, ['--conditions=wazo-ts-source', '--import', 'tsx', sdkScript], {
      env: {
        ...process.env,
        NODE_EXTRA_CA_CERTS: gateway.certificate.certificate,
        SDK_SERVER: gateway.server,
        SDK_TOKEN: token,
        SDK_EVENTS: '*',
        SDK_WAIT_FOR: 'user_edited',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      await lineFrom(child, (line) => line.initialized === true);
      await editUser('Alicia B.');
      const { event } = (await lineFrom(child, (line) => 'event' in line)) as { event: Frame };
      assert.equal(event.name, 'user_edited');
      assert.equal((event.data as Frame).uuid, userUuid);
    } finally {
      child.kill('SIGKILL');
    }
  });
});

type Child = ChildProcessByStdio<null, Readable, Readable>;

/** The first JSON line the child prints that matches; fails with its output if it exits first. */
function lineFrom(
  child: Child,
  match: (line: Record<string, unknown>) => boolean,
): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => fail('timed out'), 30_000);
    const fail = (why: string) => {
      clearTimeout(timer);
      reject(new Error(`sdk client ${why}:\n${stdout}\n${stderr}`));
    };
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      for (const text of stdout.split('\n')) {
        if (!text.startsWith('{')) continue;
        const line = JSON.parse(text) as Record<string, unknown>;
        if (match(line)) {
          clearTimeout(timer);
          resolve(line);
        }
      }
    });
    child.once('exit', (code) => fail(`exited ${code}`));
  });
}
