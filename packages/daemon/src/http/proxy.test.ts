import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import pino from 'pino';
import { createFakeTokenVerifier } from '../auth/testing/fake-verifier.js';
import { loadConfig } from '../config/index.js';
import { helloDaemon } from '../example/definition.js';
import { createStatusAggregator } from '../status/status.js';
import { buildDaemonApp } from './app.js';

async function appTrusting(trusted: string[] | undefined) {
  const { config } = loadConfig(helloDaemon, { argv: ['-c', '/nonexistent/config.yml'], env: {} });
  if (trusted) config.rest_api.trusted_proxies = trusted;
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

describe('reverse proxies', () => {
  it('when the gateway on the same host forwards a request, then its scheme, host and client address are used', async () => {
    const app = await appTrusting(undefined);
    const answer = await app.inject({ url: '/1.0/seen', headers: forwarded, remoteAddress: '127.0.0.1' });
    assert.deepEqual(answer.json(), { protocol: 'https', host: 'pbx.example.com', ip: '203.0.113.9' });
    await app.close();
  });

  it('when a client that is not a trusted proxy sends X-Forwarded-* headers, then they are ignored', async () => {
    const app = await appTrusting(undefined);
    const answer = await app.inject({
      url: '/1.0/seen',
      headers: { ...forwarded, host: 'daemon:9486' },
      remoteAddress: '198.51.100.7',
    });
    assert.deepEqual(answer.json(), { protocol: 'http', host: 'daemon:9486', ip: '198.51.100.7' });
    await app.close();
  });

  it('when trusted_proxies is empty, then even loopback forwarding headers are ignored', async () => {
    const app = await appTrusting([]);
    const answer = await app.inject({
      url: '/1.0/seen',
      headers: { ...forwarded, host: 'daemon:9486' },
      remoteAddress: '127.0.0.1',
    });
    assert.deepEqual(answer.json(), { protocol: 'http', host: 'daemon:9486', ip: '127.0.0.1' });
    await app.close();
  });
});
