/**
 * The upgrade path alone, with a fake authenticator: a 503 while the daemon is not accepting
 * (starting or stopping), 1011 "bus connection error" while the bus is lost, and a session once
 * both are fine.
 */
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import pino from 'pino';
import { WebSocket, WebSocketServer } from 'ws';
import { audienceOf } from './audience.js';
import { createUpgradeListener } from './connect.js';
import { createSessionRegistry } from './sessions.js';

const token = {
  token: 't',
  auth_id: 'u',
  session_uuid: 's',
  acl: ['websocketd'],
  expiresAt: Date.now() + 600_000,
  metadata: { uuid: 'u', tenant_uuid: 'master' },
};

describe('websocket upgrades', () => {
  let server: Server;
  let url: string;
  const state = { accepting: false, busReady: false };
  before(async () => {
    const logger = pino({ level: 'silent' });
    const listener = createUpgradeListener({
      wss: new WebSocketServer({ noServer: true }),
      registry: createSessionRegistry(logger),
      authenticate: async () => ({ token, audience: audienceOf(token, 'master') }),
      accepting: () => state.accepting,
      busReady: () => state.busReady,
      check: { auth_check_strategy: 'dynamic', auth_check_static_interval: 60 },
      maxBufferedBytes: 1 << 20,
      logger,
    });
    server = createServer((_req, res) => res.writeHead(404).end());
    server.on('upgrade', listener);
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    url = `ws://127.0.0.1:${(server.address() as AddressInfo).port}/?token=t`;
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
