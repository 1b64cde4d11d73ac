import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { RequestAuth, TokenMetadata } from '@wazo-ts/daemon';
import { isWazoError } from '@wazo-ts/errors';
import { type Harness, startHarness } from '../testing/token-harness.js';
import { tokensPlugin } from '../tokens/index.js';
import { type AuthenticatedRequest, scopingTenantOf, userOfPath } from './request-context.js';

const USER = '11111111-1111-4111-8111-111111111111';

function requestOf(
  auth_id: string,
  metadata: TokenMetadata,
  tenantUuid: string | null,
): AuthenticatedRequest {
  const token = { token: 't', auth_id, session_uuid: 's', acl: [], expiresAt: 0, metadata };
  return { auth: { token, tenantUuid, requiredAcl: 'x' } satisfies RequestAuth };
}

function errorIdOf(run: () => unknown): string | null {
  try {
    run();
    return null;
  } catch (error) {
    return isWazoError(error) ? error.errorId : String(error);
  }
}

describe('request context: me', () => {
  const cases: { when: string; auth_id: string; metadata: TokenMetadata; path: string; user: string }[] = [
    { when: 'a user token says me', auth_id: USER, metadata: { uuid: USER }, path: 'me', user: USER },
    { when: 'a token with no metadata uuid says me', auth_id: USER, metadata: {}, path: 'me', user: USER },
    { when: 'an empty metadata uuid says me', auth_id: USER, metadata: { uuid: '' }, path: 'me', user: USER },
    // A service token names no user: its auth_id is no user's uuid, so the service answers 404.
    {
      when: 'a service token says me',
      auth_id: 'wazo-auth',
      metadata: { uuid: null },
      path: 'me',
      user: 'wazo-auth',
    },
    { when: 'a path names a user', auth_id: 'wazo-auth', metadata: {}, path: USER, user: USER },
    { when: "a path says 'ME'", auth_id: USER, metadata: { uuid: USER }, path: 'ME', user: 'ME' },
  ];
  for (const c of cases)
    it(`when ${c.when}, then the user is ${c.user === USER ? 'the uuid' : c.user}`, () => {
      assert.equal(userOfPath(requestOf(c.auth_id, c.metadata, 'x'), c.path), c.user);
    });

  it('when the request has no auth (a public route), then 401 unauthorized', () => {
    assert.equal(
      errorIdOf(() => userOfPath({ auth: null }, 'me')),
      'unauthorized',
    );
  });
});

describe('request context: scoping tenant', () => {
  it('when the kit decided a tenant, then it is the scoping tenant', () => {
    assert.equal(scopingTenantOf(requestOf(USER, {}, 'tenant')), 'tenant');
  });

  it('when the token has no tenant, or the request no auth, then 401 unauthorized', () => {
    assert.equal(
      errorIdOf(() => scopingTenantOf(requestOf(USER, {}, null))),
      'unauthorized',
    );
    assert.equal(
      errorIdOf(() => scopingTenantOf(requestOf(USER, {}, ''))),
      'unauthorized',
    );
    assert.equal(
      errorIdOf(() => scopingTenantOf({})),
      'unauthorized',
    );
  });
});

describe('request context through the HTTP stack (local verifier, real tenant tree)', () => {
  let h: Harness;
  let token: string;
  let own: string;
  let child: string;
  let sibling: string;
  let user: string;

  before(async () => {
    h = await startHarness({}, [
      tokensPlugin,
      {
        name: 'echo',
        load({ api }) {
          api.get('/echo/:user_uuid', { config: { acl: 'auth.echo.read' } }, async (request) => {
            const { user_uuid } = request.params as { user_uuid: string };
            return { tenant: scopingTenantOf(request), user: userOfPath(request, user_uuid) };
          });
        },
      },
    ]);
    own = await h.seedTenant();
    child = await h.seedTenant(own);
    sibling = await h.seedTenant();
    const seeded = await h.seedUser({ tenantUuid: own, acl: ['auth.echo.read'] });
    user = seeded.uuid;
    token = (await h.tokenOf(seeded)).token as string;
  });
  after(() => h.close());

  const echo = (tenant?: string) =>
    h.inject({
      url: '/0.1/echo/me',
      headers: { 'x-auth-token': token, ...(tenant === undefined ? {} : { 'wazo-tenant': tenant }) },
    });

  const UNKNOWN = '00000000-0000-4000-8000-000000000404';
  const cases: {
    when: string;
    outcome: string;
    header: () => string | undefined;
    tenant: () => string | null;
  }[] = [
    { when: 'absent', outcome: "the token's tenant", header: () => undefined, tenant: () => own },
    { when: "the token's tenant", outcome: 'that tenant', header: () => own, tenant: () => own },
    { when: 'a descendant', outcome: 'that descendant', header: () => child, tenant: () => child },
    { when: 'the parent', outcome: '401', header: () => h.master, tenant: () => null },
    { when: 'a sibling', outcome: '401', header: () => sibling, tenant: () => null },
    { when: 'unknown', outcome: '401', header: () => UNKNOWN, tenant: () => null },
    { when: 'not a uuid', outcome: '401', header: () => 'nope', tenant: () => null },
  ];
  for (const c of cases)
    it(`when Wazo-Tenant is ${c.when}, then ${c.outcome} scopes the request (me is the caller)`, async () => {
      const res = await echo(c.header());
      const expected = c.tenant();
      if (expected === null) {
        assert.equal(res.statusCode, 401, res.body);
        assert.equal(res.json().error_id, 'unauthorized-tenant');
      } else {
        assert.equal(res.statusCode, 200, res.body);
        assert.deepEqual(res.json(), { tenant: expected, user });
      }
    });
});
