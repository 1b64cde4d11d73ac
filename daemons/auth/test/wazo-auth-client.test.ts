/**
 * wazo-auth as wazo-auth-client calls it: each row is one client call replayed on a running
 * wazo-auth with the headers the client always sends (`Accept` and `Content-Type:
 * application/json`, bodiless DELETEs included; Basic auth for `token.new`), then the fields the
 * client reads are checked. Rows run in order, as an administrator and as a PBX user.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type AuthUnderTest, type SeededUser, startAuth } from '@wazo-ts/auth/testing';

type Ids = Record<string, string>;
type Json = Record<string, unknown> & { data?: Record<string, unknown>; items?: Record<string, unknown>[] };

interface Row {
  call: string;
  method: 'GET' | 'HEAD' | 'POST' | 'PUT' | 'DELETE';
  path: (ids: Ids) => string;
  body?: (ids: Ids) => unknown;
  /** `basic:<who>` for a login; otherwise the token kept under that name. */
  auth: string;
  status: number;
  reads?: (json: Json, ids: Ids) => void;
}

const rows: Row[] = [
  {
    call: 'token.new (admin)',
    method: 'POST',
    path: () => '/token',
    auth: 'basic:admin',
    status: 200,
    body: () => ({ backend: 'wazo_user', expiration: 3600 }),
    reads: (json, ids) => {
      const data = json.data as {
        token: string;
        acl: string[];
        expires_at: string;
        metadata: { uuid: string };
      };
      assert.ok(data.expires_at && data.acl.includes('auth.#') && data.metadata.uuid);
      ids.admin = data.token;
    },
  },
  {
    call: 'token.check(scope=auth.users.read)',
    method: 'HEAD',
    path: (ids) => `/token/${ids.admin}?scope=auth.users.read`,
    auth: 'admin',
    status: 204,
  },
  {
    call: 'token.get',
    method: 'GET',
    path: (ids) => `/token/${ids.admin}`,
    auth: 'admin',
    status: 200,
    reads: (json, ids) => assert.equal(json.data?.token, ids.admin),
  },
  {
    call: 'users.new',
    method: 'POST',
    path: () => '/users',
    auth: 'admin',
    status: 200,
    body: () => ({
      username: 'carol',
      password: 'secret-pass',
      email_address: 'carol@example.com',
      firstname: 'Carol',
    }),
    reads: (json, ids) => {
      assert.equal(json.username, 'carol');
      ids.carol = json.uuid as string;
    },
  },
  {
    call: 'users.new (empty username)',
    method: 'POST',
    path: () => '/users',
    auth: 'admin',
    status: 400,
    body: () => ({ username: '', password: 'x' }),
    reads: (json) => {
      assert.equal(json.error_id, 'invalid-data');
      assert.ok((json.details as Record<string, { constraint_id: string }>).username?.constraint_id);
    },
  },
  {
    call: 'users.list(recurse=True, username=carol)',
    method: 'GET',
    path: () => '/users?recurse=True&username=carol',
    auth: 'admin',
    status: 200,
    reads: (json) =>
      assert.deepEqual(
        json.items?.map((u) => u.username),
        ['carol'],
      ),
  },
  {
    call: 'users.get',
    method: 'GET',
    path: (ids) => `/users/${ids.carol}`,
    auth: 'admin',
    status: 200,
    reads: (json) => assert.equal(json.firstname, 'Carol'),
  },
  {
    call: 'tenants.new',
    method: 'POST',
    path: () => '/tenants',
    auth: 'admin',
    status: 200,
    body: () => ({ name: 'Acme' }),
    reads: (json, ids) => {
      ids.tenant = json.uuid as string;
    },
  },
  {
    call: 'tenants.list(recurse=True)',
    method: 'GET',
    path: () => '/tenants?recurse=True',
    auth: 'admin',
    status: 200,
    reads: (json, ids) => assert.ok(json.items?.some((t) => t.uuid === ids.tenant)),
  },
  {
    call: 'tenants.delete',
    method: 'DELETE',
    path: (ids) => `/tenants/${ids.tenant}`,
    auth: 'admin',
    status: 204,
  },
  {
    call: 'token.new (PBX user)',
    method: 'POST',
    path: () => '/token',
    auth: 'basic:pbx',
    status: 200,
    body: () => ({ backend: 'wazo_user', expiration: 600 }),
    reads: (json, ids) => {
      ids.pbx = (json.data as { token: string }).token;
    },
  },
  {
    call: 'users(me).get_sessions (PBX user)',
    method: 'GET',
    path: (ids) => `/users/${ids.pbxUuid}/sessions`,
    auth: 'pbx',
    status: 200,
    reads: (json) => assert.ok((json.items ?? []).length >= 1),
  },
  { call: 'users.list (PBX user)', method: 'GET', path: () => '/users', auth: 'pbx', status: 401 },
  {
    call: 'users.delete',
    method: 'DELETE',
    path: (ids) => `/users/${ids.carol}`,
    auth: 'admin',
    status: 204,
  },
  { call: 'token.revoke', method: 'DELETE', path: (ids) => `/token/${ids.pbx}`, auth: 'pbx', status: 200 },
  {
    call: 'token.check (revoked)',
    method: 'HEAD',
    path: (ids) => `/token/${ids.pbx}`,
    auth: 'admin',
    status: 404,
  },
];

describe('wazo-auth-client calls', () => {
  let auth: AuthUnderTest;
  const users: Record<string, SeededUser> = {};
  const ids: Ids = {};

  before(async () => {
    auth = await startAuth();
    users.admin = await auth.seedUser({ acl: ['auth.#'] });
    users.pbx = await auth.seedUser({ acl: ['auth.users.me.#'] });
    ids.pbxUuid = users.pbx.uuid;
  });
  after(() => auth?.stop());

  function headersOf(row: Row): Record<string, string> {
    const headers: Record<string, string> = {
      accept: 'application/json',
      'content-type': 'application/json',
    };
    const [kind, who] = row.auth.split(':');
    if (kind === 'basic') {
      const user = users[who as string]!;
      headers.authorization = `Basic ${Buffer.from(`${user.username}:${user.password}`).toString('base64')}`;
    } else headers['x-auth-token'] = ids[row.auth] as string;
    return headers;
  }

  for (const row of rows) {
    it(`${row.call}: ${row.method} answers ${row.status}`, async () => {
      const body = row.body?.(ids);
      const res = await fetch(`${auth.api}${row.path(ids)}`, {
        method: row.method,
        headers: headersOf(row),
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await res.text();
      assert.equal(res.status, row.status, text);
      if (row.reads) row.reads(JSON.parse(text) as Json, ids);
    });
  }
});
