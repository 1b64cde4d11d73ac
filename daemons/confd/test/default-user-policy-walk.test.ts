/**
 * Every route of wazo-auth and wazo-confd, walked by a plain PBX user holding only the default
 * user policy wazo-auth ships (a real token from a real wazo-auth, the user made by confd as an
 * admin makes one). The routes it may reach are written out below, derived by hand from Wazo's
 * default user policy matched against each route's `x-wazo-acl` with `me` standing for the user:
 * widening the policy, or a new route a user can reach, fails this test until the table says so.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type AuthUnderTest, postToken, startAuth } from '@wazo-ts/auth/testing';
import { type ConfdUnderTest, startConfd } from '@wazo-ts/confd/testing';
import { parse } from 'yaml';

/** Routes the default user policy reaches, `{user}` being the user itself (uuid or `me`). */
const ALLOWED = new Set([
  'auth GET /0.1/users/me/tokens', // auth.users.me.tokens.read
  'auth DELETE /0.1/users/me/tokens/{client_id}', // auth.users.me.tokens.*.delete
  'auth GET /0.1/users/{user}/tokens',
  'auth DELETE /0.1/users/{user}/tokens/{client_id}',
  'auth GET /0.1/users/{user}/sessions', // auth.users.me.sessions.read
  'auth DELETE /0.1/users/{user}/sessions/{session_uuid}', // auth.users.me.sessions.*.delete
  'auth PUT /0.1/users/{user}/password', // auth.users.me.password.update
  'confd GET /1.1/infos', // confd.infos.read
  'confd GET /1.1/users/{user}', // confd.users.me.read
  'confd PUT /1.1/users/{user}', // confd.users.me.update
  'confd GET /1.1/users/{user}/services', // confd.users.me.#.read
  'confd GET /1.1/users/{user}/services/dnd', // confd.users.me.services.*.*
  'confd PUT /1.1/users/{user}/services/dnd',
  'confd GET /1.1/users/{user}/services/incallfilter', // (confd.users.me.services.dnd.*, as Wazo)
  'confd PUT /1.1/users/{user}/services/incallfilter',
  'confd GET /1.1/users/{user}/forwards', // confd.users.me.#.read
  'confd GET /1.1/users/{user}/forwards/busy', // confd.users.me.forwards.*.*
  'confd PUT /1.1/users/{user}/forwards/busy',
  'confd GET /1.1/users/{user}/forwards/noanswer',
  'confd PUT /1.1/users/{user}/forwards/noanswer',
  'confd GET /1.1/users/{user}/forwards/unconditional',
  'confd PUT /1.1/users/{user}/forwards/unconditional',
  'confd GET /1.1/users/{user}/fallbacks', // confd.users.me.#.read
  'confd GET /1.1/users/{user}/callerids/outgoing', // confd.users.me.#.read
  'confd GET /1.1/users/{user}/lines/{line_id}/associated/endpoints/sip', // confd.users.me.#.read
  'confd GET /1.1/users/{user}/voicemails', // confd.users.me.#.read
  'confd GET /1.1/users/{user}/funckeys', // confd.users.me.funckeys.*
  'confd PUT /1.1/users/{user}/funckeys',
  'confd GET /1.1/users/{user}/funckeys/templates', // confd.users.me.funckeys.*.*
  'confd GET /1.1/users/{user}/funckeys/{position}',
  'confd PUT /1.1/users/{user}/funckeys/{position}',
  'confd DELETE /1.1/users/{user}/funckeys/{position}',
  'confd GET /1.1/users/me/blocklist/numbers', // confd.users.me.blocklist.#
  'confd POST /1.1/users/me/blocklist/numbers',
  'confd GET /1.1/users/me/blocklist/numbers/{blocklist_number_uuid}',
  'confd PUT /1.1/users/me/blocklist/numbers/{blocklist_number_uuid}',
  'confd DELETE /1.1/users/me/blocklist/numbers/{blocklist_number_uuid}',
  'confd GET /1.1/users/{user}/blocklist/numbers', // confd.users.me.#.read
  'confd GET /1.1/users/{user}/external/apps', // confd.users.me.#.read
  'confd GET /1.1/users/{user}/external/apps/{name}', // confd.users.me.#.read
  'confd GET /1.1/users/me/meetings', // confd.users.me.meetings.#
  'confd POST /1.1/users/me/meetings',
  'confd GET /1.1/users/me/meetings/{meeting_uuid}',
  'confd PUT /1.1/users/me/meetings/{meeting_uuid}',
  'confd DELETE /1.1/users/me/meetings/{meeting_uuid}',
  'confd GET /1.1/users/me/meetings/{meeting_uuid}/authorizations',
  'confd GET /1.1/users/me/meetings/{meeting_uuid}/authorizations/{authorization_uuid}',
  'confd DELETE /1.1/users/me/meetings/{meeting_uuid}/authorizations/{authorization_uuid}',
  'confd PUT /1.1/users/me/meetings/{meeting_uuid}/authorizations/{authorization_uuid}/accept',
  'confd PUT /1.1/users/me/meetings/{meeting_uuid}/authorizations/{authorization_uuid}/reject',
  // The same three under Wazo's `/user/me/...` spelling (its endpoint list names them so).
  'confd GET /1.1/user/me/meetings/{meeting_uuid}/authorizations',
  'confd PUT /1.1/user/me/meetings/{meeting_uuid}/authorizations/{authorization_uuid}/accept',
  'confd PUT /1.1/user/me/meetings/{meeting_uuid}/authorizations/{authorization_uuid}/reject',
]);

