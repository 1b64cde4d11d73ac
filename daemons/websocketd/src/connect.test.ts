/**
 * The upgrade path alone, with a fake authenticator: a 503 while the daemon is not accepting
 * (starting or stopping), 1011 "bus connection error" while the bus is lost, a session once
 * both are fine, and request targets no URL parser accepts (`//`, `/\\`) read for their query only.
 */
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { createProxyTrust } from '@wazo-ts/daemon';
import pino from 'pino';
import { WebSocket, WebSocketServer } from 'ws';
import { connectClient } from '../test/support/client.js';
import { rawUpgrade } from '../test/support/raw-upgrade.js';
import { audienceOf } from './audience.js';
import { type ConnectOptions, createUpgradeListener } from './connect.js';
import { createSessionRegistry, type SessionRegistry } from './sessions.js';

const token = {
  token: 't',
  auth_id: 'u',
  session_uuid: 's',
  acl: ['websocketd'],
  expiresAt: Date.now() + 600_000,
  metadata: { uuid: 'u', tenant_uuid: 'master' },
};

const LIMITS = { perToken: 100, perUser: 100 };

async function listen(overrides: Partial<ConnectOptions>): Promise<Server> {
  const logger = pino({ level: 'silent' });
  const listener = createUpgradeListener({
    wss: new WebSocketServer({ noServer: true }),
    registry: createSessionRegistry(logger, LIMITS),
    authenticate: async () => ({ token, audience: audienceOf(token, 'master') }),
    accepting: () => true,
    busReady: () => true,
    check: { auth_check_strategy: 'dynamic', auth_check_static_interval: 60 },
    maxBufferedBytes: 1 << 20,
    proxyTrust: createProxyTrust({ trusted_proxies: [], proxy_secret: null }),
    logger,
    ...overrides,
  });
  const server = createServer((_req, res) => res.writeHead(404).end());
  server.on('upgrade', listener);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return server;
}

const portOf = (server: Server) => (server.address() as AddressInfo).port;

describe('websocket upgrades', () => {
  let server: Server;
  let url: string;
  const state = { accepting: false, busReady: false };
  before(async () => {
    server = await listen({ accepting: () => state.accepting, busReady: () => state.busReady });
    url = `ws://127.0.0.1:${portOf(server)}/?token=t`;
  });
  after(() => {
    server.closeAllConnections();
    server.close();
  });

  const outcome = (ws: WebSocket) =>
    new Promise<string>((resolve) => {
      ws.on('unexpected-response', (_req, res) => resolve(`http ${res.statusCode}`));
      ws.on('message', (data: Buffer) => resolve(`message ${data.toString()}`));
      ws.on('close', (code: number, reason: Buffer) => resolve(`close ${code} ${reason.toString()}`));
      ws.on('error', () => undefined);
    });

  it('when the daemon is not accepting yet, then the upgrade gets a plain 503', async () => {
    Object.assign(state, { accepting: false, busReady: true });
    assert.equal(await outcome(new WebSocket(url)), 'http 503');
  });

  it('when the bus is lost, then the connection is closed with 1011 "bus connection error"', async () => {
    Object.assign(state, { accepting: true, busReady: false });
    assert.equal(await outcome(new WebSocket(url)), 'close 1011 bus connection error');
  });

  it('when the bus is back, then the session opens with its init', async () => {
    Object.assign(state, { accepting: true, busReady: true });
    const ws = new WebSocket(url);
    assert.equal(await outcome(ws), 'message {"op":"init","code":0,"data":{"version":1}}');
    ws.close();
  });
});

