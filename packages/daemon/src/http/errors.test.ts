/**
 * The daemon's hook over validation and body failures (`renderValidationError`): what it returns
 * is answered in the daemon's shape; what it declines keeps the kit's `invalid-data`.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { InvalidDataError } from '@wazo-ts/errors';
import Fastify from 'fastify';
import { installErrorHandling, type RequestFailure } from './errors.js';

async function appWith(render?: (failure: RequestFailure) => InvalidDataError | undefined) {
  const app = Fastify();
  installErrorHandling(app, 'confd', render);
  app.post(
    '/items',
    { schema: { body: { type: 'object', properties: { name: { type: 'string' } }, required: ['name'] } } },
    async () => ({}),
  );
  await app.ready();
  return app;
}

const post = (app: Awaited<ReturnType<typeof appWith>>, payload: string) =>
  app.inject({ method: 'POST', url: '/items', payload, headers: { 'content-type': 'application/json' } });

describe('renderValidationError', () => {
  it('when the daemon words a schema failure, then its error is answered in the daemon shape', async () => {
    const seen: RequestFailure[] = [];
    const app = await appWith((failure) => {
      seen.push(failure);
      return new InvalidDataError('Input Error - name: missing');
    });
    const response = await post(app, '{"other": 1}');
    assert.equal(response.statusCode, 400);
    assert.deepEqual(response.json(), ['Input Error - name: missing']);
    assert.equal(seen[0]?.kind, 'schema');
    assert.deepEqual(seen[0]?.kind === 'schema' && seen[0].value, { other: 1 });
  });

  it('when the error lists several messages, then the confd body has one string each', async () => {
    const messages = ["Input Error - name: ['Missing data for required field.']", 'Input Error - x: []'];
    const app = await appWith(() => new InvalidDataError('two fields', { details: { messages } }));
    const response = await post(app, '{}');
    assert.deepEqual(response.json(), messages);
  });

  it('when the body is not JSON, then the daemon sees an unreadable body', async () => {
    const seen: RequestFailure[] = [];
    const app = await appWith((failure) => {
      seen.push(failure);
      return new InvalidDataError('unreadable');
    });
    const response = await post(app, '{not json');
    assert.deepEqual(response.json(), ['unreadable']);
    assert.equal(seen[0]?.kind, 'unreadable-body');
  });

  it('when the daemon declines, or has no hook, then the kit wording stays', async () => {
    for (const app of [await appWith(() => undefined), await appWith()]) {
      const response = await post(app, '{}');
      assert.equal(response.statusCode, 400);
      assert.match(response.json()[0], /^Sent data is invalid: name:/);
    }
  });
});
