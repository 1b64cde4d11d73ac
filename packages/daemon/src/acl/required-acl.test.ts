import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compileAcl } from './matcher.js';
import { compileAclTemplate, requiredAclFor } from './required-acl.js';

describe('requiredAclFor', () => {
  it('when the template has placeholders, then they are replaced by the values', () => {
    assert.equal(
      requiredAclFor('confd.users.{user_id}.lines.{line_id}.read', { user_id: 42, line_id: 'abc' }),
      'confd.users.42.lines.abc.read',
    );
  });

  it('when a value has dots, then each becomes an underscore (as Wazo)', () => {
    assert.equal(
      requiredAclFor('confd.extensions.{exten}.read', { exten: '1.2.3' }),
      'confd.extensions.1_2_3.read',
    );
  });

  it('when a value has # or *, then they become underscores too', () => {
    assert.equal(requiredAclFor('confd.users.{id}.delete', { id: 'a#b*c' }), 'confd.users.a_b_c.delete');
  });

  it('when a value has # and the token denies every user with *, then the value cannot dodge the denial', () => {
    const token = compileAcl(['confd.#', '!confd.users.*.delete'], { authId: 'u', sessionUuid: 's' });
    assert.equal(token.matches(requiredAclFor('confd.users.{id}.delete', { id: 'x#y' })), false);
    assert.equal(token.matches('confd.users.x#y.delete'), true, 'unescaped, the value would widen the check');
  });

  it('when the template has no placeholder, then it is returned as is', () => {
    assert.equal(requiredAclFor('confd.users.read', {}), 'confd.users.read');
  });

  it('when a parameter is missing, then it throws (a route bug, not a client error)', () => {
    assert.throws(() => requiredAclFor('confd.users.{user_id}.read', {}), /user_id/);
  });

  it('when a template is compiled once, then it serves many requests', () => {
    const build = compileAclTemplate('auth.users.{user_uuid}.tokens.{client_id}.delete');
    assert.equal(build({ user_uuid: 'me', client_id: 'my.app' }), 'auth.users.me.tokens.my_app.delete');
    assert.equal(build({ user_uuid: 'u2', client_id: 'x' }), 'auth.users.u2.tokens.x.delete');
  });
});
