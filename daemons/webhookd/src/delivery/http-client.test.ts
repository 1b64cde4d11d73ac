/**
 * The guarded HTTP client and the http service on real local servers: verify_certificate as
 * Wazo's, redirects (each hop checked), connect and read timeouts, capped response bodies, the
 * denied networks (mapped IPv6 included), Wazo's body and content type rules.
 */
import assert from 'node:assert/strict';
import { once } from 'node:events';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { type CertificateFiles, createSelfSignedCertificate } from '@wazo-ts/daemon/testing';
import { type Receiver, startReceiver } from '../testing/delivery.js';
import { createHttpClient, type HttpRequest, HttpTransportError } from './http-client.js';
import { bodyContentType, createHttpService, pythonJsonDumps } from './http-service.js';
import { createTargetGuard, defaultDeniedTargets, TargetDeniedError } from './target-guard.js';

const guard = createTargetGuard(defaultDeniedTargets, async (hostname) => {
  if (hostname === 'metadata.test') return [{ address: '169.254.169.254', family: 4 }];
  if (hostname === 'mapped.test') return [{ address: '::ffff:169.254.169.254', family: 6 }];
  // A name that never resolves: the connect phase (name resolution included) never ends.
  if (hostname === 'blackhole.test') return new Promise(() => undefined);
  return [{ address: '127.0.0.1', family: 4 }];
});
const options = { guard, connectTimeoutMs: 300, readTimeoutMs: 300, maxResponseBytes: 64, maxRedirects: 3 };
const base = (url: string, extra: Partial<HttpRequest> = {}): HttpRequest => ({
  method: 'post',
  url,
  headers: {},
  body: Buffer.from('{}'),
  verifyCertificate: 'true',
  userOwned: false,
  ...extra,
});

describe('guarded webhook HTTP client', () => {
  const client = createHttpClient(options);
  let receiver: Receiver;
  let tls: https.Server;
  let tlsUrl: string;
  let cert: CertificateFiles;

  before(async () => {
    receiver = await startReceiver();
    cert = await createSelfSignedCertificate();
    const { readFile } = await import('node:fs/promises');
    tls = https.createServer(
      { cert: await readFile(cert.certificate), key: await readFile(cert.privateKey) },
      (_req, res) => res.end('secure'),
    );
    tls.listen(0, '127.0.0.1');
    await once(tls, 'listening');
    tlsUrl = `https://localhost:${(tls.address() as AddressInfo).port}/`;
  });
  after(async () => {
    client.close();
    await receiver.close();
    tls.close();
  });

  it('when verify_certificate is true, false or a CA path, then TLS is checked as Wazo does', async () => {
    await assert.rejects(client.send(base(tlsUrl)), (err: NodeJS.ErrnoException) =>
      /self.signed|certificate/i.test(err.message),
    );
    assert.equal((await client.send(base(tlsUrl, { verifyCertificate: 'false' }))).body.toString(), 'secure');
    assert.equal((await client.send(base(tlsUrl, { verifyCertificate: cert.certificate }))).statusCode, 200);
    await assert.rejects(
      client.send(base(tlsUrl, { verifyCertificate: '/nonexistent/ca.pem' })),
      HttpTransportError,
    );
  });

  it('when the target redirects, then hops are followed (POST becomes GET on 302), each checked, up to the limit', async () => {
    receiver.answer = (q) =>
      q.url === '/start'
        ? { status: 302, headers: { location: '/end' } }
        : q.url === '/deny'
          ? { status: 307, headers: { location: 'http://metadata.test/' } }
          : q.url === '/loop'
            ? { status: 301, headers: { location: '/loop' } }
            : { status: 200 };
    const response = await client.send(base(`${receiver.url}/start`));
    assert.equal(response.statusCode, 200);
    assert.equal(response.method, 'GET');
    assert.equal(response.url, `${receiver.url}/end`);
    await assert.rejects(client.send(base(`${receiver.url}/deny`)), TargetDeniedError);
    await assert.rejects(client.send(base(`${receiver.url}/loop`)), /more than 3 redirects/);
    receiver.answer = () => ({ status: 200 });
  });

  it('when the target is silent, then the read timeout ends the attempt; a connection that never opens, the connect timeout', async () => {
    receiver.answer = () => ({ status: 200, delayMs: 1_000 });
    await assert.rejects(client.send(base(receiver.url)), /read timeout after 300 ms/);
    receiver.answer = () => ({ status: 200 });
    const started = Date.now();
    await assert.rejects(client.send(base('http://blackhole.test/')), /connect timeout after 300 ms/);
    assert.ok(Date.now() - started < 2_000);
  });

  it('when the response is large, then only the first bytes are kept', async () => {
    receiver.answer = () => ({ status: 200, body: 'x'.repeat(100_000) });
    const response = await client.send(base(receiver.url));
    assert.equal(response.body.length, 64);
    assert.equal(response.truncated, true);
    receiver.answer = () => ({ status: 200 });
  });

  it('when the address is denied, then nothing connects: link-local, mapped IPv6, metadata names, platform ports, loopback for users', async () => {
    for (const url of [
      'http://169.254.169.254/latest/meta-data',
      'http://[::ffff:169.254.169.254]/',
      'http://[fe80::1]/',
      'http://metadata.test/',
      'http://mapped.test/',
      'http://100.100.100.200/',
      'http://127.0.0.1:9497/0.1/token',
      'http://localhost:9486/1.1/users',
    ])
      await assert.rejects(client.send(base(url)), TargetDeniedError, url);
    await assert.rejects(client.send(base(receiver.url, { userOwned: true })), /loopback/);
    assert.equal((await client.send(base(receiver.url))).statusCode, 200, 'an admin may call loopback');
  });
});

