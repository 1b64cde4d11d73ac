/**
 * No request field reaches SQL unless its route's body schema declares it (issue 12.1): every
 * create and update route of wazo-auth's OpenAPI document gets unknown and read-only keys,
 * hostile shapes and wrong types for every field, with a real token (a real login, the local
 * verifier) on real PostgreSQL. None answers 5xx; a refused body changes no row of any table; an
 * accepted one stores none of its unknown keys; a GET document PUT back changes nothing.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  assertNoHarm,
  fillPath,
  hostileTexts,
  UNKNOWN_KEYS,
  type WriteProbe,
  type WriteRoute,
  writeRoutes,
  wrongFieldBodies,
} from '@wazo-ts/daemon/testing';
import { databaseFingerprint, tablesContaining } from '@wazo-ts/db/testing';
import { authDaemon } from './definition.js';
import type { AuthPlugin } from './testing/test-app.js';
import { basic, type Harness, startHarness } from './testing/token-harness.js';

const SENTINEL = 'INJECTED';
const ADMIN = { username: 'root-admin', password: 'root-secret' };

let h: Harness;
let token: string;
let routes: WriteRoute[] = [];
/** A body each route took, by `METHOD /path/{param}`, and the value of each path parameter. */
const accepted = new Map<string, Record<string, unknown>>();
const params: Record<string, string> = {};

const templateOf = (path: string) => new RegExp(`^${path.replace(/\{[^}]+\}/g, '[^/]+')}$`);
const headers = () => ({ 'x-auth-token': token, authorization: basic(ADMIN.username, ADMIN.password) });

async function call(method: 'GET' | 'POST' | 'PUT', url: string, body?: object) {
  const res = await h.inject({
    method,
    url: `/0.1${url}`,
    headers: headers(),
    ...(body ? { payload: body } : {}),
  });
  assert.ok(res.statusCode < 300, `${method} ${url}: ${res.statusCode} ${res.body}`);
  const route = routes.find((r) => r.method === method && templateOf(r.path).test(`/0.1${url}`));
  if (route && body && !accepted.has(`${method} ${route.path}`))
    accepted.set(`${method} ${route.path}`, body as Record<string, unknown>);
  return res.body === '' ? {} : res.json();
}

async function seed() {
  const alice = {
    username: 'alice',
    firstname: 'Alice',
    password: 'secret-1',
    email_address: 'a@example.com',
  };
  const user = (await call('POST', '/users', alice)).uuid as string;
  await call('PUT', `/users/${user}`, {
    username: 'alice',
    firstname: 'Alice',
    lastname: null,
    enabled: true,
  });
  const email = { address: 'a@example.com', main: true };
  await call('PUT', `/users/${user}/emails`, { emails: [email] });
  await call('PUT', `/admin/users/${user}/emails`, { emails: [{ ...email, confirmed: true }] });
  await call('PUT', `/users/${user}/password`, { old_password: 'secret-1', new_password: 'secret-1' });
  const policyBody = { name: 'readers', description: null, acl: ['auth.users.read'] };
  const policy = (await call('POST', '/policies', policyBody)).uuid as string;
  await call('PUT', `/policies/${policy}`, { ...policyBody, description: 'who reads' });
  const group = (await call('POST', '/groups', { name: 'team' })).uuid as string;
  await call('PUT', `/groups/${group}`, { name: 'the team' });
  const tenantBody = {
    name: 'one',
    phone: '555',
    domain_names: ['one.example.com'],
    address: { city: 'Paris' },
  };
  const tenant = (await call('POST', '/tenants', tenantBody)).uuid as string;
  await call('PUT', `/tenants/${tenant}`, { ...tenantBody, name: 'uno' });
  await call('POST', `/token/${token}/scopes/check`, { scopes: ['auth.users.read'] });
  await call('POST', '/token', { expiration: 600 });
  const ids = { user_uuid: user, policy_uuid: policy, group_uuid: group, tenant_uuid: tenant, token };
  Object.assign(params, { ...ids, parent_uuid: h.master });
}

const urlOf = (route: WriteRoute) => fillPath(route, params).replace(/^\/0\.1/, '');

const probe: WriteProbe = {
  send: (route, payload) =>
    h.inject({
      method: route.method,
      url: `/0.1${urlOf(route)}`,
      headers: { ...headers(), 'content-type': 'application/json' },
      payload,
    }),
  fingerprint: () => databaseFingerprint(h.database.pool),
};

before(async () => {
  const plugins = authDaemon.plugins.filter((p): p is AuthPlugin => typeof p !== 'string');
  h = await startHarness({}, plugins);
  await h.seedUser({ ...ADMIN, acl: ['#'] });
  token = (await h.tokenOf(ADMIN)).token as string;
});
after(() => h?.close());

describe('wazo-auth request bodies: only declared fields are written', () => {
  it('when the OpenAPI document is walked and the world seeded, then every write route has a body it took', async () => {
    routes = writeRoutes((await h.inject({ url: '/0.1/api/api.yml' })).body);
    assert.ok(routes.length >= 12, `${routes.length} write routes`);
    await seed();
    for (const route of routes) urlOf(route);
  });

  it('when a GET document is PUT back, then 2xx and nothing changed', async () => {
    const puts = routes.filter((route) => route.method === 'PUT' && route.readOnly.length > 0);
    assert.ok(puts.length >= 4, puts.map((route) => route.path).join(', '));
    for (const route of puts) {
      const url = urlOf(route);
      const read = await call('GET', url);
      await call('PUT', url, read);
      assert.deepEqual(await call('GET', url), read, `PUT ${route.path}`);
    }
  });

  it('when unknown and read-only keys come with a body, then none is stored or answered', async () => {
    for (const route of routes) {
      const base = accepted.get(`${route.method} ${route.path}`) ?? {};
      const readOnly = Object.fromEntries(route.readOnly.map((key) => [key, SENTINEL]));
      const body = JSON.stringify({ ...base, ...UNKNOWN_KEYS, ...readOnly });
      await assertNoHarm(probe, route, [body, ...hostileTexts(base)]);
      assert.doesNotMatch((await probe.send(route, body)).body, new RegExp(SENTINEL), `${route.path}`);
    }
    assert.deepEqual(await tablesContaining(h.database.pool, SENTINEL), []);
  });

  it('when any field has a wrong type or a hostile value, then never a 5xx, and a 4xx writes nothing', async () => {
    for (const route of routes) {
      const base = accepted.get(`${route.method} ${route.path}`) ?? {};
      await assertNoHarm(probe, route, wrongFieldBodies(route, base));
    }
  });
});