/** Routes with no ACL at all (the token API, the list of backends, a guest's meeting routes, the wizard). */
const PUBLIC = new Set([
  'auth POST /0.1/token',
  'auth GET /0.1/token/{token}',
  'auth DELETE /0.1/token/{token}',
  'auth POST /0.1/token/{token}/scopes/check',
  'auth GET /0.1/backends',
  // A meeting's guest has no token: the meeting's uuid is what they hold (as Wazo's).
  'confd GET /1.1/guests/me/meetings/{meeting_uuid}',
  'confd POST /1.1/guests/{guest_uuid}/meetings/{meeting_uuid}/authorizations',
  'confd GET /1.1/guests/{guest_uuid}/meetings/{meeting_uuid}/authorizations/{authorization_uuid}',
  // The first-start wizard, which Wazo serves without a token (refused here once configured).
  'confd GET /1.1/wizard',
  'confd POST /1.1/wizard',
  'confd GET /1.1/wizard/discover',
]);

const USER_PARAMS = /\{(user_uuid|user_id)\}/g;
const PLACEHOLDER = '00000000-0000-4000-8000-000000000000';
const REFUSED = new Set([401, 403]);

interface Route {
  key: string;
  url: string;
  method: string;
  path: string;
  isPublic: boolean;
}

type OpenApi = {
  paths: Record<string, Record<string, { 'x-wazo-acl'?: string; 'x-wazo-public'?: boolean }>>;
};

async function routesOf(daemon: string, base: string, prefix: string): Promise<Route[]> {
  const document = parse(await (await fetch(`${base}${prefix}/api/api.yml`)).text()) as OpenApi;
  return Object.entries(document.paths).flatMap(([path, operations]) =>
    Object.entries(operations).map(([method, op]) => ({
      key: `${daemon} ${method.toUpperCase()} ${path.replace(USER_PARAMS, '{user}')}`,
      url: base,
      method: method.toUpperCase(),
      path,
      isPublic: op['x-wazo-public'] === true && !op['x-wazo-acl'],
    })),
  );
}

async function statusOf(route: Route, token: string, user: string): Promise<number> {
  const path = route.path.replace(USER_PARAMS, user).replace(/\{[^}]+\}/g, PLACEHOLDER);
  const withBody = ['POST', 'PUT', 'PATCH'].includes(route.method);
  const response = await fetch(`${route.url}${path}`, {
    method: route.method,
    headers: { 'x-auth-token': token, ...(withBody ? { 'content-type': 'application/json' } : {}) },
    ...(withBody ? { body: '{}' } : {}),
  });
  await response.body?.cancel();
  return response.status;
}

async function confdUser(confd: ConfdUnderTest, admin: string, username: string): Promise<string> {
  const response = await fetch(`${confd.api}/users`, {
    method: 'POST',
    headers: { 'x-auth-token': admin, 'content-type': 'application/json' },
    body: JSON.stringify({ firstname: username, auth: { username, password: `${username}-secret` } }),
  });
  const body = (await response.json()) as { uuid: string };
  assert.equal(response.status, 201, JSON.stringify(body));
  return body.uuid;
}

describe('the default user policy, route by route, against wazo-auth and wazo-confd', () => {
  let auth: AuthUnderTest;
  let confd: ConfdUnderTest;
  let routes: Route[];
  let token: string;
  let alice: string;
  let bob: string;

  before(async () => {
    auth = await startAuth();
    confd = await startConfd(auth);
    const admin = await auth.tokenFor(['confd.#', 'auth.tenants.read']);
    alice = await confdUser(confd, admin, 'alice');
    bob = await confdUser(confd, admin, 'bob');
    token = (await postToken(auth.api, 'alice', 'alice-secret')).token;
    routes = [...(await routesOf('auth', auth.url, '/0.1')), ...(await routesOf('confd', confd.url, '/1.1'))];
  });
  after(async () => {
    await confd?.stop();
    await auth?.stop();
  });

  it('when the user calls every route as itself, then exactly the allowed ones pass the ACL check', async () => {
    const wrong: string[] = [];
    for (const route of routes.filter((r) => !r.isPublic)) {
      const status = await statusOf(route, token, alice);
      if (ALLOWED.has(route.key) === REFUSED.has(status)) wrong.push(`${route.key} → ${status}`);
    }
    assert.deepEqual(wrong, []);
  });

  it('when the user names another user in the path, then every such route refuses it', async () => {
    const wrong: string[] = [];
    for (const route of routes.filter((r) => !r.isPublic && r.path.match(USER_PARAMS))) {
      const status = await statusOf(route, token, bob);
      if (!REFUSED.has(status)) wrong.push(`${route.key} → ${status}`);
    }
    assert.deepEqual(wrong, []);
  });

  it('when the documents are read, then the table names only routes that exist and the public ones', () => {
    const keys = new Set(routes.map((r) => r.key));
    assert.deepEqual(
      [...ALLOWED].filter((key) => !keys.has(key)),
      [],
    );
    assert.deepEqual(new Set(routes.filter((r) => r.isPublic).map((r) => r.key)), PUBLIC);
  });
});
