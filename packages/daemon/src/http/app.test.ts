import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createBusConsumer, createBusPublisher, createMemoryTransport } from '@wazo-ts/bus';
import { ConflictError } from '@wazo-ts/errors';
import pino from 'pino';
import { parse } from 'yaml';
import { createFakeTokenVerifier } from '../auth/testing/fake-verifier.js';
import { loadConfig } from '../config/index.js';
import { helloDaemon } from '../example/definition.js';
import { greetingsPlugin } from '../example/greetings.plugin.js';
import { createStatusAggregator } from '../status/status.js';
import { undocumentedAnswers } from '../testing/openapi-coverage.js';
import { type BuildAppOptions, buildDaemonApp, type DaemonApp } from './app.js';

type OpenApi = { paths: Record<string, Record<string, { responses: Record<string, unknown> }>> };

const verifier = createFakeTokenVerifier();
verifier.add({ token: 'admin', acl: ['hello.#'], metadata: { tenant_uuid: 't1' } });
verifier.add({
  token: 'reader',
  acl: ['hello.greetings.read', 'hello.greetings.1.read'],
  metadata: { tenant_uuid: 't1' },
});
verifier.addSubtenant('t1', 't2');

function options(overrides: Partial<BuildAppOptions> = {}): BuildAppOptions {
  const { config } = loadConfig(helloDaemon, { argv: ['-c', '/nonexistent/config.yml'], env: {} });
  const transport = createMemoryTransport();
  const status = createStatusAggregator();
  const logger = pino({ level: 'silent' });
  return {
    name: 'hello',
    apiVersion: '1.0',
    config,
    logger,
    status,
    verifier,
    errorShape: 'api',
    maskedConfig: () => ({ debug: config.debug }),
    setDebug: (debug) => {
      config.debug = debug;
    },
    registerApi: async (api) => {
      await greetingsPlugin.load({
        daemon: 'hello',
        config,
        logger,
        api,
        status,
        reportStatus: () => undefined,
        lifecycle: { onStart: () => undefined, onStop: () => undefined },
        bus: {
          transport,
          publisher: createBusPublisher({ transport, originUuid: 'o' }),
          consumer: createBusConsumer({ transport, name: 't' }),
        },
        serviceToken: null,
        resources: {},
      });
      api.get('/conflict', { config: { acl: 'hello.conflict.read', errorShape: 'confd' } }, async () => {
        throw new ConflictError("Resource Error - Greeting already exists ('name': 'x')");
      });
      api.get('/boom', { config: { public: true } }, async () => {
        throw new Error('secret internals');
      });
    },
    ...overrides,
  };
}

