/**
 * The wazo and conference backends against a real wazo-confd (and wazo-auth) on one bus: users
 * read through confd's REST API with dird's service token, the cached list dropped by confd's
 * user events, the source's contacts route, and GraphQL's reverse of many numbers.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { postToken } from '@wazo-ts/auth/testing';
import { seedProfile, seedSource } from '../../testing/directory-factories.js';
import { type LookupStack, startLookupStack } from '../../testing/lookup-stack.js';

// biome-ignore lint/suspicious/noExplicitAny: JSON answers read field by field
type Json = any;

describe('wazo and conference backends on a real wazo-confd', () => {
  let stack: LookupStack;
  let admin: string;
  let alice: { uuid: string; id: number; token: string };
  let wazo: { uuid: string; name: string };

  const confdCall = async (method: string, path: string, body?: unknown) => {
    const confd = stack.confd;
    assert.ok(confd);
    const res = await fetch(`${confd.api}${path}`, {
      method,
      headers: { 'X-Auth-Token': admin, 'Content-Type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const answer = (res.status === 204 ? null : await res.json()) as Json;
    assert.ok(res.status < 300, `${method} ${path}: ${res.status} ${JSON.stringify(answer)}`);
    return answer;
  };
  const dird = async (path: string, token: string, init: RequestInit = {}) => {
    const res = await fetch(`${stack.api}${path}`, {
      ...init,
      headers: { 'X-Auth-Token': token, 'Content-Type': 'application/json' },
    });
    return { status: res.status, body: (await res.json()) as Json };
  };
  /** confd's events reach dird through the bus: read until the lookup shows the change (bounded). */
  const lookupUntil = async (token: string, term: string, done: (names: string[]) => boolean) => {
    let names: string[] = [];
    for (let attempt = 0; attempt < 100; attempt += 1) {
      const { body } = await dird(`/directories/lookup/main?term=${encodeURIComponent(term)}`, token);
      names = body.results.map((r: Json) => r.column_values[0]);
      if (done(names)) return names;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return names;
  };

  before(async () => {
    stack = await startLookupStack({ confd: true });
    admin = await stack.auth.tokenFor(['confd.#', 'auth.#', 'dird.#']);
    const context = await confdCall('POST', '/contexts', {
      label: 'Internal',
      user_ranges: [{ start: '1000', end: '1999' }],
    });
    const line = (exten: string) => [
      { context: context.name, endpoint_sip: {}, extensions: [{ exten, context: context.name }] },
    ];
    const created = await confdCall('POST', '/users', {
      firstname: 'Alice',
      lastname: 'Liddell',
      email: 'alice@example.com',
      mobile_phone_number: '0611223344',
      auth: { username: 'alice', password: 'alice-secret' },
      lines: line('1001'),
    });
    await confdCall('POST', '/users', { firstname: 'Bob', lastname: 'Éponge', lines: line('1002') });
    const token = (await postToken(stack.auth.api, 'alice', 'alice-secret')).token;
    alice = { uuid: created.uuid, id: created.id, token };
    await confdCall('POST', '/conferences', { name: 'Weekly sync' });
    wazo = await seedSource(stack.db, {
      tenantUuid: stack.tenantUuid,
      backend: 'wazo',
      name: 'wazo-users',
      searched: ['firstname', 'lastname', 'full_name', 'exten'],
      firstMatched: ['exten', 'mobile_phone_number'],
      format: { phone: '{exten}', name: '{firstname} {lastname}', reverse: '{firstname} {lastname}' },
    });
    const conference = await seedSource(stack.db, {
      tenantUuid: stack.tenantUuid,
      backend: 'conference',
      name: 'conferences',
      searched: ['name', 'extensions'],
      firstMatched: ['extensions'],
      format: { name: '{name}', phone: '{extensions[0]}', reverse: '{name}' },
    });
    await seedProfile(stack.db, {
      tenantUuid: stack.tenantUuid,
      name: 'main',
      columns: [
        { title: 'Nom', type: 'name', field: 'name' },
        { title: 'Numéro', type: 'number', field: 'phone' },
        { title: 'Mobile', type: 'number', field: 'mobile_phone_number' },
        { title: 'Favoris', type: 'favorite' },
      ],
      services: {
        lookup: { sources: [wazo.uuid, conference.uuid] },
        reverse: { sources: [wazo.uuid, conference.uuid], timeout: 2 },
        favorites: { sources: [wazo.uuid] },
      },
    });
  });

  after(async () => {
    await stack?.stop();
  });

  it("when a user searches a colleague, then confd's users answer with their relations", async () => {
    const { status, body } = await dird('/directories/lookup/main?term=alic', alice.token);
    assert.equal(status, 200);
    assert.equal(body.results.length, 1);
    const [result] = body.results;
    assert.deepEqual(result.column_values, ['Alice Liddell', '1001', '0611223344', false]);
    assert.equal(result.backend, 'wazo');
    assert.equal(result.relations.user_uuid, alice.uuid);
    assert.equal(result.relations.user_id, alice.id);
    assert.equal(result.relations.source_entry_id, String(alice.id));
    assert.equal(result.relations.xivo_id, stack.dird.config.uuid);
    assert.equal(typeof result.relations.endpoint_id, 'number');
    const accents = await dird('/directories/lookup/main?term=eponge', alice.token);
    assert.deepEqual(
      accents.body.results.map((r: Json) => r.column_values[0]),
      ['Bob Éponge'],
    );
  });

  it('when confd adds, renames and deletes a user, then lookups follow its events', async () => {
    assert.deepEqual(await lookupUntil(alice.token, 'carol', () => true), []);
    const carol = await confdCall('POST', '/users', { firstname: 'Carol', lastname: 'Danvers' });
    assert.deepEqual(await lookupUntil(alice.token, 'carol', (n) => n.length === 1), ['Carol Danvers']);
    await confdCall('PUT', `/users/${carol.uuid}`, { firstname: 'Carole', lastname: 'Danvers' });
    assert.deepEqual(await lookupUntil(alice.token, 'carol', (n) => n[0] === 'Carole Danvers'), [
      'Carole Danvers',
    ]);
    await confdCall('DELETE', `/users/${carol.uuid}`);
    assert.deepEqual(await lookupUntil(alice.token, 'carol', (n) => n.length === 0), []);
  });

  it('when a number is reversed, then the user with that extension or mobile', async () => {
    const byExten = await dird(`/directories/reverse/main/${alice.uuid}?exten=1002`, alice.token);
    assert.deepEqual([byExten.body.display, byExten.body.source], ['Bob Éponge', 'wazo-users']);
    const byMobile = await dird(`/directories/reverse/main/${alice.uuid}?exten=0611223344`, alice.token);
    assert.equal(byMobile.body.display, 'Alice Liddell');
  });

  it('when a conference room is searched, then the conference source finds it', async () => {
    const { body } = await dird('/directories/lookup/main?term=weekly', alice.token);
    assert.deepEqual(
      body.results.map((r: Json) => [r.column_values[0], r.backend]),
      [['Weekly sync', 'conference']],
    );
  });

  it('when a colleague is a favorite, then the favorites list reads it back through confd', async () => {
    const bob = (await dird('/directories/lookup/main?term=bob', alice.token)).body.results[0];
    const put = await fetch(
      `${stack.api}/directories/favorites/wazo-users/${bob.relations.source_entry_id}`,
      {
        method: 'PUT',
        headers: { 'X-Auth-Token': alice.token },
      },
    );
    assert.equal(put.status, 204);
    const { body } = await dird('/directories/favorites/main', alice.token);
    assert.deepEqual(
      body.results.map((r: Json) => r.column_values),
      [['Bob Éponge', '1002', null, true]],
    );
  });

  it("when a wazo source's contacts are listed, then confd's directory view, paged", async () => {
    const { status, body } = await dird(
      `/backends/wazo/sources/${wazo.uuid}/contacts?limit=1&order=firstname`,
      admin,
    );
    assert.equal(status, 200);
    assert.equal(body.total, 2);
    assert.equal(body.items.length, 1);
    assert.equal(body.items[0].firstname, 'Alice');
    const unknown = await dird('/backends/wazo/sources/00000000-0000-4000-8000-000000000000/contacts', admin);
    assert.equal(unknown.status, 404);
  });

  it('when the SDK asks GraphQL for the names of several numbers, then each known number with its contact', async () => {
    const query = `{ me { userUuid contacts(profile: "main", extens: ["1002", "404", "1001"]) { edges { node {
      firstname lastname wazoReverse wazoSourceName wazoBackend wazoSourceEntryId ... on WazoContact { userUuid userId } } } } } }`;
    const { status, body } = await dird('/graphql', alice.token, {
      method: 'POST',
      body: JSON.stringify({ query }),
    });
    assert.equal(status, 200);
    assert.equal(body.errors, undefined, JSON.stringify(body.errors));
    assert.equal(body.data.me.userUuid, alice.uuid);
    assert.deepEqual(
      body.data.me.contacts.edges.map((edge: Json) => [
        edge.node.wazoReverse,
        edge.node.wazoBackend,
        edge.node.wazoSourceName,
      ]),
      [
        ['Bob Éponge', 'wazo', 'wazo-users'],
        ['Alice Liddell', 'wazo', 'wazo-users'],
      ],
    );
    assert.equal(body.data.me.contacts.edges[1].node.userUuid, alice.uuid);
    const denied = await dird('/graphql', await stack.auth.tokenFor(['dird.graphql.hello']), {
      method: 'POST',
      body: JSON.stringify({ query: '{ hello me { userUuid } }' }),
    });
    assert.equal(denied.body.data.hello, 'world');
    assert.equal(denied.body.data.me, null);
    assert.match(denied.body.errors[0].message, /dird\.graphql\.me/);
    const anonymous = await fetch(`${stack.api}/graphql`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ query }),
    });
    assert.equal(anonymous.status, 401);
  });
});
