/** The visible sub-tenants: asked once per token and tenant while fresh, failures not remembered. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createVisibleTenants } from './scope.js';

describe('createVisibleTenants', () => {
  it('when asked twice while fresh, then wazo-auth is asked once; after the ttl, again', async () => {
    let calls = 0;
    let now = 0;
    const visible = createVisibleTenants({
      client: {
        list: async () => {
          calls += 1;
          return [{ uuid: 'child', slug: null, name: null }];
        },
      },
      ttlMs: 1000,
      now: () => now,
    });
    assert.deepEqual(await visible.of('tok', 'root'), ['root', 'child']);
    await visible.of('tok', 'root');
    assert.equal(calls, 1);
    now = 2000;
    await visible.of('tok', 'root');
    assert.equal(calls, 2);
  });

  it('when wazo-auth fails, then the next call asks again', async () => {
    let fail = true;
    const visible = createVisibleTenants({
      client: {
        list: async () => {
          if (fail) throw new Error('down');
          return [{ uuid: 'root', slug: null, name: null }];
        },
      },
      ttlMs: 60_000,
    });
    await assert.rejects(visible.of('tok', 'root'));
    fail = false;
    assert.deepEqual(await visible.of('tok', 'root'), ['root']);
  });
});
