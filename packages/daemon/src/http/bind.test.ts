import assert from 'node:assert/strict';
import type { ServerResponse } from 'node:http';
import { describe, it } from 'node:test';
import { createFakeClock } from '../testing/fake-clock.js';
import { call } from '../testing/http-client.js';
import { type BoundServer, bindServer } from './bind.js';

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

/** Attaches a listener that holds each request; resolves with the first one's response. */
function requestArrives(bound: BoundServer): Promise<ServerResponse> {
  return new Promise((resolve) => bound.attach((_request, response) => resolve(response)));
}

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
    const clock = createFakeClock();
    const bound = await bindServer(restApi, { scheduler: clock });
    const arrived = requestArrives(bound);
    // Without keep-alive, so the close does not wait for the idle connection's timeout.
    const inFlight = call(`http://127.0.0.1:${bound.address.port}/slow`, {
      headers: { connection: 'close' },
    });
    const response = await arrived;
    let closed = false;
    const closing = bound.close(5000).then(() => {
      closed = true;
    });
    assert.deepEqual(clock.pendingTimers(), [5000], 'the grace period runs');
    assert.equal(closed, false, 'close waits for the request in flight');
    response.end('done');
    const res = await inFlight;
    await closing;
    assert.deepEqual(clock.pendingTimers(), [], 'the grace timer is cleared');
    assert.equal(res.status, 200);
    assert.equal(res.text, 'done');
    await assert.rejects(call(`http://127.0.0.1:${bound.address.port}/`), /ECONNREFUSED/);
  });

  it('when a request outlives the grace period, then it is cut and close still resolves', async () => {
    const clock = createFakeClock();
    const bound = await bindServer(restApi, { scheduler: clock });
    const arrived = requestArrives(bound); // and is never answered
    const hung = call(`http://127.0.0.1:${bound.address.port}/hang`).catch((err: Error) => err);
    await arrived;
    const closing = bound.close(200);
    assert.deepEqual(clock.pendingTimers(), [200]);
    clock.advance(200);
    await closing;
    assert.ok((await hung) instanceof Error);
  });

  it('when only the certificate is configured, then binding refuses with a clear error', async () => {
    await assert.rejects(bindServer({ ...restApi, certificate: '/tmp/x.crt' }), /must be set together/);
  });
});