describe('the http service request as Wazo sends it', () => {
  it('when there is no body template, then the data goes as Python json.dumps with application/json; charset=utf-8', () => {
    assert.equal(
      pythonJsonDumps({ a: [1, 'é', null], b: { c: true } }),
      '{"a": [1, "\\u00e9", null], "b": {"c": true}}',
    );
  });

  it('when a body has a content type, then its charset defaults to utf-8 and its parameters are kept', () => {
    assert.deepEqual(bodyContentType(undefined), { header: 'text/plain; charset=utf-8', encoding: 'utf8' });
    assert.deepEqual(bodyContentType('application/xml; version=2'), {
      header: 'application/xml; version=2; charset=utf-8',
      encoding: 'utf8',
    });
    assert.equal(bodyContentType('text/plain; charset=ISO-8859-1').encoding, 'latin1');
    assert.throws(() => bodyContentType('text/plain; charset=klingon'), /unknown charset/);
  });

  it('when a subscription has a body template, then url and body render from the event and the delivery id goes in both headers', async () => {
    const receiver = await startReceiver();
    const client = createHttpClient(options);
    const service = createHttpService({
      client,
      templateLimits: { maxSteps: 1000, maxOutput: 1000 },
      resolve: async () => '10.0.0.1',
    });
    try {
      const outcome = await service.attempt({
        deliveryUuid: 'd-1',
        subscription: {
          uuid: 's',
          name: 'n',
          service: 'http',
          owner_tenant_uuid: 't',
          owner_user_uuid: null,
          events_user_uuid: null,
          events_wazo_uuid: null,
          config: {
            url: `${receiver.url}/{{ event.id }}`,
            method: 'put',
            body: 'name={{ event.name }} from {{ wazo_uuid }}',
            content_type: 'text/x-custom',
          },
        },
        event: { name: 'user_created', origin_uuid: 'w-1', data: { id: 7, name: 'Ann' } },
        attempt: 1,
        maxAttempts: 10,
        signal: new AbortController().signal,
      });
      assert.equal(outcome.kind, 'success');
      const [request] = receiver.requests;
      assert.equal(request!.url, '/7');
      assert.equal(request!.method, 'PUT');
      assert.equal(request!.body, 'name=Ann from w-1');
      assert.equal(request!.headers['content-type'], 'text/x-custom; charset=utf-8');
      assert.equal(request!.headers['x-wazo-delivery-id'], 'd-1');
      assert.equal(request!.headers['idempotency-key'], 'd-1');
      assert.equal(outcome.detail.request_body, 'name=Ann from w-1');
      assert.deepEqual(outcome.detail.response_body, { ok: true });
    } finally {
      client.close();
      await receiver.close();
    }
  });
});
