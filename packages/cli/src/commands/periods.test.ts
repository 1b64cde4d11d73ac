import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatPeriod, parsePeriod } from './periods.js';

describe('schedule periods', () => {
  it('when days, hours, month days and months are given, then they become Wazo period fields', () => {
    assert.deepEqual(parsePeriod('mon-wed,fri 08:00-12:30 days=1-3,15 months=6'), {
      hours_start: '08:00',
      hours_end: '12:30',
      week_days: [1, 2, 3, 5],
      month_days: [1, 2, 3, 15],
      months: [6],
    });
    assert.deepEqual(parsePeriod('09:00-17:00'), { hours_start: '09:00', hours_end: '17:00' });
  });

  it('when a period is malformed, then the message says what is wrong', () => {
    assert.throws(() => parsePeriod('mon-fri'), /no hours/);
    assert.throws(() => parsePeriod('8 09:00-10:00'), /8 is not between 1 and 7/);
    assert.throws(() => parsePeriod('fri-mon 09:00-10:00'), /goes backwards/);
    assert.throws(() => parsePeriod('09:00-10:00 weeks=2'), /unknown weeks=/);
  });

  it('when formatting, then full ranges are left out and runs are shortened', () => {
    const all = Array.from({ length: 7 }, (_, i) => i + 1);
    assert.equal(formatPeriod({ hours_start: '08:00', hours_end: '17:00', week_days: all }), '08:00-17:00');
    assert.equal(
      formatPeriod({ hours_start: '08:00', hours_end: '17:00', week_days: [1, 2, 3, 5], months: [6, 7, 8] }),
      'mon-wed,fri 08:00-17:00 months=6-8',
    );
  });
});
