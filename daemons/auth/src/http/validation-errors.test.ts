/**
 * wazo-auth's validation errors as its marshmallow schemas answer (`_BaseParamException`): 400
 * `invalid-data`, the first failing field's message, and `details` nesting that field's path down
 * to `{constraint_id, constraint, message}`, which Wazo's clients and tests read.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { backendsPlugin } from '../backends/index.js';
import { seedAuthDatabase } from '../seed/index.js';
import { tenantsPlugin } from '../tenants/index.js';
import { type AuthTestDatabase, createAuthTestDatabase } from '../testing/auth-database.js';
import { buildTestApi, type TestApi } from '../testing/test-app.js';

describe('wazo-auth validation errors', () => {
  let t: AuthTestDatabase;
  let api: TestApi;

  before(async () => {
    t = await createAuthTestDatabase();
    const master = (await seedAuthDatabase(t.db)).masterTenantUuid;
    api = await buildTestApi(t, [tenantsPlugin, backendsPlugin]);
    api.verifier.add({ token: 'admin', acl: ['auth.#'], metadata: { tenant_uuid: master } });
  });
  after(async () => {
    await api.app.close();
    await t.drop();
  });

  const create = (payload: Record<string, unknown>) =>
    api.app.inject({ method: 'POST', url: '/0.1/tenants', headers: { 'x-auth-token': 'admin' }, payload });

  it('when a field is too long, then its length constraint under details', async () => {
    const res = await create({ name: 'x'.repeat(129) });
    assert.equal(res.statusCode, 400, res.body);
    const body = res.json();
    assert.equal(body.error_id, 'invalid-data');
    const message = 'Length must be between 1 and 128.';
    assert.equal(body.message, message);
    assert.deepEqual(body.details, {
      name: { constraint_id: 'length', constraint: { min: 1, max: 128 }, message },
    });
  });

  it('when a nested field has the wrong type, then details nest down to it', async () => {
    const res = await create({ address: { state: 42 } });
    assert.equal(res.statusCode, 400, res.body);
    assert.deepEqual(res.json().details, {
      address: { state: { constraint_id: 'type', constraint: 'string', message: 'Not a valid string.' } },
    });
  });
});
