import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { UnavailableError, type WazoError } from '@wazo-ts/errors';
import { authenticateRequest } from './authenticate.js';
import { createFakeTokenVerifier } from './testing/fake-verifier.js';
import type { RouteAccess } from './types.js';

const TOKEN = 'aaaaaaaa-bbbb-cccc-dddd-eeee12345678';
const MASKED = 'XXXXXXXX-XXXX-XXXX-XXXX-XXXX12345678';

function setup(acl: string[] = ['confd.users.*.read', 'confd.users.me.update']) {
  const verifier = createFakeTokenVerifier();
  verifier.add({ token: TOKEN, auth_id: 'u1', acl, metadata: { tenant_uuid: 't1', uuid: 'u1' } });
  verifier.addSubtenant('t1', 't1-child');
  return verifier;
}

function run(
  verifier: ReturnType<typeof setup>,
  options: {
    access?: RouteAccess;
    params?: Record<string, string>;
    headers?: Record<string, string>;
    query?: Record<string, unknown>;
    now?: number;
  } = {},
) {
  return authenticateRequest({
    access: options.access ?? { acl: 'confd.users.{user_uuid}.read' },
    params: options.params ?? { user_uuid: 'u2' },
    headers: options.headers ?? { 'x-auth-token': TOKEN },
    query: options.query ?? {},
    verifier,
    ...(options.now === undefined ? {} : { clock: { now: () => options.now! } }),
  });
}

async function rejection(promise: Promise<unknown>): Promise<WazoError> {
  try {
    await promise;
  } catch (error) {
    return error as WazoError;
  }
  throw new Error('expected a rejection');
}

describe('authenticateRequest', () => {
  it('when the route is public, then nothing is checked and the result is null', async () => {
    const verifier = setup();
    assert.equal(await run(verifier, { access: { public: true }, headers: {} }), null);
    assert.equal(verifier.calls.get, 0);
  });

  it('when the token grants the ACL, then the request gets the token, its tenant and the required ACL', async () => {
    const auth = await run(setup());
    assert.equal(auth?.token.token, TOKEN);
    assert.equal(auth?.tenantUuid, 't1');
    assert.equal(auth?.requiredAcl, 'confd.users.u2.read');
  });

  it('when there is no token, then 401 not_found_or_expired with an empty invalid_token', async () => {
    const error = await rejection(run(setup(), { headers: {} }));
    assert.equal(error.code, 'unauthorized');
    assert.equal(error.message, 'Unauthorized');
    assert.equal(error.errorId, 'unauthorized');
    assert.deepEqual(error.details, {
      invalid_token: '',
      reason: 'not_found_or_expired',
      required_access: 'confd.users.u2.read',
    });
  });

  it('when the token is unknown, then 401 not_found_or_expired with the token masked', async () => {
    const error = await rejection(
      run(setup(), { headers: { 'x-auth-token': 'zzzzzzzz-0000-0000-0000-000087654321' } }),
    );
    assert.deepEqual(error.details, {
      invalid_token: 'XXXXXXXX-XXXX-XXXX-XXXX-XXXX87654321',
      reason: 'not_found_or_expired',
      required_access: 'confd.users.u2.read',
    });
  });

  it('when the token expired, then 401 even though the verifier still returns it', async () => {
    const error = await rejection(run(setup(), { now: Date.now() + 7_200_000 }));
    assert.equal(error.details.reason, 'not_found_or_expired');
  });

  it('when the ACL does not match, then 401 missing_permission_or_invalid_tenant', async () => {
    const error = await rejection(run(setup(), { access: { acl: 'confd.users.{user_uuid}.delete' } }));
    assert.equal(error.errorId, 'unauthorized');
    assert.deepEqual(error.details, {
      invalid_token: MASKED,
      reason: 'missing_permission_or_invalid_tenant',
      required_access: 'confd.users.u2.delete',
      tenant_uuid: null,
    });
  });

  it('when the ACL uses me, then the path value of the own user matches', async () => {
    const auth = await run(setup(), {
      access: { acl: 'confd.users.{user_uuid}.update' },
      params: { user_uuid: 'u1' },
    });
    assert.equal(auth?.requiredAcl, 'confd.users.u1.update');
  });

  it('when the token is in the query and the route allows it, then the query wins over the header', async () => {
    const verifier = setup();
    const query = { token: TOKEN };
    const auth = await run(verifier, {
      access: { acl: 'confd.users.u2.read', tokenFromQuery: true },
      headers: { 'x-auth-token': 'other' },
      query,
    });
    assert.equal(auth?.token.token, TOKEN);
  });

  it('when the token is in the query but the route does not allow it, then it is ignored', async () => {
    const error = await rejection(run(setup(), { headers: {}, query: { token: TOKEN } }));
    assert.equal(error.details.invalid_token, '');
  });

  it('when Wazo-Tenant names a subtenant, then it becomes the scoping tenant', async () => {
    const auth = await run(setup(), { headers: { 'x-auth-token': TOKEN, 'wazo-tenant': 't1-child' } });
    assert.equal(auth?.tenantUuid, 't1-child');
  });

  it('when Wazo-Tenant names the token tenant, then wazo-auth is not asked', async () => {
    const verifier = setup();
    await run(verifier, { headers: { 'x-auth-token': TOKEN, 'wazo-tenant': 't1' } });
    assert.equal(verifier.calls.canAccessTenant, 0);
  });

  it('when Wazo-Tenant names another tree, then 401 Unauthorized tenant', async () => {
    const error = await rejection(run(setup(), { headers: { 'x-auth-token': TOKEN, 'wazo-tenant': 't2' } }));
    assert.equal(error.message, 'Unauthorized tenant');
    assert.equal(error.errorId, 'unauthorized-tenant');
    assert.deepEqual(error.details, { tenant_uuid: 't2' });
  });

  it('when the ACL fails with a Wazo-Tenant, then the tenant is named in the details', async () => {
    const error = await rejection(
      run(setup(), { access: { acl: 'x.y' }, headers: { 'x-auth-token': TOKEN, 'wazo-tenant': 't2' } }),
    );
    assert.equal(error.details.tenant_uuid, 't2');
  });

  it('when ?tenant= is given on a route reading it, then it wins over Wazo-Tenant', async () => {
    const access = { acl: 'confd.users.u2.read', tenantFromQuery: true };
    const headers = { 'x-auth-token': TOKEN, 'wazo-tenant': 't2' };
    const auth = await run(setup(), { access, headers, query: { tenant: 't1-child' } });
    assert.equal(auth?.tenantUuid, 't1-child');
  });

  it('when ?tenant= is given on a route not reading it, then it is ignored', async () => {
    const auth = await run(setup(), { query: { tenant: 't2' } });
    assert.equal(auth?.tenantUuid, 't1');
  });

  it('when wazo-auth is unreachable, then its 503 error goes through', async () => {
    const verifier = setup();
    verifier.failWith(
      new UnavailableError('Authentication server unreachable', {
        errorId: 'authentication-server-unreachable',
      }),
    );
    const error = await rejection(run(verifier));
    assert.equal(error.code, 'unavailable');
  });
});
