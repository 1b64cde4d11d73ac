import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compileAcl } from '@wazo-ts/daemon';
import { type CachedToken, createTokenCache } from './token-cache.js';

const entry = (n: number, expiresAt = 10_000): CachedToken => ({
  stored: {
    uuid: `t${n}`,
    sessionUuid: `s${n}`,
    authId: 'u',
    pbxUserUuid: null,
    xivoUuid: null,
    issuedAt: new Date(0),
    expiresAt: new Date(expiresAt),
    acl: [],
    metadata: { uuid: 'u', tenant_uuid: 'x', auth_id: 'u', pbx_user_uuid: null, xivo_uuid: null },
    userAgent: null,
    remoteAddr: null,
    refreshTokenUuid: null,
  },
  userTenant: 'x',
  matcher: compileAcl([], { authId: 'u', sessionUuid: `s${n}` }),
});

describe('token cache', () => {
  it('when a token is filled, then it is served until it expires, then dropped', () => {
    const cache = createTokenCache({ now: () => 0 });
    cache.fill(cache.ticket(), entry(1, 500));
    assert.equal(cache.get('t1', 500)?.stored.uuid, 't1');
    assert.equal(cache.get('t1', 501), undefined);
    assert.equal(cache.size, 0);
  });

  it('when its session is evicted or the cache cleared, then the token is gone', () => {
    const cache = createTokenCache({ now: () => 0 });
    cache.fill(cache.ticket(), entry(1));
    cache.fill(cache.ticket(), entry(2));
    cache.evictSession('s1');
    assert.equal(cache.get('t1', 0), undefined);
    assert.equal(cache.get('t2', 0)?.stored.uuid, 't2');
    cache.clear();
    assert.equal(cache.size, 0);
  });

  it('when an eviction happens while a lookup reads the database, then its fill is dropped', () => {
    const cache = createTokenCache({ now: () => 0 });
    const ticket = cache.ticket();
    cache.evictSession('s1'); // the revocation commits while the lookup's SELECT still ran
    cache.fill(ticket, entry(1));
    assert.equal(cache.get('t1', 0), undefined);
  });

  it('when more tokens than the bound are filled, then the least recently used go first', () => {
    const cache = createTokenCache({ maxEntries: 2, now: () => 0 });
    cache.fill(cache.ticket(), entry(1));
    cache.fill(cache.ticket(), entry(2));
    cache.get('t1', 0);
    cache.fill(cache.ticket(), entry(3));
    assert.deepEqual(
      ['t1', 't2', 't3'].map((t) => cache.get(t, 0) !== undefined),
      [true, false, true],
    );
  });

  it('when an entry is older than the max age, then it is read again', () => {
    let clock = 0;
    const cache = createTokenCache({ maxAgeMs: 100, now: () => clock });
    cache.fill(cache.ticket(), entry(1));
    clock = 100;
    assert.equal(cache.get('t1', clock), undefined);
  });
});
