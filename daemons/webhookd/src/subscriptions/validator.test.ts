/** A subscription's config by service, as Wazo's schemas check it. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { validateConfig } from './validator.js';

const problemsOf = (service: string, config: Record<string, unknown>) => {
  try {
    validateConfig(service, config);
  } catch (error) {
    return (error as { details: { config: Record<string, { constraint_id: string }> } }).details.config;
  }
  assert.fail('accepted');
};

describe('subscription config validation', () => {
  it('when an http config is valid, then the method is lower-cased, nulls and unknown keys dropped', () => {
    assert.deepEqual(
      validateConfig('http', {
        url: 'http://x',
        method: 'DELETE',
        body: null,
        extra: 'y',
        verify_certificate: 'false',
      }),
      { url: 'http://x', method: 'delete', verify_certificate: 'false' },
    );
  });

  it('when an http config breaks a rule, then each bad key is named with its constraint', () => {
    assert.deepEqual(
      Object.fromEntries(
        Object.entries(
          problemsOf('http', { method: 'PATCH', verify_certificate: 'etc/ca.pem', content_type: 7 }),
        ).map(([key, problem]) => [key, problem.constraint_id]),
      ),
      {
        url: 'required',
        method: 'enum',
        verify_certificate: 'verify-certificate-invalid',
        content_type: 'type',
      },
    );
    assert.equal(problemsOf('http', { url: 'u'.repeat(8193), method: 'get' }).url?.constraint_id, 'length');
    assert.equal(
      problemsOf('http', { url: 'u', method: 'get', body: 'b'.repeat(16385) }).body?.constraint_id,
      'length',
    );
    assert.deepEqual(validateConfig('http', { url: 'u'.repeat(8192), method: 'head' }).method, 'head');
  });

  it('when another service gets a config, then it must be a map of strings (nulls dropped)', () => {
    assert.deepEqual(validateConfig('mobile', { a: 'b', c: null }), { a: 'b' });
    assert.equal(problemsOf('custom', { a: 1 }).a?.constraint_id, 'type');
  });
});
