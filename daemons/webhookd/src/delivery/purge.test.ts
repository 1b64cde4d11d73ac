import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { type DeliveryTestBed, deliveryTestBed } from '../testing/delivery.js';
import { purgeLogs } from './purge.js';

describe('subscription log purge', () => {
  let bed: DeliveryTestBed;
  before(async () => {
    bed = await deliveryTestBed();
  });
  after(async () => bed?.cleanup([]));

  it('when logs are older than the retention, then they go and younger ones stay', async () => {
    const sub = await bed.addSubscription({ events: ['e'], config: {}, owner_tenant_uuid: randomUUID() });
    const day = 86_400_000;
    const row = (ageDays: number) => ({
      uuid: randomUUID(),
      subscription_uuid: sub,
      status: 'success' as const,
      started_at: new Date(Date.now() - ageDays * day),
      ended_at: new Date(Date.now() - ageDays * day),
      attempts: 1,
      max_attempts: 10,
      event: '{}',
      detail: '{}',
    });
    const kept = [row(1), row(29)];
    await bed.db
      .insertInto('webhookd_subscription_log')
      .values([row(31), row(400), ...kept])
      .execute();
    assert.equal(await purgeLogs(bed.db, 30), 2);
    const left = await bed.db.selectFrom('webhookd_subscription_log').select('uuid').execute();
    assert.deepEqual(left.map((l) => l.uuid).sort(), kept.map((k) => k.uuid).sort());
  });
});
