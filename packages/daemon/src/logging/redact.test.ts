import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { maskAuthorization, maskToken, maskUrl } from './redact.js';

describe('maskToken', () => {
  it('when given a uuid token, then all but its last 8 characters are X, dashes kept', () => {
    assert.equal(maskToken('0b6d1c7e-2f4a-4c8e-9b1d-3f9a5e2b1c4d'), 'XXXXXXXX-XXXX-XXXX-XXXX-XXXX5e2b1c4d');
  });

  it('when the token is 8 characters or shorter, then it is left as is (nothing to hide behind)', () => {
    assert.equal(maskToken('abcd1234'), 'abcd1234');
    assert.equal(maskToken(''), '');
  });
});

describe('maskAuthorization', () => {
  it('when the scheme is known, then only the scheme stays', () => {
    assert.equal(maskAuthorization('Basic YWxpY2U6c2VjcmV0'), 'Basic <hidden>');
    assert.equal(maskAuthorization('Bearer abc'), 'Bearer <hidden>');
    assert.equal(maskAuthorization('Digest xyz'), '<hidden>');
  });
});

describe('maskUrl', () => {
  it('when a token query parameter is present, then its value is hidden wherever it sits', () => {
    assert.equal(maskUrl('/1.1/users?token=abc-123'), '/1.1/users?token=<hidden>');
    assert.equal(maskUrl('/ws?a=1&token=abc&b=2'), '/ws?a=1&token=<hidden>&b=2');
    assert.equal(maskUrl('https://h/x?TOKEN=abc#frag'), 'https://h/x?TOKEN=<hidden>#frag');
  });

  it('when a token is a path segment (wazo-auth /token/{token}), then it is masked as tokens are', () => {
    const token = '0b6d1c7e-2f4a-4c8e-9b1d-3f9a5e2b1c4d';
    const masked = 'XXXXXXXX-XXXX-XXXX-XXXX-XXXX5e2b1c4d';
    assert.equal(maskUrl(`/0.1/token/${token}`), `/0.1/token/${masked}`);
    assert.equal(
      maskUrl(`/0.1/token/${token}?scope=confd.users.read`),
      `/0.1/token/${masked}?scope=confd.users.read`,
    );
    assert.equal(maskUrl(`/0.1/token/${token}/scopes/check`), `/0.1/token/${masked}/scopes/check`);
  });

  it('when the parameter only ends with token, then it is left alone', () => {
    assert.equal(maskUrl('/x?service_token=abc'), '/x?service_token=abc');
    assert.equal(maskUrl('/tokens/abc'), '/tokens/abc');
  });
});
