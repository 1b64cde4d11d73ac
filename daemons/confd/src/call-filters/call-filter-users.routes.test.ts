/**
 * wazo-confd's test_call_filter_recipient_user, test_call_filter_surrogate_user and
 * test_call_filter_fallback checklists on a real PostgreSQL: body errors, Wazo's rules (one
 * recipient, no user on both sides, no surrogate twice, one tenant), order, member ids and the
 * code a surrogate dials, events, 404s across tenants, cleanup when a user or a filter goes; and
 * the bsfilter function keys that point at a member.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { scopeOf } from '@wazo-ts/dao';
import { createMigratedTestDatabase, type MigratedTestDatabase } from '@wazo-ts/dao/testing';
import { answerLinksPlugin } from '../common/answer-links.js';
import { callFilterFallbacksPlugin } from '../fallbacks/index.js';
import { userFuncKeysPlugin } from '../funckeys/index.js';
import { caller, lastOutboxId, outboxNames, rowCount, sentSince } from '../testing/route-calls.js';
import { buildTestApi, type TestApi } from '../testing/test-app.js';
import { usersPlugin } from '../users/index.js';
import { callFilterUsersPlugin } from './call-filter-users.routes.js';
import { callFiltersPlugin } from './call-filters.routes.js';

let database: MigratedTestDatabase;
let api: TestApi;
let call: ReturnType<typeof caller>;
const tenant1 = randomUUID();
const child1 = randomUUID();
const tenant2 = randomUUID();
const FAKE_UUID = '99999999-9999-9999-9999-999999999999';

before(async () => {
  database = await createMigratedTestDatabase({ prefix: 'wazo_confd_call_filter_users' });
  api = await buildTestApi(database, [
    answerLinksPlugin,
    usersPlugin,
    userFuncKeysPlugin,
    callFiltersPlugin,
    callFilterUsersPlugin,
    callFilterFallbacksPlugin,
  ]);
  call = caller(api);
  api.addSubtenant(tenant1, child1);
  api.verifier.add({ token: 'admin1', acl: ['confd.#'], metadata: { tenant_uuid: tenant1 } });
  api.verifier.add({ token: 'admin2', acl: ['confd.#'], metadata: { tenant_uuid: tenant2 } });
  for (const tenant of [tenant1, child1, tenant2]) await api.resources.services.tenants.ensure(tenant);
});
after(async () => {
  await api?.app.close();
  await database?.drop();
});

type User = { id: number; uuid: string; firstname: string; lastname: string | null };
let count = 0;
const user = async (tenant = tenant1): Promise<User> => {
  count += 1;
  return api.resources.services.users.create(scopeOf(tenant), tenant, {
    firstname: 'Ann',
    lastname: `L${count}`,
  });
};
const filter = async (tenant?: string, token = 'admin1') => {
  count += 1;
  const res = await call(
    'POST',
    '/callfilters',
    token,
    { name: `f${count}`, strategy: 'all', source: 'all' },
    tenant,
  );
  assert.equal(res.statusCode, 201, res.body);
  return res.json() as { id: number; tenant_uuid: string };
};
const read = async (id: number) => (await call('GET', `/callfilters/${id}`, 'admin1')).json();
const put = (
  id: number,
  side: 'recipients' | 'surrogates',
  users: unknown,
  token = 'admin1',
  tenant?: string,
) => call('PUT', `/callfilters/${id}/${side}/users`, token, { users }, tenant);
const userLink = (u: User) => [{ rel: 'users', href: `http://localhost:80/1.1/users/${u.uuid}` }];

describe('call filter recipients and surrogates', () => {
  it("when a body is wrong, then Wazo's words and nothing changes", async () => {
    const { id } = await filter();
    const before = await outboxNames(database);
    for (const side of ['recipients', 'surrogates'] as const) {
      for (const bad of [123, null, true, 'string', [123], [null], ['string'], [{}], [{ uuid: null }]]) {
        const res = await put(id, side, bad);
        assert.equal(res.statusCode, 400, `${side} ${JSON.stringify(bad)}`);
        assert.match(res.json()[0], /^Input Error - users: /, `${side} ${JSON.stringify(bad)}`);
      }
      assert.deepEqual((await put(id, side, [{ uuid: FAKE_UUID }])).json(), [
        `Input Error - field 'users': User was not found ('uuid': '${FAKE_UUID}')`,
      ]);
      assert.deepEqual((await put(id, side, [{ uuid: 'abc' }])).json(), [
        "Input Error - field 'users': User was not found ('uuid': 'abc')",
      ]);
      const missingBody = await call('PUT', `/callfilters/${id}/${side}/users`, 'admin1');
      assert.equal(missingBody.statusCode, 400);
      assert.equal((await put(999999, side, [])).statusCode, 404);
    }
    for (const timeout of ['ten', -1, {}, []]) {
      const res = await put(id, 'recipients', [{ uuid: FAKE_UUID, timeout }]);
      assert.match(res.json()[0], /^Input Error - users: .*timeout/, JSON.stringify(timeout));
    }
    assert.deepEqual(await outboxNames(database), before);
    assert.equal(await rowCount(database, 'call_filter_member'), 0);
  });

  it('when a recipient is set, then the filter shows it with its timeout, and one event', async () => {
    const { id } = await filter();
    const ann = await user();
    const from = await lastOutboxId(database);
    assert.equal((await put(id, 'recipients', [{ uuid: ann.uuid, timeout: 20 }])).statusCode, 204);
    assert.deepEqual((await read(id)).recipients, {
      users: [
        { uuid: ann.uuid, firstname: 'Ann', lastname: ann.lastname, timeout: 20, links: userLink(ann) },
      ],
    });
    const [event] = await sentSince(database, from);
    assert.deepEqual(
      [event?.name, event?.routing_key, event?.data, event?.headers.tenant_uuid],
      [
        'call_filter_recipient_users_associated',
        'config.callfilters.recipients.users.updated',
        { call_filter_id: id, user_uuids: [ann.uuid] },
        tenant1,
      ],
    );
    assert.equal((await put(id, 'recipients', [{ uuid: ann.uuid }])).statusCode, 204);
    assert.equal((await read(id)).recipients.users[0].timeout, null);
    assert.equal((await put(id, 'recipients', [])).statusCode, 204);
    assert.deepEqual((await read(id)).recipients, { users: [] });
  });

  it('when two recipients, or a surrogate as recipient, then refused', async () => {
    const { id } = await filter();
    const [ann, bob] = [await user(), await user()];
    assert.deepEqual((await put(id, 'recipients', [{ uuid: ann.uuid }, { uuid: bob.uuid }])).json(), [
      'Resource Error - Operation not permitted. Cannot associate more than one recipient',
    ]);
    await put(id, 'surrogates', [{ uuid: ann.uuid }]);
    assert.deepEqual((await put(id, 'recipients', [{ uuid: ann.uuid }])).json(), [
      `Resource Error - CallFilter is associated with a ${id} ('surrogate_user_uuid': '${ann.uuid}')`,
    ]);
    assert.deepEqual((await read(id)).recipients, { users: [] });
  });

  it('when surrogates are set, then in that order with member ids and their code, kept ids for kept users', async () => {
    const { id } = await filter();
    const [u1, u2, u3] = [await user(), await user(), await user()];
    const from = await lastOutboxId(database);
    assert.equal(
      (
        await put(
          id,
          'surrogates',
          [u3, u1, u2].map((u) => ({ uuid: u.uuid })),
        )
      ).statusCode,
      204,
    );
    const surrogates = (await read(id)).surrogates.users;
    assert.deepEqual(
      surrogates.map((s: { uuid: string }) => s.uuid),
      [u3.uuid, u1.uuid, u2.uuid],
    );
    for (const s of surrogates) {
      assert.ok(Number.isInteger(s.member_id));
      assert.equal(s.exten, `*37${s.member_id}`);
    }
    assert.deepEqual(Object.keys(surrogates[0]).sort(), [
      'exten',
      'firstname',
      'lastname',
      'links',
      'member_id',
      'uuid',
    ]);
    const [event] = await sentSince(database, from);
    assert.deepEqual(
      [event?.name, event?.routing_key, event?.data],
      [
        'call_filter_surrogate_users_associated',
        'config.callfilters.surrogates.users.updated',
        { call_filter_id: id, user_uuids: [u3.uuid, u1.uuid, u2.uuid] },
      ],
    );
    await put(id, 'surrogates', [{ uuid: u1.uuid }, { uuid: u3.uuid }]);
    const kept = (await read(id)).surrogates.users;
    assert.deepEqual(
      kept.map((s: { uuid: string; member_id: number }) => [s.uuid, s.member_id]),
      [
        [u1.uuid, surrogates[1].member_id],
        [u3.uuid, surrogates[0].member_id],
      ],
    );
    assert.equal((await put(id, 'surrogates', [])).statusCode, 204);
    assert.deepEqual((await read(id)).surrogates, { users: [] });
  });

  it('when a surrogate comes twice or is the recipient, then refused', async () => {
    const { id } = await filter();
    const ann = await user();
    assert.deepEqual((await put(id, 'surrogates', [{ uuid: ann.uuid }, { uuid: ann.uuid }])).json(), [
      'Resource Error - Operation not permitted. Cannot associate same user more than once',
    ]);
    await put(id, 'recipients', [{ uuid: ann.uuid }]);
    assert.deepEqual((await put(id, 'surrogates', [{ uuid: ann.uuid }])).json(), [
      `Resource Error - CallFilter is associated with a ${id} ('recipient_user_uuid': '${ann.uuid}')`,
    ]);
  });

  it('when tenants differ, then 404 for a hidden filter, a hidden user not found, and different tenants', async () => {
    const main = await filter();
    const sub = await filter(child1);
    const mainUser = await user(tenant1);
    const subUser = await user(child1);
    const before = await outboxNames(database);
    for (const side of ['recipients', 'surrogates'] as const) {
      assert.deepEqual((await put(main.id, side, [{ uuid: mainUser.uuid }], 'admin1', child1)).json(), [
        `Resource Not Found - CallFilter was not found ('id': ${main.id})`,
      ]);
      assert.deepEqual((await put(sub.id, side, [{ uuid: mainUser.uuid }], 'admin1', child1)).json(), [
        `Input Error - field 'users': User was not found ('uuid': '${mainUser.uuid}')`,
      ]);
      assert.deepEqual((await put(main.id, side, [{ uuid: subUser.uuid }])).json(), [
        `Resource Error - different tenants ('call_filter_tenant_uuid': '${tenant1}', 'user_tenant_uuid': '${child1}')`,
      ]);
      assert.equal((await put(main.id, side, [{ uuid: mainUser.uuid }], 'admin2')).statusCode, 404);
    }
    assert.deepEqual(await outboxNames(database), before);
    assert.equal((await put(sub.id, 'surrogates', [{ uuid: subUser.uuid }])).statusCode, 204);
  });

  it('when a user is deleted, then it leaves every filter; when a filter is deleted, its members go', async () => {
    const [f1, f2] = [await filter(), await filter()];
    const [ann, bob] = [await user(), await user()];
    await put(f1.id, 'recipients', [{ uuid: ann.uuid }]);
    await put(f2.id, 'recipients', [{ uuid: ann.uuid }]);
    await put(f1.id, 'surrogates', [{ uuid: bob.uuid }]);
    await put(f2.id, 'surrogates', [{ uuid: bob.uuid }]);
    for (const u of [ann, bob])
      assert.equal((await call('DELETE', `/users/${u.uuid}`, 'admin1')).statusCode, 204);
    for (const f of [f1, f2]) {
      const current = await read(f.id);
      assert.deepEqual([current.recipients, current.surrogates], [{ users: [] }, { users: [] }]);
    }
    const carl = await user();
    await put(f1.id, 'surrogates', [{ uuid: carl.uuid }]);
    const members = await rowCount(database, 'call_filter_member');
    assert.equal((await call('DELETE', `/callfilters/${f1.id}`, 'admin1')).statusCode, 204);
    assert.equal(await rowCount(database, 'call_filter_member'), members - 1);
    assert.ok((await call('GET', `/users/${carl.uuid}`, 'admin1')).json().uuid, 'the user stays');
    assert.ok(!('call_filters' in (await call('GET', `/users/${carl.uuid}`, 'admin1')).json()));
  });
});

describe('call filter fallbacks', () => {
  it('when read first, then no destination; when put, then named, kept and call_filter_fallback_edited', async () => {
    const { id } = await filter();
    const ann = await user();
    const url = `/callfilters/${id}/fallbacks`;
    assert.deepEqual((await call('GET', url, 'admin1')).json(), { noanswer_destination: null });
    const from = await lastOutboxId(database);
    const res = await call('PUT', url, 'admin1', { noanswer_destination: { type: 'user', user_id: ann.id } });
    assert.equal(res.statusCode, 204, res.body);
    const named = {
      noanswer_destination: {
        type: 'user',
        user_id: ann.id,
        ring_time: null,
        moh_uuid: null,
        user_firstname: 'Ann',
        user_lastname: ann.lastname,
      },
    };
    const got = (await call('GET', url, 'admin1')).json();
    assert.deepEqual(
      { ...got.noanswer_destination, ring_time: null, moh_uuid: null },
      named.noanswer_destination,
    );
    assert.deepEqual((await read(id)).fallbacks, got);
    const [event] = await sentSince(database, from);
    assert.deepEqual(
      [event?.name, event?.routing_key, event?.data, event?.headers.tenant_uuid],
      ['call_filter_fallback_edited', 'config.callfilters.fallbacks.edited', { id }, tenant1],
    );
    assert.equal((await call('PUT', url, 'admin1', {})).statusCode, 204);
    assert.deepEqual((await call('GET', url, 'admin1')).json(), { noanswer_destination: null });
  });

  it('when the destination is wrong, unknown or the filter hidden, then refused and nothing changes', async () => {
    const { id } = await filter();
    const foreign = await user(tenant2);
    const url = `/callfilters/${id}/fallbacks`;
    const before = await outboxNames(database);
    assert.deepEqual(
      (
        await call('PUT', url, 'admin1', { noanswer_destination: { type: 'user', user_id: foreign.id } })
      ).json(),
      [`Input Error - field 'actionarg1': User was not found ('actionarg1': ${foreign.id})`],
    );
    assert.equal(
      (await call('PUT', url, 'admin1', { noanswer_destination: { type: 'nope' } })).statusCode,
      400,
    );
    assert.deepEqual((await call('GET', url, 'admin2')).json(), [
      `Resource Not Found - CallFilter was not found ('id': ${id})`,
    ]);
    assert.equal((await call('PUT', url, 'admin2', {})).statusCode, 404);
    assert.equal((await call('GET', '/callfilters/abc/fallbacks', 'admin1')).statusCode, 404);
    assert.deepEqual(await outboxNames(database), before);
  });
});

describe('bsfilter function keys', () => {
  it('when the user is in no filter, then refused; in one, the member must exist in the tenant', async () => {
    const { id } = await filter();
    const [boss, secretary] = [await user(), await user()];
    const key = (memberId: number) => ({ destination: { type: 'bsfilter', filter_member_id: memberId } });
    assert.deepEqual((await call('PUT', `/users/${secretary.id}/funckeys/1`, 'admin1', key(1))).json(), [
      `Resource Error - User must be associated with a BSFilter ('user_id': ${secretary.id})`,
    ]);
    await put(id, 'recipients', [{ uuid: boss.uuid }]);
    await put(id, 'surrogates', [{ uuid: secretary.uuid }]);
    const memberId = (await read(id)).surrogates.users[0].member_id as number;
    assert.deepEqual((await call('PUT', `/users/${secretary.id}/funckeys/1`, 'admin1', key(999999))).json(), [
      "Input Error - field 'filter_member_id': FilterMember was not found ('filter_member_id': 999999)",
    ]);
    const foreignFilter = await filter(undefined, 'admin2');
    const foreignUser = await user(tenant2);
    await put(foreignFilter.id, 'surrogates', [{ uuid: foreignUser.uuid }], 'admin2');
    const foreignMember = (await call('GET', `/callfilters/${foreignFilter.id}`, 'admin2')).json().surrogates
      .users[0].member_id;
    assert.equal(
      (await call('PUT', `/users/${secretary.id}/funckeys/1`, 'admin1', key(foreignMember))).statusCode,
      400,
    );

    const res = await call('PUT', `/users/${secretary.id}/funckeys/1`, 'admin1', key(memberId));
    assert.equal(res.statusCode, 204, res.body);
    const saved = (await call('GET', `/users/${secretary.id}/funckeys/1`, 'admin1')).json();
    assert.deepEqual(
      [saved.destination.type, saved.destination.filter_member_id, saved.destination.filter_member_firstname],
      ['bsfilter', memberId, 'Ann'],
    );
    assert.equal(
      (await call('PUT', `/users/${boss.id}/funckeys/2`, 'admin1', key(memberId))).statusCode,
      204,
    );

    // The member goes when the secretary leaves the filter, and the keys to it with it.
    await put(id, 'surrogates', []);
    assert.equal((await call('GET', `/users/${secretary.id}/funckeys/1`, 'admin1')).statusCode, 404);
    assert.equal((await call('GET', `/users/${boss.id}/funckeys/2`, 'admin1')).statusCode, 404);
  });
});
