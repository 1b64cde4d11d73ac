import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { TokenInfo } from '../auth/types.js';
import { aclMatcherFor, canGrant, canRevoke, compileAcl } from './matcher.js';

const identity = { authId: '123', sessionUuid: 'session-uuid' };

// [token ACL, required access, granted?]. The first groups restate the facts of xivo-lib-python's
// AccessCheck tests (auth id 123, session `session-uuid`); the rest are our own edge cases.
type Case = [string[], string, boolean];
const cases: Case[] = [
  // trailing #
  [['foo.bar.#'], 'foo.bar', false],
  [['foo.bar.#'], 'foo.bar.toto', true],
  [['foo.bar.#'], 'foo.bar.toto.tata', true],
  [['foo.bar.#'], 'other.bar.toto', false],
  [['foo.bar.#'], 'foo.bar.*', true],
  [['foo.bar.#'], 'foo.bar.*.*', true],
  [['foo.bar.#'], 'foo.bar.#', true],
  [['foo.bar.#'], '*.bar.toto', false],
  [['foo.bar.#'], '#.bar.toto', false],
  [['foo.bar.#'], 'foo.bar.', true],
  // plain entry
  [['foo.bar.toto'], 'foo.bar.toto', true],
  [['foo.bar.toto'], 'foo.bar.toto.tata', false],
  [['foo.bar.toto'], 'foo.bar.*', false],
  [['foo.bar.toto'], 'foo.bar.#', false],
  [['foo.bar.toto'], 'foo.bar', false],
  [['foo.bar.toto'], 'Foo.bar.toto', false],
  // stars
  [['foo.*.*'], 'foo.bar.toto', true],
  [['foo.*.*'], 'foo.bar.toto.tata', false],
  [['foo.*.*'], 'foo.*.*', true],
  [['foo.*.*'], 'foo.*', false],
  [['foo.*.*'], 'foo.bar.#', false],
  [['foo.*.*'], 'foo..', true],
  [['foo.*.read'], 'foo.a#b.read', false],
  [['foo.ba*'], 'foo.bar', true],
  [['foo.ba*'], 'foo.ba', true],
  [['foo.ba*'], 'foo.bar.x', false],
  [['*'], 'anything', true],
  [['*'], 'any.thing', false],
  [['*'], '', true],
  // several entries
  [['foo', 'foo.bar.toto', 'other.#'], 'foo', true],
  [['foo', 'foo.bar.toto', 'other.#'], 'foo.bar', false],
  [['foo', 'foo.bar.toto', 'other.#'], 'other.bar.toto', true],
  [['foo', 'foo.bar.toto', 'other.#'], '*', false],
  [['foo', 'foo.bar.toto', 'other.#'], '#', false],
  // # in the middle
  [['foo.bar.#.titi'], 'foo.bar.toto.tata.titi', true],
  [['foo.bar.#.titi'], 'foo.bar.toto', false],
  [['foo.bar.#.titi'], 'foo.bar.*.titi', true],
  [['foo.bar.#.titi'], 'foo.bar.*.*.titi', true],
  [['foo.bar.#.titi'], 'foo.bar.#', false],
  [['foo.bar.#.titi'], 'foo.bar..titi', true],
  // me
  [['foo.#.me'], 'foo.bar.me', true],
  [['foo.#.me'], 'foo.bar.123', true],
  [['foo.#.me'], 'foo.bar.toto.123', true],
  [['foo.#.me'], 'foo.bar.toto.me.titi', false],
  [['foo.#.me'], 'foo.*.456', false],
  [['foo.#.me'], 'foo.#.notme', false],
  [['foo.#.me'], 'foo.#', false],
  [['foo.#.me.bar'], 'foo.bar.123.bar', true],
  [['foo.#.me.bar'], 'foo.*.456.bar', false],
  [['foo.#.me.bar'], 'foo.#.bar', false],
  [['users.me.read'], 'users.123.read', true],
  [['users.me.read'], 'users.1234.read', false],
  [['users.123.read'], 'users.me.read', false],
  [['users.mee.read'], 'users.123.read', false],
  [['me'], '123', true],
  // my_session and edit
  [['foo.my_session'], 'foo.session-uuid', true],
  [['foo.my_session'], 'foo.my_session', true],
  [['foo.my_session'], 'foo.another-session-uuid', false],
  [['foo.session-uuid'], 'foo.my_session', false],
  [['foo.edit'], 'foo.edit', true],
  [['foo.edit'], 'foo.update', true],
  [['foo.edit'], 'foo.edit.update', false],
  [['foo.update'], 'foo.edit', false],
  [['foo.editor'], 'foo.updateor', false],
  // negative entries
  [['!foo.me.bar'], 'foo.me.bar', false],
  [['foo.me.bar', '!foo.me.bar', 'foo.me.bar'], 'foo.me.bar', false],
  [['!foo.me.bar.#', 'foo.me.bar.123'], 'foo.me.bar.123', false],
  [['foo.#', '!foo.me.bar.#', 'foo.me.bar.123'], 'foo.me.bar.123', false],
  [['foo.*.bar', '!foo.123.bar'], 'foo.me.bar', true],
  [['foo.*.bar', '!foo.123.bar'], 'foo.123.bar', false],
  [['!*.bar', 'foo.bar'], 'foo.bar', false],
  [['#', '!confd.users.me.delete'], 'confd.users.123.delete', false],
  [['#', '!confd.users.me.delete'], 'confd.users.456.delete', true],
  [['foo.bar'], '!foo.bar', false],
  [['#'], '!anything', true],
  // confd.# is not confd
  [['confd.#'], 'confd', false],
  [['confd.#'], 'confd.users.read', true],
  [['confd.#'], 'confdx.users.read', false],
  [['#'], 'confd', true],
  [['#'], '', true],
  // nothing granted
  [[], 'foo', false],
  [[], '', false],
  // regex metacharacters are literals
  [['foo.(a|b)'], 'foo.a', false],
  [['foo.(a|b)'], 'foo.(a|b)', true],
  [['foo.a+'], 'foo.aa', false],
  [['foo.[ab]'], 'foo.a', false],
  [['foo.a?.#'], 'foo.a?.x', true],
  // line breaks cannot dodge a negative # entry
  [['foo.*.*', '!foo.#.secret'], 'foo.a\nb.secret', false],
];

