/**
 * Oversized bodies through a real gateway to a real daemon (the kit's HTTP stack, same 1 MiB
 * limit): always a 413 in Wazo's shape from the gateway, never a 502 or a reset, whether the
 * size is declared, asked with `Expect: 100-continue`, or only known as a chunked body streams.
 */
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createMemoryTransport } from '@wazo-ts/bus';
import { type DaemonPlugin, type RunningDaemon, runDaemon } from '@wazo-ts/daemon';
import { ensureCertificate } from '../certificate.js';
import { type Gateway, startGateway } from './gateway.js';

const MiB = 1_048_576;

/** Requests that reached the daemon. */
const reached = { count: 0 };

/** A public route that reads the whole body: what a daemon does with a create. */
const echoPlugin: DaemonPlugin = {
  name: 'echo',
  load({ api }) {
    api.addHook('onRequest', async () => void reached.count++);
    api.post('/echo', { config: { public: true } }, async (req) => ({
      bytes: JSON.stringify(req.body).length,
    }));
  },
};

interface Answer {
  status: number;
  body: Record<string, unknown>;
}

describe('request bodies over the limit, through the gateway', () => {
  let dir: string;
  let ca: Buffer;
  let daemon: RunningDaemon;
  let gateway: Gateway;

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'wazo-body-limit-'));
    const certificate = await ensureCertificate({ dataDir: dir });
    ca = await readFile(certificate.certificate);
    const config = join(dir, 'config.yml');
    await writeFile(
      config,
      `rest_api: {listen: 127.0.0.1, port: 0}\nlog_filename: ${join(dir, 'echo.log')}\nlog_stdout: false\nuser: null\nallow_root: true\nbus: {transport: memory}\nauth: {key_file: null}\n`,
    );
    daemon = await runDaemon(
      { name: 'echo', apiVersion: '1.0', defaultPort: 9390, errorShape: 'api', plugins: [echoPlugin] },
      { argv: ['-c', config], env: {}, transport: createMemoryTransport(), handleSignals: false },
    );
    gateway = await startGateway({ routes: { '/api/echo/': daemon.url }, port: 0, certificate });
  });
  after(async () => {
    await gateway?.close();
    await daemon?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  /** Sends `chunks` one after the other until answered, and reads the answer; one connection each. */
  const post = (headers: Record<string, string | number>, chunks: Buffer[]) =>
    new Promise<Answer>((resolve, reject) => {
      let answered = false;
      const req = request(
        `${gateway.url}/api/echo/1.0/echo`,
        { method: 'POST', ca, headers, agent: false },
        (res: IncomingMessage) => {
          answered = true;
          let text = '';
          res.on('data', (c: Buffer) => (text += c.toString()));
          res.on('end', () => {
            resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) });
            // What a client does when answered before it sent all it meant to: it hangs up.
            req.destroy();
          });
          res.on('error', reject);
        },
      );
      req.on('error', (error) => (answered ? undefined : reject(error)));
      const waitsForContinue = headers.expect === '100-continue';
      const send = () => {
        const next = chunks.shift();
        if (answered) return;
        if (next === undefined) return void req.end();
        req.write(next, () => setImmediate(send));
      };
      if (waitsForContinue) req.on('continue', send);
      else send();
      if (waitsForContinue) req.flushHeaders();
    });

  const json = (bytes: number) => Buffer.from(JSON.stringify({ name: 'x'.repeat(bytes - 12) }));

  const assertTooLarge = (answer: Answer) => {
    assert.equal(answer.status, 413);
    assert.equal(answer.body.error_id, 'invalid-data');
    assert.equal(answer.body.message, 'Request body is too large');
    assert.deepEqual(answer.body.details, { max_body_size: MiB });
    assert.equal(typeof answer.body.timestamp, 'number');
  };

  it('when a body under the limit is sent, then the daemon reads it', async () => {
    const body = json(MiB - 100);
    const answer = await post({ 'content-type': 'application/json', 'content-length': body.length }, [body]);
    assert.equal(answer.status, 200);
  });

  it('when Content-Length is over the limit, then 413 at once, and the daemon is never asked', async () => {
    const before = reached.count;
    for (let i = 0; i < 10; i++) {
      const body = json(2 * MiB);
      const chunks = Array.from({ length: 32 }, (_, k) => body.subarray(k * 65536, (k + 1) * 65536));
      assertTooLarge(
        await post({ 'content-type': 'application/json', 'content-length': body.length }, chunks),
      );
    }
    assert.equal(reached.count, before);
  });

  it('when the client asks 100-continue for a body over the limit, then 413 before it sends the body', async () => {
    const answer = await post(
      { 'content-type': 'application/json', 'content-length': 2 * MiB, expect: '100-continue' },
      [json(2 * MiB)],
    );
    assertTooLarge(answer);
  });

  it('when a chunked body goes over the limit as it streams, then 413, never a 502 or a reset', async () => {
    for (let i = 0; i < 10; i++) {
      const body = json(3 * MiB);
      const chunks = Array.from({ length: 48 }, (_, k) => body.subarray(k * 65536, (k + 1) * 65536));
      assertTooLarge(
        await post({ 'content-type': 'application/json', 'transfer-encoding': 'chunked' }, chunks),
      );
    }
  });

  it('when a chunked body stays under the limit, then the daemon reads it', async () => {
    const body = json(MiB - 100);
    const chunks = Array.from({ length: 16 }, (_, k) => body.subarray(k * 65536, (k + 1) * 65536));
    const answer = await post({ 'content-type': 'application/json', 'transfer-encoding': 'chunked' }, chunks);
    assert.equal(answer.status, 200);
  });
});
