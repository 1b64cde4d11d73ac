import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dynamicCheckDelay, nextCheckDelay } from './token-check.js';

describe('token re-check schedule', () => {
  const now = 1_000_000;
  const at = (seconds: number) => now + seconds * 1000;

  it("when the dynamic strategy runs, then it follows Wazo's schedule", () => {
    assert.equal(dynamicCheckDelay(at(-5), now), 15_000);
    assert.equal(dynamicCheckDelay(at(4), now), 4_000);
    assert.equal(dynamicCheckDelay(at(70), now), 60_000);
    assert.equal(dynamicCheckDelay(at(40), now), 40_000);
    assert.equal(dynamicCheckDelay(at(3600), now), 2_700_000);
    assert.equal(dynamicCheckDelay(at(100_000), now), 43_200_000);
  });

  it('when the static strategy is configured, then the interval is fixed', () => {
    const config = { auth_check_strategy: 'static' as const, auth_check_static_interval: 2.5 };
    assert.equal(nextCheckDelay(config, at(3600), now), 2_500);
  });
});
