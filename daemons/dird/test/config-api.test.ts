/**
 * The configuration API on a real wazo-dird beside a real wazo-auth (PostgreSQL, in-process
 * bus): sources of every backend, displays and profiles, with Wazo's fields, defaults, codes,
 * ACLs and tenants; bad input is refused with a 400 that changes nothing.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type Answer, call, type DirdStack, eventually, startStack } from './support/stack.js';

let stack: DirdStack;
let admin: string;
let master: string;

before(async () => {
  stack = await startStack();
  admin = await stack.tokenFor(['dird.#']);
  master = stack.auth.masterTenantUuid;
  // The master tenant existed before dird started: the resync provisions it.
  await eventually(async () => (await call(stack, admin, 'GET', '/profiles')).body?.total === 1);
});
after(async () => stack?.stop());

const ok = (answer: Answer, status: number) => {
  assert.equal(answer.status, status, JSON.stringify(answer.body));
  return answer.body;
};

describe('configuration API', () => {
  it('when dird starts, then the existing master tenant has the default profile over its five sources', async () => {
    const profiles = ok(await call(stack, admin, 'GET', '/profiles'), 200);
    const profile = profiles.items[0];
    assert.equal(profile.name, 'default');
    assert.equal(profile.tenant_uuid, master);
    assert.equal(profile.services.lookup.sources.length, 5);
    assert.deepEqual(profile.services.reverse.options, { timeout: 0.5 });
    const sources = ok(await call(stack, admin, 'GET', '/sources?order=backend'), 200);
    assert.deepEqual(
      sources.items.map((s: { backend: string }) => s.backend),
      ['conference', 'google', 'office365', 'personal', 'wazo'],
    );
    const display = ok(await call(stack, admin, 'GET', `/displays/${profile.display.uuid}`), 200);
    assert.equal(display.columns.length, 8);
    assert.deepEqual(display.columns[4], {
      field: 'phone_mobile',
      title: 'Mobile',
      type: 'number',
      default: null,
      number_display: '{name} (mobile)',
    });
  });
});
