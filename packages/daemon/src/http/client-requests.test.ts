import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import { createFakeTokenVerifier } from '../auth/testing/fake-verifier.js';
import { loadConfig } from '../config/index.js';
import { helloDaemon } from '../example/definition.js';
import { createStatusAggregator } from '../status/status.js';
import { type BuildAppOptions, buildDaemonApp } from './app.js';

/** What a daemon's plugins get to register routes on. */
type DaemonRoutes = Parameters<BuildAppOptions['registerApi']>[0];

/** Routes shaped as Wazo's: a bodiless DELETE and PUT, a create with a body, a list with booleans. */
async function registerRoutes(api: DaemonRoutes) {
  const open = { config: { public: true } } as const;
  api.delete('/things/:id', open, async (_request, reply) => reply.code(204).send(null));
  api.put('/things/:id/links/:other', open, async (request, reply) =>
    reply.code(request.body === undefined ? 204 : 400).send(),
  );
  api.post(
    '/things',
    {
      ...open,
      schema: { body: { type: 'object', properties: { name: { type: 'string' } }, required: ['name'] } },
    },
    async (request) => request.body,
  );
  const querystring = {
    type: 'object',
    properties: {
      recurse: { type: 'boolean', default: false },
      enabled: { anyOf: [{ type: 'boolean' }, { type: 'null' }] },
      limit: { type: 'integer' },
      search: { type: 'string' },
    },
  };
  api.get('/things', { ...open, schema: { querystring } }, async (request) => request.query);
}

async function build() {
  const { config } = loadConfig(helloDaemon, { argv: ['-c', '/nonexistent/config.yml'], env: {} });
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
    registerApi: registerRoutes,
  });
  return app;
}

// What @wazo/sdk and wazo-lib-rest-client put on every call, body or not.
const json = { 'content-type': 'application/json', accept: 'application/json' };

describe("requests as Wazo's clients send them", () => {
  let app: FastifyInstance;
  before(async () => {
    app = await build();
  });
  after(async () => app.close());

  it('when a DELETE carries a JSON Content-Type and no body, then it is served', async () => {
    const answer = await app.inject({ method: 'DELETE', url: '/1.0/things/1', headers: json });
    assert.equal(answer.statusCode, 204);
  });

  it('when an association PUT carries a JSON Content-Type and an empty body, then it is served with no body', async () => {
    const answer = await app.inject({
      method: 'PUT',
      url: '/1.0/things/1/links/2',
      headers: json,
      payload: '',
    });
    assert.equal(answer.statusCode, 204);
    const charset = await app.inject({
      method: 'PUT',
      url: '/1.0/things/1/links/2',
      headers: { 'content-type': 'application/json; charset=utf-8' },
      payload: '',
    });
    assert.equal(charset.statusCode, 204);
  });

  it('when a route needs a body and gets an empty one with a JSON Content-Type, then the same 400 as with no Content-Type', async () => {
    const typed = await app.inject({ method: 'POST', url: '/1.0/things', headers: json, payload: '' });
    const bare = await app.inject({ method: 'POST', url: '/1.0/things' });
    assert.equal(typed.statusCode, 400);
    assert.equal(typed.json().error_id, 'invalid-data');
    const withoutTime = (body: Record<string, unknown>) => ({ ...body, timestamp: 0 });
    assert.deepEqual(withoutTime(typed.json()), withoutTime(bare.json()));
  });

  it('when a JSON body is sent, then it is still parsed, and prototype poisoning still refused', async () => {
    const ok = await app.inject({
      method: 'POST',
      url: '/1.0/things',
      headers: json,
      payload: '{"name":"a"}',
    });
    assert.deepEqual(ok.json(), { name: 'a' });
    const poisoned = await app.inject({
      method: 'POST',
      url: '/1.0/things',
      headers: json,
      payload: '{"name":"a","__proto__":{"x":1}}',
    });
    assert.equal(poisoned.statusCode, 400);
  });

  const query = async (search: string) => {
    const answer = await app.inject({ url: `/1.0/things?${search}`, headers: json });
    return { status: answer.statusCode, body: answer.json() };
  };

  it('when a boolean query parameter is spelled as marshmallow accepts it, then it is read as Wazo reads it', async () => {
    // wazo-confd-client sends recurse=False on every list, wazo-auth-client recurse=True.
    const spellings: [string, boolean][] = [
      ['True', true],
      ['False', false],
      ['true', true],
      ['false', false],
      ['TRUE', true],
      ['FALSE', false],
      ['1', true],
      ['0', false],
      ['yes', true],
      ['no', false],
      ['Yes', true],
      ['NO', false],
      ['on', true],
      ['off', false],
      ['ON', true],
      ['Off', false],
      ['t', true],
      ['f', false],
      ['T', true],
      ['F', false],
      ['y', true],
      ['n', false],
      ['Y', true],
      ['N', false],
    ];
    for (const [text, value] of spellings) {
      const answer = await query(`recurse=${text}&enabled=${text}`);
      assert.equal(answer.status, 200, text);
      assert.deepEqual(answer.body, { recurse: value, enabled: value }, text);
    }
  });

  it('when a boolean query parameter is not a boolean, then 400 names it; other parameters are untouched', async () => {
    const bad = await query('recurse=maybe');
    assert.equal(bad.status, 400);
    assert.ok(JSON.stringify(bad.body).includes('recurse'));
    const others = await query('search=yes&limit=1');
    assert.deepEqual(others.body, { search: 'yes', limit: 1, recurse: false });
  });
});
