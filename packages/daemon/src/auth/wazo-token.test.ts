import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseTokenDocument, parseWazoUtc } from './wazo-token.js';

describe('wazo-auth token document', () => {
  it("when a utc timestamp has wazo-auth's microseconds and no zone, then it is read as UTC", () => {
    assert.equal(parseWazoUtc('2024-03-05T06:07:08.123456'), Date.UTC(2024, 2, 5, 6, 7, 8, 123));
  });

  it('when a timestamp has no fraction or has a zone, then it is still read', () => {
    assert.equal(parseWazoUtc('2024-03-05T06:07:08'), Date.UTC(2024, 2, 5, 6, 7, 8));
    assert.equal(parseWazoUtc('2024-03-05T06:07:08Z'), Date.UTC(2024, 2, 5, 6, 7, 8));
    assert.equal(parseWazoUtc('2024-03-05T08:07:08+02:00'), Date.UTC(2024, 2, 5, 6, 7, 8));
  });

  it('when a timestamp is not one, then NaN', () => {
    assert.ok(Number.isNaN(parseWazoUtc('tomorrow')));
  });

  it('when the document is complete, then every field is read', () => {
    const info = parseTokenDocument({
      data: {
        token: 't',
        auth_id: 'a',
        session_uuid: 's',
        acl: ['x'],
        metadata: { tenant_uuid: 'tn' },
        xivo_user_uuid: 'u',
        utc_expires_at: '2030-01-01T00:00:00.000000',
      },
    });
    assert.deepEqual(info, {
      token: 't',
      auth_id: 'a',
      session_uuid: 's',
      acl: ['x'],
      expiresAt: Date.UTC(2030, 0, 1),
      metadata: { tenant_uuid: 'tn' },
      xivo_user_uuid: 'u',
    });
  });

  it('when the acl is null, then it is empty', () => {
    const info = parseTokenDocument({
      data: { token: 't', auth_id: 'a', acl: null, utc_expires_at: '2030-01-01T00:00:00' },
    });
    assert.deepEqual(info instanceof Error ? info : info.acl, []);
  });

  it('when the document is malformed, then an Error says why', () => {
    assert.ok(parseTokenDocument(null) instanceof Error);
    assert.ok(parseTokenDocument({ data: { token: 't' } }) instanceof Error);
    assert.ok(
      parseTokenDocument({
        data: { token: 't', auth_id: 'a', acl: [1], utc_expires_at: '2030-01-01T00:00:00' },
      }) instanceof Error,
    );
    assert.ok(
      parseTokenDocument({ data: { token: 't', auth_id: 'a', utc_expires_at: 'x' } }) instanceof Error,
    );
  });
});
