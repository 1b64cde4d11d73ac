import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { NotFoundError, toWazoError, UnavailableError, WazoError } from './errors.js';

describe('WazoError', () => {
  it('when serialized and rebuilt, then code, errorId, details and retryable survive', () => {
    const original = new NotFoundError('User was not found', {
      errorId: 'unknown-user',
      details: { id: 42 },
      resource: 'users',
    });
    const rebuilt = toWazoError(JSON.parse(JSON.stringify(original)));
    assert.equal(rebuilt.code, 'not-found');
    assert.equal(rebuilt.errorId, 'unknown-user');
    assert.deepEqual(rebuilt.details, { id: 42 });
    assert.equal(rebuilt.resource, 'users');
    assert.equal(rebuilt.retryable, false);
    assert.equal(rebuilt.message, 'User was not found');
  });

  it('when a dependency is unavailable, then the error is retryable by default', () => {
    assert.equal(new UnavailableError().retryable, true);
    assert.equal(new WazoError('conflict', 'x').retryable, false);
  });

  it('when given something that is not a WazoError, then it becomes an internal error', () => {
    const err = toWazoError(new TypeError('boom'));
    assert.equal(err.code, 'internal');
    assert.equal(err.message, 'boom');
    assert.equal(toWazoError({ code: 'nope', message: 'x' }).code, 'internal');
  });
});
