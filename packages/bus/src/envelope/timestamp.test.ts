import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { pythonLocalIsoformat } from './timestamp.js';

describe('pythonLocalIsoformat', () => {
  it('when the instant has milliseconds, then it prints naive local time with microseconds', () => {
    const date = new Date(2026, 10, 28, 23, 59, 1, 123);
    assert.equal(pythonLocalIsoformat(date), '2026-11-28T23:59:01.123000');
  });

  it('when the sub-second part is zero, then it is left out like Python does', () => {
    assert.equal(pythonLocalIsoformat(new Date(2026, 0, 2, 3, 4, 5, 0)), '2026-01-02T03:04:05');
  });
});
