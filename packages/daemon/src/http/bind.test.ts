import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { call } from '../testing/http-client.js';
import { bindServer } from './bind.js';

const restApi = {
  listen: '127.0.0.1',
  port: 0,
  certificate: null,
  private_key: null,
  cors: { enabled: true, allow_headers: [], allow_origins: ['*'], expose_headers: [] },
  max_body_size: 1024 * 1024,
  request_timeout: 60,
  shutdown_grace: 10,
  trusted_proxies: [],
};

describe('bound server', () => {
  it('when nothing is attached yet, then requests get 503 starting instead of hanging', async () => {
    const bound = await bindServer(restApi);
    try {
      const res = await call(`http://127.0.0.1:${bound.address.port}/`);
      assert.equal(res.status, 503);
      assert.equal(res.json<{ error_id: string }>().error_id, 'not-ready');
    } finally {
      await bound.close(1000);
    }
  });

  it('when closing with a request in flight, then the request completes before the server stops', async () => {
    const bound = await bindServer(restApi);
    bound.attach((_request, response) => {
      setTimeout(() => response.end('done'), 300);
    });
    const inFlight = call(`http://127.0.0.1:${bound.address.port}/slow`);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const closed = bound.close(5000);
    const res = await inFlight;
    await closed;
    assert.equal(res.status, 200);
    assert.equal(res.text, 'done');
    await assert.rejects(call(`http://127.0.0.1:${bound.address.port}/`), /ECONNREFUSED/);
  });

  it('when a request outlives the grace period, then it is cut and close still resolves', async () => {
    const bound = await bindServer(restApi);
    bound.attach(() => {
      // never answers
    });
    const hung = call(`http://127.0.0.1:${bound.address.port}/hang`).catch((err: Error) => err);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const started = Date.now();
    await bound.close(200);
    assert.ok(Date.now() - started < 2000);
    assert.ok((await hung) instanceof Error);
  });

  it('when only the certificate is configured, then binding refuses with a clear error', async () => {
    await assert.rejects(bindServer({ ...restApi, certificate: '/tmp/x.crt' }), /must be set together/);
  });
});
