import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { escapeKeyPart, formatKey, pythonStr } from './format.js';

describe('formatKey', () => {
  it('when a string variable holds wildcards, then it is escaped as wazo-bus does', () => {
    assert.equal(escapeKeyPart('a.b#c*d'), 'a__DOT__b__HASH__c__STAR__d');
    assert.equal(formatKey('x.{name}.y', { name: 'my.app*' }), 'x.my__DOT__app__STAR__.y');
  });

  it('when a placeholder indexes a nested object, then the nested value is used unescaped', () => {
    assert.equal(formatKey('lines.{line[id]}.{line[name]}', { line: { id: 7, name: 'a.b' } }), 'lines.7.a.b');
  });

  it('when values are not strings, then they print like Python str()', () => {
    assert.equal(formatKey('{a}.{b}.{c}.{d}', { a: 1, b: true, c: null, d: false }), '1.True.None.False');
    assert.equal(pythonStr(undefined), 'None');
  });

  it('when braces are doubled, then they are literal', () => {
    assert.equal(formatKey('{{x}}.{y}', { y: 2 }), '{x}.2');
  });

  it('when a field is missing, then an invalid-data error names it', () => {
    assert.throws(() => formatKey('a.{nope}', {}), { code: 'invalid-data', errorId: 'missing-format-field' });
    assert.throws(() => formatKey('a.{line[id]}', { line: {} }), { code: 'invalid-data' });
  });
});
