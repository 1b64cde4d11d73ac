/** Wazo's E.164 check of a blocklisted number, case by case against what `phonenumbers` parses. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DIGITS_ONLY, isE164 } from './phone-number.js';

describe('a blocklisted number', () => {
  it('when it starts with + and a known calling code and 2 to 17 digits follow, then it parses', () => {
    for (const number of [
      '+112',
      '+123',
      '+18005551234',
      '+33123456789',
      '+80012345678',
      `+1${'2'.repeat(17)}`,
    ])
      assert.equal(isE164(number), true, number);
  });

  it('when it has no +, too few or too many digits, or an unknown code, then it does not', () => {
    for (const number of ['123', '+12', '+1', '+0123', '+99912345', `+1${'2'.repeat(18)}`, '+2123'])
      assert.equal(isE164(number), false, number);
  });

  it('when it holds anything but digits after an optional +, then it is not a digit-only number', () => {
    assert.equal(DIGITS_ONLY.test('+123'), true);
    for (const number of ['12a', '+', '++1', '1 2', '+1-2', ''])
      assert.equal(DIGITS_ONLY.test(number), false, number);
  });
});
