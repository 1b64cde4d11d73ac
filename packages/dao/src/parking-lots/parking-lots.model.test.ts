import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { inSlotsRange } from './parking-lots.model.js';

describe("a parking lot's slots (Wazo's in_slots_range)", () => {
  const lot = { slots_start: '701', slots_end: '750' };

  it('when an exten is between the bounds, bounds included, then it is in', () => {
    for (const exten of ['701', '725', '750']) assert.equal(inSlotsRange(lot, exten), true, exten);
  });

  it('when an exten is outside, not digits or starts with 0, then it is not', () => {
    for (const exten of ['700', '751', '0725', '_7XX', '7a1', ''])
      assert.equal(inSlotsRange(lot, exten), false, exten);
  });

  it('when the numbers are longer than a float holds, then they compare exactly', () => {
    const wide = { slots_start: '12345678901234567890', slots_end: '12345678901234567899' };
    assert.equal(inSlotsRange(wide, '12345678901234567895'), true);
    assert.equal(inSlotsRange(wide, '12345678901234567900'), false);
  });
});
