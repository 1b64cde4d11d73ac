import assert from 'node:assert/strict';
import { once } from 'node:events';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { request } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { WebSocket, WebSocketServer } from 'ws';
import { ensureCertificate } from '../certificate.js';
import { type Gateway, startGateway } from './gateway.js';
import { findRoute } from './routes.js';

interface Seen {
  url: string;
  headers: IncomingHttpHeaders;
}

/** A daemon stand-in that answers what it received, and echoes websocket frames. */
async function startUpstream(seen: Seen[]): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    seen.push({ url: req.url ?? '', headers: req.headers });
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ url: req.url }));
  });
  const wss = new WebSocketServer({ server });
  wss.on('connection', (socket, req) => {
    seen.push({ url: req.url ?? '', headers: req.headers });
    socket.on('message', (data) => socket.send(`echo:${data.toString()}`));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

const SECRET = 'the-platform-proxy-secret-0123456789';

describe('the HTTPS gateway', () => {
  let dir: string;
  let ca: Buffer;
  let gateway: Gateway;
  let upstream: { server: Server; url: string };
  const seen: Seen[] = [];

  const get = (path: string, headers: Record<string, string> = {}) =>
    new Promise<{ status: number; body: Record<string, unknown> }>((resolve, reject) => {
      request(`${gateway.url}${path}`, { ca, headers }, (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
      })
        .on('error', reject)
        .end();
    });

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'wazo-gateway-test-'));
    const certificate = await ensureCertificate({ dataDir: dir });
    ca = await readFile(certificate.certificate);
    upstream = await startUpstream(seen);
    gateway = await startGateway({
      routes: {
        '/api/auth/': upstream.url,
        '/api/websocketd/': upstream.url,
        // Nothing listens there: a daemon that is down.
        '/api/confd/': 'http://127.0.0.1:1',
      },
      port: 0,
      certificate,
      proxySecret: SECRET,
    });
  });
  after(async () => {
    await gateway?.close();
    upstream?.server.closeAllConnections();
    upstream?.server.close();
    await rm(dir, { recursive: true, force: true });
  });

  it("when a path is under a daemon's prefix, then the daemon gets it without the prefix and with X-Script-Name", async () => {
    const answer = await get('/api/auth/0.1/token/abc?scope=x');
    assert.equal(answer.status, 200);
    assert.deepEqual(answer.body, { url: '/0.1/token/abc?scope=x' });
    const request = seen.at(-1)!;
    assert.equal(request.headers['x-script-name'], '/api/auth');
    assert.equal(request.headers['x-forwarded-proto'], 'https');
  });

  /** What a client could send to pass for another address, host or scheme. */
  const spoofed = {
    'X-Forwarded-Host': 'evil.example',
    'X-Forwarded-For': '203.0.113.7',
    'X-Forwarded-Proto': 'http',
    'X-Forwarded-Port': '1',
    Forwarded: 'for=203.0.113.7;host=evil.example',
    'X-Wazo-Proxy-Secret': 'a-guess',
  };

  function assertGatewayOwnForwarding(headers: IncomingHttpHeaders): void {
    const port = new URL(gateway.url).port;
    assert.equal(headers['x-forwarded-host'], `127.0.0.1:${port}`);
    assert.equal(headers['x-forwarded-for'], '127.0.0.1');
    assert.equal(headers['x-forwarded-proto'], 'https');
    assert.equal(headers['x-forwarded-port'], port);
    assert.equal(headers.forwarded, undefined);
    // The proof the daemons believe these by: the platform's secret, never the client's guess.
    assert.equal(headers['x-wazo-proxy-secret'], SECRET);
  }

  it('when a client sends its own X-Forwarded-* headers, then the daemon gets only the gateway ones', async () => {
    const answer = await get('/api/auth/0.1/token', spoofed);
    assert.equal(answer.status, 200);
    assertGatewayOwnForwarding(seen.at(-1)!.headers);
  });

  it('when a websocket client sends its own X-Forwarded-* headers, then the daemon gets only the gateway ones', async () => {
    const socket = new WebSocket(`${gateway.url.replace('https', 'wss')}/api/websocketd/`, {
      ca,
      headers: spoofed,
    });
    await once(socket, 'open');
    assertGatewayOwnForwarding(seen.at(-1)!.headers);
    socket.close();
    await once(socket, 'close');
  });

  it('when a daemon is served in process, then it gets the rewritten request without a socket hop, until detached', async () => {
    const local: Seen[] = [];
    const detach = gateway.serveInProcess('auth', (req, res) => {
      local.push({ url: req.url ?? '', headers: req.headers });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ local: req.url }));
    });
    const proxied = seen.length;
    const answer = await get('/api/auth/0.1/token/abc?scope=x', spoofed);
    assert.deepEqual(answer.body, { local: '/0.1/token/abc?scope=x' });
    assert.equal(local.length, 1);
    assert.equal(local[0]!.headers['x-script-name'], '/api/auth');
    assertGatewayOwnForwarding(local[0]!.headers);
    assert.equal(seen.length, proxied);
    detach();
    assert.deepEqual((await get('/api/auth/0.1/token/abc')).body, { url: '/0.1/token/abc' });
    assert.equal(local.length, 1);
  });

  it('when the prefix is unknown, then a Wazo-style 404 in JSON', async () => {
    const answer = await get('/api/nope/1.0/things');
    assert.equal(answer.status, 404);
    assert.equal(answer.body.error_id, 'not-found');
    assert.equal(answer.body.message, 'No such resource: GET /api/nope/1.0/things');
    assert.deepEqual(answer.body.details, {});
    assert.equal(typeof answer.body.timestamp, 'number');
  });

  it('when the daemon is down, then a 502 in JSON naming it', async () => {
    const answer = await get('/api/confd/1.1/users');
    assert.equal(answer.status, 502);
    assert.equal(answer.body.error_id, 'bad-gateway');
    assert.deepEqual(answer.body.details, { service: 'confd' });
  });

  it('when a websocket opens under /api/websocketd/, then it is proxied both ways with its query', async () => {
    const socket = new WebSocket(
      `${gateway.url.replace('https', 'wss')}/api/websocketd/?token=t1&version=2`,
      {
        ca,
      },
    );
    await once(socket, 'open');
    socket.send('hello');
    const [reply] = await once(socket, 'message');
    assert.equal(String(reply), 'echo:hello');
    const upgrade = seen.at(-1)!;
    assert.equal(upgrade.url, '/?token=t1&version=2');
    assert.equal(upgrade.headers['x-script-name'], '/api/websocketd');
    socket.close();
    await once(socket, 'close');
  });

  it('when a websocket client drops its connection abruptly, then the gateway keeps serving', async () => {
    for (let i = 0; i < 5; i++) {
      const socket = new WebSocket(`${gateway.url.replace('https', 'wss')}/api/websocketd/`, { ca });
      await once(socket, 'open');
      socket.send('bye');
      socket.terminate();
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
    assert.equal((await get('/api/auth/0.1/after-reset')).status, 200);
  });

  it('when a websocket asks for an unknown prefix, then the upgrade is refused with 404', async () => {
    const socket = new WebSocket(`${gateway.url.replace('https', 'wss')}/api/nope/`, { ca });
    const [, response] = await once(socket, 'unexpected-response');
    assert.equal(response.statusCode, 404);
    socket.on('error', () => {});
    socket.terminate();
  });

  it('when the websocket path has no trailing slash, then it still reaches websocketd', () => {
    const route = findRoute({ '/api/websocketd/': 'http://x' }, '/api/websocketd?token=a');
    assert.deepEqual(route, {
      service: 'websocketd',
      target: 'http://x',
      scriptName: '/api/websocketd',
      path: '/?token=a',
    });
    assert.equal(findRoute({ '/api/auth/': 'http://x' }, '/api/authx/0.1'), null);
  });
});
