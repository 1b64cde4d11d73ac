/** Wazo's IAX options without a database: column options checked, kept once, shown first. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { shownOptions, storedOptions } from './iax-options.js';

describe('IAX options', () => {
  it('when nothing is given, then Wazo column defaults are shown, empty ones left out', () => {
    const shown = shownOptions(storedOptions([]));
    assert.deepEqual(
      shown.map(([key]) => key),
      [
        'amaflags',
        'trunk',
        'auth',
        'sendani',
        'qualify',
        'qualifysmoothing',
        'qualifyfreqok',
        'qualifyfreqnotok',
        'requirecalltoken',
      ],
    );
  });

  it('when a column option repeats, then the last wins; booleans read as Asterisk does; others keep their order', () => {
    const stored = storedOptions([
      ['foo', '1'],
      ['trunk', 'on'],
      ['adsi', 'maybe'],
      ['port', '4569'],
      ['port', '4570'],
      ['secret', ''],
      ['foo', '2'],
      ['__proto__', 'x'],
    ]);
    assert.deepEqual(stored.native, { trunk: 'yes', adsi: 'no', port: '4570', secret: '' });
    assert.deepEqual(stored.extra, [
      ['foo', '1'],
      ['foo', '2'],
      ['__proto__', 'x'],
    ]);
    const shown = shownOptions(stored);
    assert.ok(!shown.some(([key]) => key === 'secret'), 'an empty value is not shown');
    assert.deepEqual(shown.slice(-3), stored.extra);
    assert.deepEqual(
      shown.filter(([key]) => ['trunk', 'adsi', 'port'].includes(key)),
      [
        ['trunk', 'yes'],
        ['adsi', 'no'],
        ['port', '4570'],
      ],
    );
  });

  it('when a column value does not fit, then an input error names the key', () => {
    for (const [option, message] of [
      [['port', '45a'], "{'port': ['Not a valid integer.']}"],
      [['port', '99999999999'], "{'port': ['Not a valid integer.']}"],
      [['transfer', 'maybe'], "{'transfer': ['Must be one of: no, yes, mediaonly.']}"],
      [['qualify', 'always'], "{'qualify': ['Longer than maximum length 4.']}"],
    ] as const) {
      assert.throws(
        () => storedOptions([option as unknown as [string, string]]),
        (error: Error) => error.message === `Input Error - options: ${message}`,
      );
    }
  });
});