describe('daemon HTTP app', () => {
  let daemon: DaemonApp;
  before(async () => {
    daemon = await buildDaemonApp(options());
  });
  after(async () => daemon.app.close());

  it('when a token holds the ACL, then the route answers', async () => {
    const res = await daemon.app.inject({
      method: 'POST',
      url: '/1.0/greetings',
      headers: { 'x-auth-token': 'admin' },
      payload: { name: 'Ada' },
    });
    assert.equal(res.statusCode, 201);
    assert.equal(res.json().message, 'Hello, Ada!');
    assert.equal(res.headers.location, '/1.0/greetings/1');
  });

  it('when the ACL has a path parameter, then it is checked with the value', async () => {
    const own = await daemon.app.inject({ url: '/1.0/greetings/1', headers: { 'x-auth-token': 'reader' } });
    assert.equal(own.statusCode, 200);
    const other = await daemon.app.inject({ url: '/1.0/greetings/2', headers: { 'x-auth-token': 'reader' } });
    assert.equal(other.statusCode, 401);
    assert.equal(other.json().details.required_access, 'hello.greetings.2.read');
  });

  it('when the body breaks the schema, then 400 invalid-data names the field and nothing is created', async () => {
    const before = await daemon.app.inject({ url: '/1.0/greetings', headers: { 'x-auth-token': 'admin' } });
    const res = await daemon.app.inject({
      method: 'POST',
      url: '/1.0/greetings',
      headers: { 'x-auth-token': 'admin' },
      payload: { name: 42, extra: true },
    });
    assert.equal(res.statusCode, 400);
    const body = res.json();
    assert.equal(body.error_id, 'invalid-data');
    assert.equal(typeof body.timestamp, 'number');
    assert.ok(Object.keys(body.details).length > 0);
    const afterList = await daemon.app.inject({
      url: '/1.0/greetings',
      headers: { 'x-auth-token': 'admin' },
    });
    assert.equal(afterList.json().total, before.json().total);
  });

  it('when a JSON body sends a number for a string field, then 400: bodies are not coerced', async () => {
    const res = await daemon.app.inject({
      method: 'POST',
      url: '/1.0/greetings',
      headers: { 'x-auth-token': 'admin' },
      payload: { name: 5 },
    });
    assert.equal(res.statusCode, 400);
    assert.ok(res.json().details.name);
  });

  it('when the JSON is malformed or too large, then 400 or 413 in Wazo shape', async () => {
    const malformed = await daemon.app.inject({
      method: 'POST',
      url: '/1.0/greetings',
      headers: { 'x-auth-token': 'admin', 'content-type': 'application/json' },
      payload: '{"name":',
    });
    assert.equal(malformed.statusCode, 400);
    assert.equal(malformed.json().error_id, 'invalid-data');
    const large = await daemon.app.inject({
      method: 'POST',
      url: '/1.0/greetings',
      headers: { 'x-auth-token': 'admin' },
      payload: { name: 'x'.repeat(2_000_000) },
    });
    assert.equal(large.statusCode, 413);
  });

  it('when a route renders confd errors, then the body is a list of strings', async () => {
    const res = await daemon.app.inject({ url: '/1.0/conflict', headers: { 'x-auth-token': 'admin' } });
    assert.equal(res.statusCode, 409);
    assert.deepEqual(res.json(), ["Resource Error - Greeting already exists ('name': 'x')"]);
  });

  it('when a handler fails unexpectedly, then 500 leaks nothing', async () => {
    const res = await daemon.app.inject({ url: '/1.0/boom' });
    assert.equal(res.statusCode, 500);
    assert.ok(!res.body.includes('secret internals'));
    assert.equal(res.json().error_id, 'unexpected-error');
  });

  it('when Wazo-Tenant names a tenant outside the token, then 401 unauthorized-tenant', async () => {
    const sub = await daemon.app.inject({
      url: '/1.0/greetings',
      headers: { 'x-auth-token': 'admin', 'wazo-tenant': 't2' },
    });
    assert.equal(sub.statusCode, 200);
    const other = await daemon.app.inject({
      url: '/1.0/greetings',
      headers: { 'x-auth-token': 'admin', 'wazo-tenant': 't9' },
    });
    assert.equal(other.statusCode, 401);
    assert.equal(other.json().error_id, 'unauthorized-tenant');
  });

  it('when wazo-auth is unreachable, then 503 authentication-server-unreachable', async () => {
    const { authServerUnreachable } = await import('../auth/index.js');
    verifier.failWith(
      authServerUnreachable({ host: 'auth', port: 9497 } as never, new Error('ECONNREFUSED')),
    );
    try {
      const res = await daemon.app.inject({
        url: '/1.0/greetings',
        headers: { 'x-auth-token': 'unknown-token' },
      });
      assert.equal(res.statusCode, 503);
      assert.equal(res.json().error_id, 'authentication-server-unreachable');
    } finally {
      verifier.failWith(null);
    }
  });

  it('when PATCH /config sets debug, then the flag changes; a bad body is 400', async () => {
    const ok = await daemon.app.inject({
      method: 'PATCH',
      url: '/1.0/config',
      headers: { 'x-auth-token': 'admin' },
      payload: [{ op: 'replace', path: '/debug', value: true }],
    });
    assert.equal(ok.statusCode, 200);
    assert.equal(ok.json().debug, true);
    const bad = await daemon.app.inject({
      method: 'PATCH',
      url: '/1.0/config',
      headers: { 'x-auth-token': 'admin' },
      payload: [{ op: 'remove', path: '/debug' }],
    });
    assert.equal(bad.statusCode, 400);
  });

  it('when the OpenAPI document is read, then every operation documents its answer', async () => {
    const res = await daemon.app.inject({ url: '/1.0/api/api.yml' });
    // The two routes this test adds to provoke errors answer nothing but errors.
    assert.deepEqual(undocumentedAnswers(res.body, ['GET /1.0/conflict', 'GET /1.0/boom']), []);
    assert.doesNotMatch(res.body, /~kind|\[Kind\]|~optional/, 'no TypeBox internals');
    const created = (parse(res.body) as OpenApi).paths['/1.0/greetings'].post.responses;
    assert.deepEqual(Object.keys(created), ['201']);
  });

  it('when a route has no response schema, then the document says so (the coverage check fails)', () => {
    const yaml =
      'paths:\n  /x:\n    get:\n      responses:\n        "200":\n          description: Default Response\n';
    assert.deepEqual(undocumentedAnswers(yaml), ['GET /x']);
  });

  it('when the routes are listed, then each carries its access declaration', () => {
    const greetings = daemon.routes.find((r) => r.method === 'POST' && r.path === '/1.0/greetings');
    assert.deepEqual(greetings?.access, { acl: 'hello.greetings.create' });
    assert.ok(
      daemon.routes.some((r) => r.path === '/1.0/status' && r.method === 'HEAD' && 'public' in r.access),
    );
  });
});

describe('route declarations', () => {
  it('when a route declares neither an ACL nor public, then the app refuses to start', async () => {
    await assert.rejects(
      buildDaemonApp(
        options({
          registerApi: async (api) => {
            api.get('/forgotten', async () => 'oops');
          },
        }),
      ),
      /declares no access/,
    );
  });
});