describe('websocket upgrades on odd request targets', () => {
  let server: Server;
  before(async () => {
    server = await listen({});
  });
  after(() => {
    server.closeAllConnections();
    server.close();
  });
  const text = (frame: { payload: Buffer } | undefined) => frame?.payload.toString();

  it('when the path is "//" with a token, then the query is read and the session opens', async () => {
    const outcome = await rawUpgrade(portOf(server), '//?token=t&version=2');
    assert.match(outcome.status, / 101 /);
    assert.equal(text(outcome.frames[0]), '{"op":"init","code":0,"data":{"version":2}}');
  });

  it('when the path is "/\\" or "//" without a token, then 4001, and the daemon lives on', async () => {
    for (const target of ['/\\', '//', '//?token=', '/\\?token=']) {
      const outcome = await rawUpgrade(portOf(server), target);
      assert.equal(outcome.closeCode, 4001, target);
    }
    const outcome = await rawUpgrade(portOf(server), '/\\?token=t');
    assert.equal(text(outcome.frames[0]), '{"op":"init","code":0,"data":{"version":1}}');
  });

  it('when opening the session fails unexpectedly, then the client is closed with 4004', async () => {
    const broken: SessionRegistry = {
      ...createSessionRegistry(pino({ level: 'silent' }), LIMITS),
      add: () => {
        throw new Error('registry broken');
      },
    };
    const failing = await listen({ registry: broken });
    try {
      const outcome = await rawUpgrade(portOf(failing), '/?token=t', { untilClose: true });
      assert.equal(outcome.closeCode, 4004);
    } finally {
      failing.closeAllConnections();
      failing.close();
    }
  });
});

describe('frames sent before the session opens', () => {
  let server: Server;
  before(async () => {
    // wazo-auth never answers: everything the client sends waits.
    server = await listen({ authenticate: () => new Promise(() => undefined) });
  });
  after(() => {
    server.closeAllConnections();
    server.close();
  });

  const subscribe = JSON.stringify({ op: 'subscribe', data: { event_name: 'x' } });

  it('when a client sends more than 16 frames while its token is checked, then 4004', {
    timeout: 20_000,
  }, async () => {
    const ws = new WebSocket(`ws://127.0.0.1:${portOf(server)}/?token=t`);
    const closed = new Promise<number>((resolve) => ws.on('close', (code: number) => resolve(code)));
    ws.on('open', () => {
      for (let i = 0; i < 17; i++) ws.send(subscribe);
    });
    assert.equal(await closed, 4004);
  });

  it('when a client sends more than 64 KiB while its token is checked, then 4004', {
    timeout: 20_000,
  }, async () => {
    const ws = new WebSocket(`ws://127.0.0.1:${portOf(server)}/?token=t`);
    const closed = new Promise<number>((resolve) => ws.on('close', (code: number) => resolve(code)));
    const big = JSON.stringify({ op: 'subscribe', data: { event_name: 'x'.repeat(30_000) } });
    ws.on('open', () => {
      for (let i = 0; i < 3; i++) ws.send(big);
    });
    assert.equal(await closed, 4004);
  });
});

describe('the client address in the logs', () => {
  const SECRET = 'a-platform-secret-0123456789';
  const remotes = async (
    trust: { trusted_proxies: string[]; proxy_secret: string | null },
    secret?: string,
  ) => {
    const lines: { remote?: string }[] = [];
    const logger = pino({ level: 'info' }, { write: (line: string) => void lines.push(JSON.parse(line)) });
    const server = await listen({ proxyTrust: createProxyTrust(trust), logger });
    try {
      const client = connectClient(`ws://127.0.0.1:${portOf(server)}/`, {
        headers: { 'X-Forwarded-For': '203.0.113.9', ...(secret ? { 'X-Wazo-Proxy-Secret': secret } : {}) },
      });
      assert.equal((await client.closed).code, 4001);
    } finally {
      server.closeAllConnections();
      server.close();
    }
    return lines.map((line) => line.remote);
  };

  it('when the peer is a proxy listed by address, then X-Forwarded-For names the client', async () => {
    const listed = { trusted_proxies: ['127.0.0.1', '::ffff:127.0.0.1'], proxy_secret: null };
    assert.deepEqual(await remotes(listed), ['203.0.113.9']);
  });

  it('when the peer proves itself with the platform secret, then X-Forwarded-For names the client', async () => {
    assert.deepEqual(await remotes({ trusted_proxies: [], proxy_secret: SECRET }, SECRET), ['203.0.113.9']);
  });

  it('when a loopback peer has no secret or a wrong one, then its own address is logged, not the header', async () => {
    const platform = { trusted_proxies: [], proxy_secret: SECRET };
    assert.deepEqual(await remotes(platform), ['127.0.0.1']);
    assert.deepEqual(await remotes(platform, `${SECRET}-guess`), ['127.0.0.1']);
    assert.deepEqual(await remotes({ trusted_proxies: [], proxy_secret: null }), ['127.0.0.1']);
  });
});
