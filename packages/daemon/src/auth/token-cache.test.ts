import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createTokenCache } from './token-cache.js';
import type { TokenInfo } from './types.js';

function info(token: string, session = `s-${token}`, expiresAt = Number.MAX_SAFE_INTEGER): TokenInfo {
  return { token, auth_id: 'a', session_uuid: session, acl: [], expiresAt, metadata: {} };
}

describe('token cache', () => {
  it('when full, then the least recently used token goes first', () => {
    const cache = createTokenCache({ now: () => 0 }, { maxEntries: 2 });
    cache.set(info('a'));
    cache.set(info('b'));
    cache.get('a');
    cache.set(info('c'));
    assert.ok(cache.get('a'));
    assert.equal(cache.get('b'), undefined);
    assert.equal(cache.size, 2);
  });

  it('when many unknown tokens arrive, then known tokens stay', () => {
    const cache = createTokenCache({ now: () => 0 }, { maxEntries: 2, maxNegativeEntries: 2 });
    cache.set(info('good'));
    for (let i = 0; i < 100; i += 1) cache.setUnknown(`bad-${i}`);
    assert.ok(cache.get('good'));
    assert.equal(cache.isKnownUnknown('bad-99'), true);
    assert.equal(cache.isKnownUnknown('bad-0'), false);
  });

  it('when a session is deleted, then all its tokens go and others stay', () => {
    const cache = createTokenCache({ now: () => 0 });
    cache.set(info('a', 's1'));
    cache.set(info('b', 's1'));
    cache.set(info('c', 's2'));
    cache.deleteSession('s1');
    assert.equal(cache.get('a'), undefined);
    assert.equal(cache.get('b'), undefined);
    assert.ok(cache.get('c'));
  });

  it('when maxTtlMs is set, then a token is dropped after it even if not expired', () => {
    let now = 0;
    const cache = createTokenCache({ now: () => now }, { maxTtlMs: 1000 });
    cache.set(info('a'));
    now = 999;
    assert.ok(cache.get('a'));
    now = 1000;
    assert.equal(cache.get('a'), undefined);
  });

  it('when an evicted token was the last of its session, then deleting the session is harmless', () => {
    const cache = createTokenCache({ now: () => 0 }, { maxEntries: 1 });
    cache.set(info('a', 's1'));
    cache.set(info('b', 's2'));
    cache.deleteSession('s1');
    assert.ok(cache.get('b'));
  });
});
