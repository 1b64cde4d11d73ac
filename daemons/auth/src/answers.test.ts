/**
 * Every wazo-auth route declares what it answers, and its response schema loses nothing of what
 * the route sends: a seeded in-process wazo-auth (every plugin of the definition, the local
 * verifier, real PostgreSQL) is driven through each route to a 2xx, and each answer's serialised
 * body is compared with the object its handler returned.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Type } from '@wazo-ts/daemon/schema';
import { undocumentedAnswers } from '@wazo-ts/daemon/testing';
import { authDaemon } from './definition.js';
import { type AnswerRecorder, createAnswerRecorder } from './testing/answer-recorder.js';
import type { AuthPlugin } from './testing/test-app.js';
import { type Harness, startHarness } from './testing/token-harness.js';

// A route whose schema forgets a key, so the test shows it notices a lossy schema.
const CANARY = 'GET /0.1/answer-canary';
const canaryPlugin: AuthPlugin = {
  name: 'answer_canary',
  load({ api }) {
    const Kept = Type.Object({ kept: Type.String() });
    api.get('/answer-canary', { config: { public: true }, schema: { response: { 200: Kept } } }, async () => {
      const answer = { kept: 'yes', forgotten: 'by the schema' };
      return answer;
    });
  },
};

type Call = (method: string, url: string, payload?: object) => Promise<Record<string, unknown>>;

function caller(h: Harness, token: () => string): Call {
  return async (method, url, payload) => {
    const res = await h.inject({
      method: method as 'GET',
      url: `/0.1${url}`,
      headers: { 'x-auth-token': token() },
      ...(payload ? { payload } : {}),
    });
    assert.ok(res.statusCode < 300, `${method} ${url}: ${res.statusCode} ${res.body}`);
    return res.body === '' ? {} : res.json();
  };
}

async function driveTokens(h: Harness, call: Call, admin: { username: string; password: string }) {
  const token = (await h.tokenOf(admin, { access_type: 'offline', client_id: 'admin-cli' })) as {
    token: string;
    refresh_token: string;
  };
  // Persistent metadata of a backend's choosing reaches the token's metadata (an open object).
  await h.database.pool.query(`UPDATE refresh_token SET metadata = '{"admin": true}'`);
  await h.tokenOf(
    { username: '', password: '' },
    { refresh_token: token.refresh_token, client_id: 'admin-cli' },
  );
  await call('GET', `/token/${token.token}`);
  await call('HEAD', `/token/${token.token}`);
  await call('POST', `/token/${token.token}/scopes/check`, { scopes: ['auth.users.read', 'nope'] });
  const spare = (await h.tokenOf(admin)) as { token: string; session_uuid: string };
  await call('GET', '/sessions');
  await call('DELETE', `/sessions/${spare.session_uuid}`);
  await call('DELETE', `/token/${(await h.tokenOf(admin)).token}`);
  await call('GET', '/tokens');
  await call('GET', '/users/me/tokens');
  await call('DELETE', '/users/me/tokens/admin-cli');
  await call('GET', '/backends');
}

async function driveTenants(call: Call) {
  const body = { name: 'one', phone: '555', domain_names: ['one.example.com'], address: { city: 'Paris' } };
  const one = (await call('POST', '/tenants', body)).uuid as string;
  const two = (await call('POST', '/tenants', { name: 'two' })).uuid as string;
  await call('GET', '/tenants');
  await call('GET', `/tenants/${one}`);
  await call('PUT', `/tenants/${one}`, { ...body, name: 'uno', contact: null });
  await call('GET', `/tenants/${one}/domains`);
  await call('PUT', `/tenants/${two}/parent/${one}`);
  await call('DELETE', `/tenants/${two}`);
  await call('DELETE', `/tenants/${one}`);
}

async function driveUser(h: Harness, call: Call): Promise<string> {
  const created = {
    username: 'alice',
    firstname: 'Alice',
    password: 'secret-1',
    email_address: 'a@example.com',
  };
  const user = (await call('POST', '/users', created)).uuid as string;
  await call('GET', '/users');
  await call('GET', `/users/${user}`);
  await call('PUT', `/users/${user}`, {
    username: 'alice',
    firstname: 'Alice',
    lastname: null,
    enabled: true,
  });
  await call('PUT', `/users/${user}/emails`, { emails: [{ address: 'a@example.com', main: true }] });
  const confirmed = { address: 'a@example.com', main: true, confirmed: true };
  await call('PUT', `/admin/users/${user}/emails`, { emails: [confirmed] });
  const own = (await h.tokenOf(
    { username: 'alice', password: 'secret-1' },
    {
      access_type: 'offline',
      client_id: 'alice-cli',
    },
  )) as { session_uuid: string };
  await call('GET', `/users/${user}/sessions`);
  await call('DELETE', `/users/${user}/sessions/${own.session_uuid}`);
  await call('GET', `/users/${user}/tokens`);
  await call('DELETE', `/users/${user}/tokens/alice-cli`);
  await call('PUT', `/users/${user}/password`, { old_password: 'secret-1', new_password: 'secret-2' });
  return user;
}

async function driveGroupsAndPolicies(call: Call, user: string) {
  const policyBody = { name: 'readers', description: null, acl: ['auth.users.read'] };
  const policy = (await call('POST', '/policies', policyBody)).uuid as string;
  await call('GET', '/policies');
  await call('GET', `/policies/${policy}`);
  await call('PUT', `/policies/${policy}`, { ...policyBody, description: 'who reads' });
  await call('PUT', `/policies/${policy}/acl/auth.tenants.read`);
  await call('DELETE', `/policies/${policy}/acl/auth.tenants.read`);
  const group = (await call('POST', '/groups', { name: 'team' })).uuid as string;
  await call('GET', '/groups');
  await call('GET', `/groups/${group}`);
  await call('PUT', `/groups/${group}`, { name: 'the team' });
  const links = [
    { owner: `/groups/${group}`, kind: 'users', member: user },
    { owner: `/groups/${group}`, kind: 'policies', member: policy },
    { owner: `/users/${user}`, kind: 'policies', member: policy },
  ];
  for (const { owner, kind, member } of links) {
    await call('PUT', `${owner}/${kind}/${member}`);
    await call('GET', `${owner}/${kind}`);
    await call('GET', `/users/${user}/groups`);
    await call('DELETE', `${owner}/${kind}/${member}`);
  }
  await call('DELETE', `/groups/${group}`);
  await call('DELETE', `/policies/${policy}`);
  await call('DELETE', `/users/${user}`);
}

describe('wazo-auth answers: documented, and serialised without loss', () => {
  let h: Harness;
  let recorder: AnswerRecorder;

  before(async () => {
    recorder = createAnswerRecorder();
    const plugins = authDaemon.plugins.filter((p): p is AuthPlugin => typeof p !== 'string');
    h = await startHarness({}, [recorder.plugin, canaryPlugin, ...plugins]);
    const admin = await h.seedUser({ acl: ['#'] });
    const token = (await h.tokenOf(admin)).token as string;
    const call = caller(h, () => token);
    await driveTokens(h, call, admin);
    await driveTenants(call);
    await driveGroupsAndPolicies(call, await driveUser(h, call));
    await call('GET', '/answer-canary');
  });
  after(() => h.close());

  it('when the OpenAPI document is read, then every operation declares its answer', async () => {
    const res = await h.inject({ url: '/0.1/api/api.yml' });
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(undocumentedAnswers(res.body), []);
  });

  it('when every route has answered, then each answered at least once with a 2xx', () => {
    const answered = new Set(
      recorder
        .answers()
        .filter((a) => a.status < 300)
        .map((a) => a.route),
    );
    // HEAD routes Fastify derives from GET ones serialise nothing; the token's own HEAD is driven.
    const routes = recorder.routes().filter((r) => !r.startsWith('HEAD ') || r === 'HEAD /0.1/token/:token');
    assert.ok(routes.length >= 50, `only ${routes.length} routes recorded`);
    assert.deepEqual(
      routes.filter((route) => !answered.has(route)),
      [],
    );
  });

  it('when an answer is serialised, then its body equals what the handler returned (no key dropped)', () => {
    const lossy = recorder.lossy();
    assert.deepEqual(
      lossy.map((a) => a.route),
      [CANARY],
      JSON.stringify(lossy, null, 1),
    );
  });
});
