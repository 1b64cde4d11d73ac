/**
 * wazo-confd's test_phone_numbers checklist on a real PostgreSQL: minimal body and defaults,
 * every field, field errors changing nothing, a number unique per tenant, ranges (idempotent,
 * their limits), search, filters, sort and paging, tenants and recurse, the main number, the
 * events, and the caller ids a user may then present.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { scopeOf } from '@wazo-ts/dao';
import { createMigratedTestDatabase, type MigratedTestDatabase } from '@wazo-ts/dao/testing';
import { answerLinksPlugin } from '../common/answer-links.js';
import { caller, lastOutboxId, outboxNames, rowCount, sentSince } from '../testing/route-calls.js';
import { buildTestApi, type TestApi } from '../testing/test-app.js';
import { userCallerIdsPlugin } from '../user-parts/index.js';
import { incallExtensionsPlugin } from './incall-links.routes.js';
import { incallsPlugin } from './incalls.routes.js';
import { phoneNumbersPlugin } from './phone-numbers.routes.js';

let database: MigratedTestDatabase;
let api: TestApi;
let call: ReturnType<typeof caller>;
const tenant1 = randomUUID();
const child1 = randomUUID();
const tenant2 = randomUUID();
const tenant3 = randomUUID();

before(async () => {
  database = await createMigratedTestDatabase({ prefix: 'wazo_confd_phone_numbers' });
  api = await buildTestApi(database, [
    answerLinksPlugin,
    phoneNumbersPlugin,
    incallsPlugin,
    incallExtensionsPlugin,
    userCallerIdsPlugin,
  ]);
  call = caller(api);
  api.addSubtenant(tenant1, child1);
  api.verifier.add({ token: 'admin1', acl: ['confd.#'], metadata: { tenant_uuid: tenant1 } });
  api.verifier.add({ token: 'admin2', acl: ['confd.#'], metadata: { tenant_uuid: tenant2 } });
  api.verifier.add({ token: 'admin3', acl: ['confd.#'], metadata: { tenant_uuid: tenant3 } });
  api.verifier.add({
    token: 'reader',
    acl: ['confd.phone-numbers.read'],
    metadata: { tenant_uuid: tenant1 },
  });
  for (const tenant of [tenant1, child1, tenant2, tenant3])
    await api.resources.services.tenants.ensure(tenant);
});
after(async () => {
  await api?.app.close();
  await database?.drop();
});

const create = async (body: object, token = 'admin1', tenant?: string) => {
  const res = await call('POST', '/phone-numbers', token, body, tenant);
  assert.equal(res.statusCode, 201, res.body);
  return res.json();
};
const link = (uuid: string) => [
  { rel: 'phone_numbers', href: `http://localhost:80/1.1/phone-numbers/${uuid}` },
];

describe('phone numbers', () => {
  it('when created with a number only, then not shared nor main, a Location and phone_number_created', async () => {
    const from = await lastOutboxId(database);
    const res = await call('POST', '/phone-numbers', 'admin1', { number: '112' });
    assert.equal(res.statusCode, 201, res.body);
    const created = res.json();
    assert.deepEqual(created, {
      uuid: created.uuid,
      tenant_uuid: tenant1,
      number: '112',
      caller_id_name: null,
      main: false,
      shared: false,
      links: link(created.uuid),
    });
    assert.match(String(res.headers.location), new RegExp(`/1\\.1/phone-numbers/${created.uuid}$`));
    const [event] = await sentSince(database, from);
    const { links: _links, ...payload } = created;
    assert.deepEqual(
      [event?.name, event?.routing_key, event?.data, event?.headers.tenant_uuid],
      ['phone_number_created', 'config.phone_number.created', payload, tenant1],
    );
    assert.deepEqual((await call('GET', `/phone-numbers/${created.uuid}`, 'admin1')).json(), created);
  });

  it('when created with every field, then each is kept; the number is unique in its tenant only', async () => {
    const body = { number: '+18001235567', caller_id_name: 'Here', shared: true };
    const created = await create(body);
    assert.deepEqual(
      { ...created, uuid: '', links: [] },
      { ...body, uuid: '', links: [], main: false, tenant_uuid: tenant1 },
    );
    const taken = await call('POST', '/phone-numbers', 'admin1', { number: '+18001235567' });
    assert.deepEqual(taken.json(), [
      `Resource Error - PhoneNumber already exists ('number': '+18001235567', 'tenant_uuid': '${tenant1}')`,
    ]);
    assert.equal((await create({ number: '+18001235567' }, 'admin2')).tenant_uuid, tenant2);
    const other = await create({ number: '+18001235568' });
    const edit = await call('PUT', `/phone-numbers/${other.uuid}`, 'admin1', { number: '+18001235567' });
    assert.equal(edit.statusCode, 400);
    assert.equal(
      (await call('PUT', `/phone-numbers/${other.uuid}`, 'admin1', { number: '+18001235568' })).statusCode,
      204,
    );
  });

  it("when a field is wrong, then Wazo's words and nothing is written", async () => {
    const before = await rowCount(database, 'phone_number');
    const cases: [object, string][] = [
      [{ number: 123 }, "Input Error - number: ['Not a valid string.']"],
      [{ number: null }, "Input Error - number: ['Field may not be null.']"],
      [{ number: [] }, "Input Error - number: ['Not a valid string.']"],
      [{ number: 'a'.repeat(1024) }, "Input Error - number: ['Length must be between 1 and 128.']"],
      [{ number: '12a4' }, "Input Error - number: ['not a valid digit-only phone number']"],
      [{ number: '1', caller_id_name: 123 }, "Input Error - caller_id_name: ['Not a valid string.']"],
      [
        { number: '1', caller_id_name: 'a'.repeat(1024) },
        "Input Error - caller_id_name: ['Length must be between 1 and 256.']",
      ],
      [{ number: '1', shared: '42' }, "Input Error - shared: ['Not a valid boolean.']"],
      [{ number: '1', shared: null }, "Input Error - shared: ['Field may not be null.']"],
    ];
    for (const [body, message] of cases) {
      const res = await call('POST', '/phone-numbers', 'admin1', body);
      assert.deepEqual([res.statusCode, res.json()], [400, [message]], JSON.stringify(body));
    }
    assert.deepEqual((await call('POST', '/phone-numbers', 'admin1', {})).json(), [
      "Input Error - number: ['Missing data for required field.']",
    ]);
    const created = await create({ number: '5550000' });
    for (const [body, message] of cases.slice(1)) {
      const res = await call('PUT', `/phone-numbers/${created.uuid}`, 'admin1', body);
      assert.deepEqual(res.json(), [message], `PUT ${JSON.stringify(body)}`);
    }
    assert.equal(await rowCount(database, 'phone_number'), before + 1);
  });

  it('when edited with some fields or none, then only those change and phone_number_edited is sent', async () => {
    const created = await create({ number: '5550001', caller_id_name: 'old' });
    const from = await lastOutboxId(database);
    assert.equal((await call('PUT', `/phone-numbers/${created.uuid}`, 'admin1', {})).statusCode, 204);
    const changes = { caller_id_name: null, shared: true, number: '5550002' };
    assert.equal((await call('PUT', `/phone-numbers/${created.uuid}`, 'admin1', changes)).statusCode, 204);
    const read = (await call('GET', `/phone-numbers/${created.uuid}`, 'admin1')).json();
    assert.deepEqual(read, { ...created, ...changes });
    assert.deepEqual(
      (await sentSince(database, from)).map((event) => [event.name, event.routing_key]),
      [
        ['phone_number_edited', 'config.phone_number.edited'],
        ['phone_number_edited', 'config.phone_number.edited'],
      ],
    );
  });

  it('when a range is created, then each number once; again, the old ones are linked, not made twice', async () => {
    const res = await call('POST', '/phone-numbers/ranges', 'admin3', {
      start_number: '+18001230000',
      end_number: '+18001230009',
    });
    assert.equal(res.statusCode, 201, res.body);
    const first = res.json();
    assert.equal(first.total, 10);
    assert.equal(first.created.length, 10);
    assert.deepEqual(
      first.links,
      first.created.flatMap((n: { uuid: string }) => link(n.uuid)),
    );
    const numbers = (await call('GET', '/phone-numbers?order=number', 'admin3')).json();
    assert.deepEqual(
      numbers.items.map((n: { number: string }) => n.number),
      Array.from({ length: 10 }, (_, i) => `+1800123000${i}`),
    );
    const again = (
      await call('POST', '/phone-numbers/ranges', 'admin3', {
        start_number: '+18001230005',
        end_number: '+18001230014',
      })
    ).json();
    assert.deepEqual([again.total, again.created.length, again.links.length], [10, 5, 10]);
    const single = (
      await call('POST', '/phone-numbers/ranges', 'admin3', { start_number: '4000', end_number: '4000' })
    ).json();
    assert.deepEqual([single.total, single.created.length], [1, 1]);
    const before = await rowCount(database, 'phone_number');
    const cases: [object, string][] = [
      [
        { start_number: '+18001230000', end_number: '+18001225000' },
        "Input Error - _schema: ['start phone number must precede end phone number']",
      ],
      [
        { start_number: '+18001230000', end_number: '+18001249999' },
        "Input Error - _schema: ['range size must be between 1 and 10000']",
      ],
      [
        { start_number: '1x', end_number: '2' },
        "Input Error - start_number: ['not a valid digit-only phone number']",
      ],
      [{ start_number: '1' }, "Input Error - end_number: ['Missing data for required field.']"],
    ];
    for (const [body, message] of cases) {
      const failed = await call('POST', '/phone-numbers/ranges', 'admin3', body);
      assert.deepEqual([failed.statusCode, failed.json()], [400, [message]], JSON.stringify(body));
    }
    assert.equal(await rowCount(database, 'phone_number'), before);
  });

  it('when listed, then searched on number and caller id name, filtered on main and shared, sorted and paged', async () => {
    const shown = await create({ number: '+18001235555', caller_id_name: 'search', shared: true }, 'admin2');
    const hidden = await create({ number: '+15551112222', caller_id_name: 'hidden' }, 'admin2');
    const uuids = async (query: string) =>
      (await call('GET', `/phone-numbers?${query}`, 'admin2'))
        .json()
        .items.map((n: { uuid: string }) => n.uuid);
    assert.deepEqual(await uuids('search=search'), [shown.uuid]);
    assert.deepEqual(await uuids('search=1800123555'), [shown.uuid]);
    assert.ok(
      (await uuids('shared=true')).includes(shown.uuid) &&
        !(await uuids('shared=true')).includes(hidden.uuid),
    );
    assert.deepEqual(await uuids('caller_id_name=hidden'), [hidden.uuid]);
    await create({ number: '+11111111111', caller_id_name: 'sort1' }, 'admin2');
    await create({ number: '+11111111112', caller_id_name: 'sort2' }, 'admin2');
    const names = async (query: string) =>
      (await call('GET', `/phone-numbers?${query}`, 'admin2'))
        .json()
        .items.map((n: { caller_id_name: string }) => n.caller_id_name);
    assert.deepEqual(await names('search=sort'), ['sort1', 'sort2']);
    assert.deepEqual(await names('search=sort&order=caller_id_name&direction=desc'), ['sort2', 'sort1']);
    assert.deepEqual(await names('search=%2B111111111&limit=1&offset=1'), ['sort2']);
    assert.deepEqual((await call('GET', '/phone-numbers?order=uuid', 'admin2')).json(), [
      "Input Error - order: column 'uuid' was not found",
    ]);
  });

  it('when tenants read theirs, then each its own, recurse adds sub-tenants, others get 404', async () => {
    const main = await create({ number: '7000' });
    const sub = await create({ number: '7001' }, 'admin1', child1);
    const uuids = async (query: string, token = 'admin1', tenant?: string) =>
      (await call('GET', `/phone-numbers?${query}`, token, undefined, tenant))
        .json()
        .items.map((n: { uuid: string }) => n.uuid);
    assert.ok((await uuids('')).includes(main.uuid) && !(await uuids('')).includes(sub.uuid));
    assert.deepEqual(await uuids('', 'admin1', child1), [sub.uuid]);
    assert.ok((await uuids('recurse=true')).includes(sub.uuid));
    assert.equal((await call('GET', `/phone-numbers/${sub.uuid}`, 'admin1')).statusCode, 200);
    const message = [`Resource Not Found - PhoneNumber was not found ('uuid': '${main.uuid}')`];
    const before = await outboxNames(database);
    assert.deepEqual((await call('GET', `/phone-numbers/${main.uuid}`, 'admin2')).json(), message);
    assert.deepEqual(
      (await call('PUT', `/phone-numbers/${main.uuid}`, 'admin1', {}, child1)).json(),
      message,
    );
    assert.deepEqual((await call('DELETE', `/phone-numbers/${main.uuid}`, 'admin2')).json(), message);
    assert.equal((await call('GET', '/phone-numbers/not-a-uuid', 'admin1')).statusCode, 404);
    assert.deepEqual(await outboxNames(database), before);
    const from = await lastOutboxId(database);
    assert.equal((await call('DELETE', `/phone-numbers/${sub.uuid}`, 'admin1')).statusCode, 204);
    assert.equal((await call('GET', `/phone-numbers/${sub.uuid}`, 'admin1')).statusCode, 404);
    assert.deepEqual(
      (await sentSince(database, from)).map((e) => [e.name, e.data.uuid, e.headers.tenant_uuid]),
      [['phone_number_deleted', sub.uuid, child1]],
    );
  });

  it('when a main number is set and replaced, then one main per tenant, shared, with the events', async () => {
    const tenant = randomUUID();
    api.verifier.add({ token: 'mainadmin', acl: ['confd.#'], metadata: { tenant_uuid: tenant } });
    await api.resources.services.tenants.ensure(tenant);
    assert.deepEqual((await call('GET', '/phone-numbers/main', 'mainadmin')).json(), [
      "Resource Not Found - PhoneNumber was not found ('main': True)",
    ]);
    const num1 = await create({ number: '+18005550001', caller_id_name: 'Main' }, 'mainadmin');
    const num2 = await create({ number: '+18005550002' }, 'mainadmin');
    const from = await lastOutboxId(database);
    const set = await call('PUT', '/phone-numbers/main', 'mainadmin', { phone_number_uuid: num1.uuid });
    assert.equal(set.statusCode, 204, set.body);
    assert.match(String(set.headers.location), new RegExp(`/phone-numbers/${num1.uuid}$`));
    assert.deepEqual((await call('GET', '/phone-numbers/main', 'mainadmin')).json(), {
      ...num1,
      main: true,
      shared: true,
    });
    assert.equal(
      (await call('PUT', '/phone-numbers/main', 'mainadmin', { phone_number_uuid: num2.uuid })).statusCode,
      204,
    );
    assert.equal((await call('GET', '/phone-numbers/main', 'mainadmin')).json().uuid, num2.uuid);
    assert.deepEqual((await call('GET', `/phone-numbers/${num1.uuid}`, 'mainadmin')).json(), {
      ...num1,
      main: false,
      shared: true,
    });
    assert.deepEqual(
      (await sentSince(database, from)).map((e) => [e.name, e.data.uuid ?? e.data]),
      [
        ['phone_number_edited', num1.uuid],
        ['phone_number_main_updated', { current_main_uuid: null, new_main_uuid: num1.uuid }],
        ['phone_number_edited', num1.uuid],
        ['phone_number_edited', num2.uuid],
        ['phone_number_main_updated', { current_main_uuid: num1.uuid, new_main_uuid: num2.uuid }],
      ],
    );
    const unshare = await call('PUT', `/phone-numbers/${num2.uuid}`, 'mainadmin', { shared: false });
    assert.equal(unshare.statusCode, 204);
    assert.equal((await call('GET', `/phone-numbers/${num2.uuid}`, 'mainadmin')).json().shared, true);
    const foreign = await create({ number: '9999' }, 'admin2');
    assert.deepEqual(
      (await call('PUT', '/phone-numbers/main', 'mainadmin', { phone_number_uuid: foreign.uuid })).json(),
      [`Resource Not Found - PhoneNumber was not found ('uuid': '${foreign.uuid}')`],
    );
    assert.deepEqual(
      (await call('PUT', '/phone-numbers/main', 'mainadmin', { phone_number_uuid: 'abc' })).statusCode,
      400,
    );
  });

  it("when a user's tenant has a main, associated and shared numbers, then its caller ids list each once, in Wazo's order", async () => {
    const tenant = randomUUID();
    api.verifier.add({ token: 'cidadmin', acl: ['confd.#'], metadata: { tenant_uuid: tenant } });
    const { services } = api.resources;
    await services.tenants.ensure(tenant);
    const user = await services.users.create(scopeOf(tenant), tenant, { firstname: 'Cid' });
    const context = await services.contexts.create(scopeOf(tenant), tenant, { label: 'cid', type: 'incall' });
    const main = await create({ number: '+15550001', caller_id_name: 'Company' }, 'cidadmin');
    await call('PUT', '/phone-numbers/main', 'cidadmin', { phone_number_uuid: main.uuid });
    await create({ number: '+15550002', shared: true }, 'cidadmin');
    await create({ number: '+15550003', shared: true, caller_id_name: 'Sales' }, 'cidadmin');
    await create({ number: '+15550004' }, 'cidadmin');
    for (const exten of ['15550001', '15550002', '15550005']) {
      const incall = (
        await call('POST', '/incalls', 'cidadmin', { destination: { type: 'user', user_id: user.id } })
      ).json();
      const extension = await services.extensions.create(scopeOf(tenant), { exten, context: context.name });
      await call('PUT', `/incalls/${incall.id}/extensions/${extension.id}`, 'cidadmin');
    }
    assert.deepEqual((await call('GET', `/users/${user.uuid}/callerids/outgoing`, 'cidadmin')).json(), {
      total: 5,
      items: [
        { type: 'main', number: '+15550001', caller_id_name: 'Company' },
        { type: 'associated', number: '15550002', caller_id_name: '' },
        { type: 'associated', number: '15550005', caller_id_name: '' },
        { type: 'shared', number: '+15550003', caller_id_name: 'Sales' },
        { type: 'anonymous' },
      ],
    });
  });

  it('when the token lacks the ACL, then 401', async () => {
    assert.equal((await call('GET', '/phone-numbers', 'reader')).statusCode, 200);
    assert.equal((await call('POST', '/phone-numbers', 'reader', { number: '1' })).statusCode, 401);
    assert.equal((await call('GET', '/phone-numbers/main', 'reader')).statusCode, 401);
  });
});