describe('ACL matcher', () => {
  for (const [acl, required, expected] of cases) {
    it(`when the token has ${JSON.stringify(acl)} and ${JSON.stringify(required)} is required, then ${expected ? 'granted' : 'denied'}`, () => {
      assert.equal(compileAcl(acl, identity).matches(required), expected);
    });
  }

  it('when nothing is required, then it is granted even with an empty ACL', () => {
    assert.equal(compileAcl([], identity).matches(null), true);
    assert.equal(compileAcl([], identity).matches(undefined), true);
  });

  it('when the auth id holds regex characters, then they are literals', () => {
    const matcher = compileAcl(['users.me.read'], { authId: 'a.b', sessionUuid: 's' });
    assert.equal(matcher.matches('users.a.b.read'), true);
    assert.equal(matcher.matches('users.axb.read'), false);
  });

  it('when a TokenInfo is matched twice, then its ACL is compiled once', () => {
    const token: TokenInfo = {
      token: 't',
      auth_id: 'u1',
      session_uuid: 's1',
      acl: ['confd.users.me.read'],
      expiresAt: 0,
      metadata: {},
    };
    assert.equal(aclMatcherFor(token), aclMatcherFor(token));
    assert.equal(aclMatcherFor(token).matches('confd.users.u1.read'), true);
  });
});

describe('escalation guard', () => {
  it('when the caller is granted an access, then the caller can grant it, read as a literal', () => {
    const caller = compileAcl(['confd.users.*.read', 'auth.#'], identity);
    assert.equal(canGrant(caller, 'confd.users.*.read'), true);
    assert.equal(canGrant(caller, 'confd.users.42.read'), true);
    assert.equal(canGrant(caller, 'confd.users.#'), false);
    assert.equal(canGrant(caller, 'confd.#'), false);
    assert.equal(canGrant(caller, 'calld.calls.read'), false);
  });

  it('when the access is negative, then anyone can add it', () => {
    assert.equal(canGrant(compileAcl(['foo.bar'], identity), '!foo.bar'), true);
    assert.equal(canGrant(compileAcl([], identity), '!anything'), true);
  });

  it('when removing an access, then the caller must be granted it, with or without the !', () => {
    const caller = compileAcl(['foo.#'], identity);
    assert.equal(canRevoke(caller, '!foo.bar'), true);
    assert.equal(canRevoke(caller, 'foo.bar'), true);
    assert.equal(canRevoke(caller, '!other.bar'), false);
  });

  it('when the caller is given as a TokenInfo, then its ACL is used', () => {
    const token: TokenInfo = {
      token: 't',
      auth_id: '7',
      session_uuid: 's',
      acl: ['x.me'],
      expiresAt: 0,
      metadata: {},
    };
    assert.equal(canGrant(token, 'x.7'), true);
    assert.equal(canGrant(token, 'x.8'), false);
  });
});
