import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { contactHash, contactProblems } from './contact.js';

describe('contact', () => {
  it('when two contacts differ only by id or key order, then their hashes are the same', () => {
    const a = contactHash({ firstname: 'Hélène', lastname: 'O"Neil', id: 'x' });
    assert.equal(a, contactHash({ lastname: 'O"Neil', firstname: 'Hélène' }));
    assert.notEqual(a, contactHash({ lastname: 'O"Neil', firstname: 'Helene' }));
  });

  it("when hashed, then the digest is the one of Python's json.dumps(sort_keys=True)", () => {
    // hashlib.sha1(json.dumps({'b': 'é', 'a': '1'}, sort_keys=True).encode()).hexdigest()
    assert.equal(contactHash({ b: 'é', a: '1' }), 'a0073417e46624fe5fd394e7ac809516ea0a2969');
  });

  it('when a contact has a non-string value or an empty key, then both problems are named', () => {
    assert.deepEqual(contactProblems({ a: 1, '': 'x' }), [
      'all values must be strings',
      '"" is a forbidden in keys',
    ]);
    assert.deepEqual(contactProblems({ a: 'b' }), []);
    assert.deepEqual(contactProblems([]), ['a contact must be an object']);
  });
});
