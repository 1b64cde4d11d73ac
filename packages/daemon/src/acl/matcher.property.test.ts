/**
 * Property checks with random ACLs: the compiled matcher must agree with a naive reference that
 * walks the entry segment by segment (no regexes), and obey the algebra Wazo's rules imply.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { canGrant, compileAcl } from './matcher.js';

const identity = { authId: 'u1', sessionUuid: 's1' };

// A seeded generator, so a failure prints a reproducible seed.
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = [
  'confd',
  'users',
  'read',
  'me',
  'u1',
  'my_session',
  's1',
  'edit',
  'update',
  'x',
  '',
  'a#b',
  'ab',
];
const PATTERN_WORDS = [...WORDS, '*', '#', 'a*', '*b', 'x#'];

function pick<T>(rand: () => number, items: readonly T[]): T {
  return items[Math.floor(rand() * items.length)]!;
}

function randomAccess(rand: () => number, words: readonly string[]): string {
  const length = 1 + Math.floor(rand() * 4);
  return Array.from({ length }, () => pick(rand, words)).join('.');
}

/** Reference: a character-level glob over the whole string, reserved words expanded by hand. */
function globMatches(pattern: string, text: string): boolean {
  if (pattern === '') return text === '';
  const [head, rest] = [pattern[0], pattern.slice(1)];
  if (head === '#') return [...Array(text.length + 1).keys()].some((i) => globMatches(rest, text.slice(i)));
  if (head === '*') {
    for (let i = 0; i <= text.length; i += 1) {
      if (globMatches(rest, text.slice(i))) return true;
      if (text[i] === '.' || text[i] === '#') return false;
    }
    return false;
  }
  return text[0] === head && globMatches(rest, text.slice(1));
}

function expansions(entry: string): string[] {
  const options = entry.split('.').map((segment) => {
    if (segment === 'me') return ['me', identity.authId];
    if (segment === 'my_session') return ['my_session', identity.sessionUuid];
    if (segment === 'edit') return ['edit', 'update'];
    return [segment];
  });
  return options.reduce<string[]>(
    (acc, opts) => acc.flatMap((p) => opts.map((o) => (p === null ? o : `${p}.${o}`))),
    [null as unknown as string],
  );
}

function referenceMatches(acl: string[], required: string): boolean {
  const hit = (entry: string) => expansions(entry).some((e) => globMatches(e, required));
  if (acl.filter((e) => e.startsWith('!')).some((e) => hit(e.slice(1)))) return false;
  return acl.filter((e) => !e.startsWith('!')).some(hit);
}

function randomAcl(rand: () => number): string[] {
  const length = Math.floor(rand() * 5);
  return Array.from({ length }, () => (rand() < 0.2 ? '!' : '') + randomAccess(rand, PATTERN_WORDS));
}

describe('ACL matcher properties', () => {
  it('when random ACLs and accesses are checked, then the matcher agrees with the reference', () => {
    const rand = prng(20240601);
    for (let i = 0; i < 5000; i += 1) {
      const acl = randomAcl(rand);
      const required = randomAccess(rand, WORDS);
      const expected = referenceMatches(acl, required);
      assert.equal(
        compileAcl(acl, identity).matches(required),
        expected,
        `${JSON.stringify(acl)} ${required}`,
      );
    }
  });

  it('when an access is in the ACL as a literal, then it is granted', () => {
    const rand = prng(7);
    for (let i = 0; i < 1000; i += 1) {
      const access = randomAccess(rand, WORDS);
      assert.equal(compileAcl([access], identity).matches(access), true, access);
    }
  });

  it('when an access is negated, then no other entry grants it', () => {
    const rand = prng(11);
    for (let i = 0; i < 1000; i += 1) {
      const access = randomAccess(rand, WORDS);
      const acl = [...randomAcl(rand), '#', access, `!${access}`];
      assert.equal(compileAcl(acl, identity).matches(access), false, access);
    }
  });

  it('when a prefix ends with #, then every longer access under it is granted and the prefix is not', () => {
    const rand = prng(13);
    for (let i = 0; i < 1000; i += 1) {
      const prefix = randomAccess(rand, ['confd', 'users', 'x', 'ab']);
      const matcher = compileAcl([`${prefix}.#`], identity);
      assert.equal(matcher.matches(`${prefix}.${randomAccess(rand, WORDS)}`), true);
      assert.equal(matcher.matches(prefix), false);
    }
  });

  it('when positive entries are added, then no granted access is lost', () => {
    const rand = prng(17);
    for (let i = 0; i < 1000; i += 1) {
      const acl = randomAcl(rand).filter((e) => !e.startsWith('!'));
      const required = randomAccess(rand, WORDS);
      if (!compileAcl(acl, identity).matches(required)) continue;
      const wider = [...acl, randomAccess(rand, PATTERN_WORDS)];
      assert.equal(compileAcl(wider, identity).matches(required), true);
    }
  });

  it('when a caller grants an access, then a token holding just that access grants nothing the caller lacks', () => {
    const rand = prng(19);
    for (let i = 0; i < 2000; i += 1) {
      const caller = compileAcl(
        randomAcl(rand).filter((e) => !e.startsWith('!')),
        identity,
      );
      const granted = randomAccess(rand, PATTERN_WORDS);
      if (!canGrant(caller, granted) || /(^|\.)(me|my_session|edit)(\.|$)/.test(granted)) continue;
      const required = randomAccess(rand, WORDS);
      if (compileAcl([granted], identity).matches(required)) {
        assert.equal(caller.matches(required), true, `${granted} ${required}`);
      }
    }
  });
});
