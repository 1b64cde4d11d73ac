/**
 * `POST /users` with an inline `voicemail`, as Wazo's composite create: a new voicemail named
 * after the user unless named, or an existing one by id; the answer shows it whole; one
 * transaction, so a refused voicemail leaves no user, and a refused user no voicemail.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { scopeOf } from '@wazo-ts/dao';
import { createMigratedTestDatabase, type MigratedTestDatabase } from '@wazo-ts/dao/testing';
import { answerLinksPlugin } from '../common/answer-links.js';
import { caller, outboxNames, rowCount } from '../testing/route-calls.js';
import { buildTestApi, fixedServiceToken, type TestApi } from '../testing/test-app.js';
import { userVoicemailsPlugin, voicemailsPlugin } from '../voicemails/index.js';
import { usersPlugin } from './index.js';

let database: MigratedTestDatabase;
let api: TestApi;
let call: ReturnType<typeof caller>;
const tenant = randomUUID();
const foreignTenant = randomUUID();
let context = '';
let existing = 0;
let foreign = 0;

before(async () => {
  database = await createMigratedTestDatabase({ prefix: 'wazo_confd_user_create_voicemail' });
  api = await buildTestApi(
    database,
    [answerLinksPlugin, usersPlugin, voicemailsPlugin, userVoicemailsPlugin],
    {
      serviceToken: fixedServiceToken('service'),
      authUsers: {
        create: () => Promise.reject(new Error('not in this test')),
        delete: async () => true,
        close: () => undefined,
      },
    },
  );
  call = caller(api);
  api.verifier.add({ token: 'admin', acl: ['confd.#'], metadata: { tenant_uuid: tenant } });
  const { services } = api.resources;
  for (const t of [tenant, foreignTenant]) await services.tenants.ensure(t);
  context = (await services.contexts.create(scopeOf(tenant), tenant, { label: 'internal' })).name;
  const foreignContext = (
    await services.contexts.create(scopeOf(foreignTenant), foreignTenant, { label: 'x' })
  ).name;
  existing = (await services.voicemails.create(scopeOf(tenant), { name: 'shared', number: '2000', context }))
    .id;
  foreign = (
    await services.voicemails.create(scopeOf(foreignTenant), {
      name: 'x',
      number: '2000',
      context: foreignContext,
    })
  ).id;
});
after(async () => {
  await api?.app.close();
  await database?.drop();
});

async function footprint() {
  return {
    users: await rowCount(database, 'users'),
    voicemails: await rowCount(database, 'voicemail'),
    links: await rowCount(database, 'user_voicemail'),
    events: (await outboxNames(database)).length,
  };
}

async function refused(body: unknown, status: number): Promise<string[]> {
  const before = await footprint();
  const res = await call('POST', '/users', 'admin', body);
  assert.equal(res.statusCode, status, res.body);
  assert.deepEqual(await footprint(), before, 'nothing created');
  return res.json();
}

describe('POST /users with a voicemail', () => {
  it("when a new voicemail has no name, then it is the user's name, answered whole, and the user has it", async () => {
    const events = (await outboxNames(database)).length;
    const res = await call('POST', '/users', 'admin', {
      firstname: 'Ann',
      lastname: 'Lee',
      voicemail: { number: '1000', context, email: 'ann@example.com', options: [['saycid', 'yes']] },
    });
    assert.equal(res.statusCode, 201, res.body);
    const { voicemail, uuid, id } = res.json();
    assert.equal(voicemail.name, 'Ann Lee');
    assert.deepEqual(
      [voicemail.number, voicemail.context, voicemail.email, voicemail.options, voicemail.tenant_uuid],
      ['1000', context, 'ann@example.com', [['saycid', 'yes']], tenant],
    );
    assert.deepEqual(voicemail.links, [
      { rel: 'voicemails', href: `http://localhost:80/1.1/voicemails/${voicemail.id}` },
    ]);
    assert.deepEqual((await outboxNames(database)).slice(events), [
      'user_created',
      'voicemail_created',
      'user_voicemail_associated',
    ]);
    const read = (await call('GET', `/users/${id}`, 'admin')).json();
    assert.deepEqual(read.voicemail, {
      id: voicemail.id,
      name: 'Ann Lee',
      links: [{ rel: 'voicemails', href: `http://localhost:80/1.1/voicemails/${voicemail.id}` }],
    });
    const vm = (await call('GET', `/voicemails/${voicemail.id}`, 'admin')).json();
    assert.deepEqual(
      vm.users.map((u: { uuid: string }) => u.uuid),
      [uuid],
    );
    // A user without a last name names it with the first name alone; a given name wins.
    const bob = (
      await call('POST', '/users', 'admin', { firstname: 'Bob', voicemail: { number: '1001', context } })
    ).json();
    assert.equal(bob.voicemail.name, 'Bob');
    const named = await call('POST', '/users', 'admin', {
      firstname: 'Cy',
      voicemail: { name: 'desk', number: '1002', context },
    });
    assert.equal(named.json().voicemail.name, 'desk');
  });

  it('when an existing voicemail is named by id, then it is associated and answered as read', async () => {
    const res = await call('POST', '/users', 'admin', { firstname: 'Dan', voicemail: { id: existing } });
    assert.equal(res.statusCode, 201, res.body);
    const { voicemail, uuid } = res.json();
    assert.deepEqual([voicemail.id, voicemail.name, voicemail.number], [existing, 'shared', '2000']);
    assert.deepEqual(
      voicemail.users.map((u: { uuid: string }) => u.uuid),
      [uuid],
    );
  });

  it('when no voicemail or a null one is given, then the user has none', async () => {
    for (const body of [{ firstname: 'Eve' }, { firstname: 'Eve', voicemail: null }]) {
      const res = await call('POST', '/users', 'admin', body);
      assert.equal(res.statusCode, 201, res.body);
      assert.equal(res.json().voicemail, null);
    }
  });

  it('when the voicemail is refused, then 400 or 404 and neither user nor voicemail is kept', async () => {
    assert.deepEqual(await refused({ firstname: 'Fay', voicemail: {} }, 400), [
      "Input Error - voicemail: {'_schema': ['name, number and context must be provided if no id provided']}",
    ]);
    assert.deepEqual(await refused({ firstname: 'Fay', voicemail: { number: '1003' } }, 400), [
      "Input Error - context: ['Missing data for required field.']",
    ]);
    assert.deepEqual(await refused({ firstname: 'Fay', voicemail: { name: 'x' } }, 400), [
      "Input Error - number: ['Missing data for required field.']",
      "Input Error - context: ['Missing data for required field.']",
    ]);
    const [taken] = await refused({ firstname: 'Fay', voicemail: { number: '1000', context } }, 400);
    assert.match(taken!, /^Resource Error - Voicemail already exists/);
    const [bad] = await refused({ firstname: 'Fay', voicemail: { number: 'abc', context } }, 400);
    assert.match(bad!, /^Input Error - voicemail/);
    assert.deepEqual(await refused({ firstname: 'Fay', voicemail: { id: 999999 } }, 404), [
      "Resource Not Found - Voicemail was not found ('id': 999999)",
    ]);
    // Another tenant's voicemail is not found from here.
    await refused({ firstname: 'Fay', voicemail: { id: foreign } }, 404);
    await refused({ firstname: 'Fay', voicemail: { number: '1004', context: 'nowhere' } }, 400);
  });

  it('when the user is refused, then its voicemail is not kept either', async () => {
    await refused({ firstname: 'Gus', email: 'bad', voicemail: { number: '1005', context } }, 400);
    // An agent without a number (and no line to take one from) fails after the voicemail is made.
    await refused({ firstname: 'Gus', voicemail: { number: '1005', context }, agent: {} }, 400);
  });

  it('when the user is deleted recursively, then the voicemail it alone had goes too', async () => {
    const created = (
      await call('POST', '/users', 'admin', { firstname: 'Hal', voicemail: { number: '1006', context } })
    ).json();
    assert.equal((await call('DELETE', `/users/${created.uuid}?recursive=true`, 'admin')).statusCode, 204);
    assert.equal((await call('GET', `/voicemails/${created.voicemail.id}`, 'admin')).statusCode, 404);
  });
});
