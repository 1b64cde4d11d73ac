import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { InvalidDataError } from '@wazo-ts/errors';
import { applyConfigPatch } from './config-patch.js';

describe('applyConfigPatch', () => {
  it('when replacing /debug with a boolean, then the new flag is returned', () => {
    assert.equal(applyConfigPatch([{ op: 'replace', path: '/debug', value: true }], { debug: false }), true);
    assert.equal(applyConfigPatch([{ op: 'replace', path: '/debug', value: false }], { debug: true }), false);
  });

  it('when the list is empty, then the flag is unchanged', () => {
    assert.equal(applyConfigPatch([], { debug: true }), true);
  });

  it('when an operation is not a replace of /debug with a boolean, then invalid-data names the fields', () => {
    const bad = [
      { op: 'replace', path: '/debug', value: true },
      { op: 'add', path: '/log_level', value: 'yes' },
    ];
    assert.throws(
      () => applyConfigPatch(bad, { debug: false }),
      (err: unknown) => {
        assert.ok(err instanceof InvalidDataError);
        assert.equal(err.errorId, 'invalid-data');
        assert.deepEqual(Object.keys(err.details), ['1']);
        assert.deepEqual(Object.keys(err.details['1'] as object).sort(), ['op', 'path', 'value']);
        return true;
      },
    );
  });

  it('when the body is not a list, then it is invalid data', () => {
    assert.throws(() => applyConfigPatch({ op: 'replace' }, { debug: false }), InvalidDataError);
    assert.throws(() => applyConfigPatch(['x'], { debug: false }), InvalidDataError);
  });
});
