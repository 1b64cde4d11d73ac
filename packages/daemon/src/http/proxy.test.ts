import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import pino from 'pino';
import { createFakeTokenVerifier } from '../auth/testing/fake-verifier.js';
import { loadConfig } from '../config/index.js';
import { helloDaemon } from '../example/definition.js';
import { createStatusAggregator } from '../status/status.js';
import { buildDaemonApp } from './app.js';

const SECRET = 'a-platform-secret-0123456789';

async function appTrusting(trusted: string[] | undefined, secret: string | null = null) {
  const { config } = loadConfig(helloDaemon, { argv: ['-c', '/nonexistent/config.yml'], env: {} });
  if (trusted) config.rest_api.trusted_proxies = trusted;
  config.rest_api.proxy_secret = secret;
  const { app } = await buildDaemonApp({
    name: 'hello',
    apiVersion: '1.0',
    config,
    logger: pino({ level: 'silent' }),
    status: createStatusAggregator(),
    verifier: createFakeTokenVerifier(),
    errorShape: 'api',
    maskedConfig: () => ({}),
    setDebug: () => undefined,
    registerApi: async (api) => {
      api.get('/seen', { config: { public: true } }, async (request) => ({
        protocol: request.protocol,
        host: request.host,
        ip: request.ip,
        secret: request.headers['x-wazo-proxy-secret'] ?? null,
      }));
    },
  });
  return app;
}

const forwarded = {
  'x-forwarded-proto': 'https',
  'x-forwarded-host': 'pbx.example.com',
  'x-forwarded-for': '203.0.113.9',
};

const direct = { protocol: 'http', host: 'daemon:9486', ip: '127.0.0.1', secret: null };
const relayed = { protocol: 'https', host: 'pbx.example.com', ip: '203.0.113.9', secret: null };

describe('reverse proxies', () => {
  it('when a standalone daemon gets X-Forwarded-* from a loopback peer, then they are ignored: any local process could forge them', async () => {
    const app = await appTrusting(undefined);
    const answer = await app.inject({
      url: '/1.0/seen',
      headers: { ...forwarded, host: 'daemon:9486' },
      remoteAddress: '127.0.0.1',
    });
    assert.deepEqual(answer.json(), direct);
    await app.close();
  });

  it('when the gateway proves itself with the platform secret, then its scheme, host and client address are used, and the secret goes no further', async () => {
    const app = await appTrusting(undefined, SECRET);
    const answer = await app.inject({
      url: '/1.0/seen',
      headers: { ...forwarded, 'x-wazo-proxy-secret': SECRET },
      remoteAddress: '127.0.0.1',
    });
    assert.deepEqual(answer.json(), relayed);
    await app.close();
  });

  it('when a local process sends a wrong secret, then its X-Forwarded-* are ignored', async () => {
    const app = await appTrusting(undefined, SECRET);
    for (const wrong of ['nope', `${SECRET}x`, SECRET.replace('a', 'b')]) {
      const answer = await app.inject({
        url: '/1.0/seen',
        headers: { ...forwarded, host: 'daemon:9486', 'x-wazo-proxy-secret': wrong },
        remoteAddress: '127.0.0.1',
      });
      assert.deepEqual(answer.json(), direct, wrong);
    }
    await app.close();
  });

  it('when a proxy listed by address forwards, then the address it saw is used, not one a client wrote before it', async () => {
    const app = await appTrusting(['172.30.94.10']);
    const answer = await app.inject({
      url: '/1.0/seen',
      headers: { ...forwarded, 'x-forwarded-for': '198.51.100.1, 203.0.113.9' },
      remoteAddress: '172.30.94.10',
    });
    assert.deepEqual(answer.json(), relayed);
    await app.close();
  });

  it('when a client that is not a trusted proxy sends X-Forwarded-* headers, then they are ignored', async () => {
    const app = await appTrusting(['172.30.94.10'], SECRET);
    const answer = await app.inject({
      url: '/1.0/seen',
      headers: { ...forwarded, host: 'daemon:9486' },
      remoteAddress: '198.51.100.7',
    });
    assert.deepEqual(answer.json(), { ...direct, ip: '198.51.100.7' });
    await app.close();
  });
});
