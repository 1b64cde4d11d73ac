/**
 * What the chatd bench runs, in this process on RabbitMQ: wazo-auth, wazo-websocketd and
 * wazo-chatd (each on its own throwaway database where it has one), sharing one origin uuid so
 * websocketd forwards chatd's events; alice and bob in one room, bob's websocket subscribed to
 * the room's message events.
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { postToken, startAuth } from '@wazo-ts/auth/testing';
import { type AmqpTransport, createAmqpTransport } from '@wazo-ts/bus';
import { chatdDaemon } from '@wazo-ts/chatd';
import { runDaemon } from '@wazo-ts/daemon';
import { createTestDatabase } from '@wazo-ts/db/testing';
import { websocketdDaemon } from '@wazo-ts/websocketd';
import { WebSocket } from 'ws';
import { stringify } from 'yaml';

export const amqpUri = process.env.WAZO_BENCH_AMQP_URI ?? 'amqp://guest:guest@127.0.0.1:5672';
export const MESSAGE_EVENT = 'chatd_user_room_message_created';

export interface ChatdBenchStack {
  transport: AmqpTransport;
  originUuid: string;
  tenantUuid: string;
  alice: { uuid: string; token: string };
  bob: { uuid: string; token: string };
  roomUuid: string;
  /** `POST /users/me/rooms/{room}/messages` as alice. */
  messagesUrl: string;
  /** Bob's websocket, started and subscribed to the message events. */
  bobSocket: WebSocket;
  close(): Promise<void>;
}

async function healthy(url: string, name: string): Promise<void> {
  for (let i = 0; ; i++) {
    if ((await fetch(url, { method: 'HEAD' })).status === 200) return;
    if (i > 400) throw new Error(`${name} never became healthy`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function openSocket(url: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    ws.once('error', reject);
    ws.on('message', function onHandshake(data: Buffer) {
      const frame = JSON.parse(data.toString()) as { op: string };
      if (frame.op === 'init') {
        ws.send(JSON.stringify({ op: 'subscribe', data: { event_name: MESSAGE_EVENT } }));
        ws.send('{"op":"start"}');
      }
      if (frame.op === 'start') {
        ws.off('message', onHandshake);
        resolve(ws);
      }
    });
  });
}

export async function startChatdBenchStack(): Promise<ChatdBenchStack> {
  const originUuid = randomUUID();
  const transport = createAmqpTransport({ config: { uri: amqpUri }, connectionName: 'wazo-ts-bench chatd' });
  const auth = await startAuth({ transport, config: { uuid: originUuid } });
  const database = await createTestDatabase({ prefix: 'wazo_chatd_bench' });
  const dir = await mkdtemp(join(tmpdir(), 'wazo-chatd-bench-'));
  const authPort = Number(new URL(auth.url).port);
  const service = await auth.seedUser({ acl: ['auth.#'], purpose: 'internal' });
  const keyFile = join(dir, 'key.yml');
  await writeFile(keyFile, stringify({ service_id: service.username, service_key: service.password }));
  const common = (name: string) => ({
    uuid: originUuid,
    user: null,
    allow_root: true,
    log_filename: join(dir, `wazo-${name}.log`),
    log_level: 'warning',
    log_stdout: false,
    extra_config_files: dir,
    auth: { host: '127.0.0.1', port: authPort, key_file: keyFile },
    rest_api: { listen: '127.0.0.1', port: 0 },
  });
  const wsFile = join(dir, 'websocketd.yml');
  await writeFile(
    wsFile,
    stringify({ ...common('websocketd'), websocket: { max_buffered_bytes: 64 << 20 } }),
  );
  const { host, port, user, database: name } = database.config;
  const chatdFile = join(dir, 'chatd.yml');
  await writeFile(
    chatdFile,
    stringify({
      ...common('chatd'),
      db_uri: `postgresql://${user}@${host}:${port}/${name}`,
      initialization: { enabled: false },
    }),
  );
  const run = { env: {}, handleSignals: false, transport };
  const websocketd = await runDaemon(websocketdDaemon, { argv: ['-c', wsFile], ...run });
  const chatd = await runDaemon(chatdDaemon, { argv: ['-c', chatdFile], ...run });
  await healthy(`${websocketd.url}/1.0/status`, 'websocketd');
  await healthy(`${chatd.url}/1.0/status`, 'chatd');
  const acl = ['chatd.users.me.rooms.#', 'websocketd', 'events.chatd.users.me.rooms.#'];
  const [a, b] = [await auth.seedUser({ acl }), await auth.seedUser({ acl })];
  // What presence's sync would have written: the tenant and its two users.
  await database.pool.query('INSERT INTO chatd_tenant (uuid) VALUES ($1)', [a.tenantUuid]);
  for (const u of [a, b])
    await database.pool.query(
      "INSERT INTO chatd_user (uuid, tenant_uuid, state) VALUES ($1, $2, 'available')",
      [u.uuid, u.tenantUuid],
    );
  const tokenOf = async (u: typeof a) =>
    (await postToken(auth.api, u.username, u.password, { body: { expiration: 3600 } })).token as string;
  const alice = { uuid: a.uuid, token: await tokenOf(a) };
  const bob = { uuid: b.uuid, token: await tokenOf(b) };
  const created = await fetch(`${chatd.url}/1.0/users/me/rooms`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-auth-token': alice.token },
    body: JSON.stringify({ users: [{ uuid: bob.uuid }] }),
  });
  if (created.status !== 201) throw new Error(`room not created: ${created.status} ${await created.text()}`);
  const roomUuid = ((await created.json()) as { uuid: string }).uuid;
  const bobSocket = await openSocket(
    `${websocketd.url.replace(/^http/, 'ws')}/?token=${bob.token}&version=2`,
  );
  return {
    transport,
    originUuid,
    tenantUuid: a.tenantUuid,
    alice,
    bob,
    roomUuid,
    messagesUrl: `${chatd.url}/1.0/users/me/rooms/${roomUuid}/messages`,
    bobSocket,
    async close() {
      bobSocket.close();
      await chatd.stop();
      await websocketd.stop();
      await auth.stop();
      await transport.close();
      await database.drop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
