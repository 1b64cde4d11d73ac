/**
 * The voicemails routes on a real PostgreSQL: Wazo's defaults, every field, validation messages,
 * number@context unique, one global voicemail per context, 404 across tenants, list params and
 * filters, events only with a commit, and a context holding a voicemail kept.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { createMigratedTestDatabase, type MigratedTestDatabase } from '@wazo-ts/dao/testing';
import { contextsPlugin } from '../contexts/contexts.routes.js';
import { caller, outboxNames, rowCount } from '../testing/route-calls.js';
import { buildTestApi, type TestApi } from '../testing/test-app.js';
import { voicemailsPlugin } from './voicemails.routes.js';

let database: MigratedTestDatabase;
let api: TestApi;
let call: ReturnType<typeof caller>;
const tenant1 = randomUUID();
const child1 = randomUUID();
const tenant2 = randomUUID();
const events = () => outboxNames(database);
const contextOf = async (token: string, tenant?: string) =>
  (await call('POST', '/contexts', token, { label: 'internal' }, tenant)).json() as {
    id: number;
    name: string;
  };

let ctx1: { id: number; name: string };
let ctxChild: { id: number; name: string };
let ctx2: { id: number; name: string };
before(async () => {
  database = await createMigratedTestDatabase({ prefix: 'wazo_confd_voicemails' });
  api = await buildTestApi(database, [contextsPlugin, voicemailsPlugin]);
  call = caller(api);
  api.addSubtenant(tenant1, child1);
  api.verifier.add({ token: 'admin1', acl: ['confd.#'], metadata: { tenant_uuid: tenant1 } });
  api.verifier.add({ token: 'admin2', acl: ['confd.#'], metadata: { tenant_uuid: tenant2 } });
  api.verifier.add({ token: 'reader', acl: ['confd.voicemails.read'], metadata: { tenant_uuid: tenant1 } });
  ctx1 = await contextOf('admin1');
  ctxChild = await contextOf('admin1', child1);
  ctx2 = await contextOf('admin2');
});
after(async () => {
  await api?.app.close();
  await database?.drop();
});

describe('voicemails routes', () => {
  let minimal: { id: number };

  it("when created with name, number and context, then 201 with Location, Wazo's defaults and voicemail_created", async () => {
    const res = await call('POST', '/voicemails', 'admin1', {
      name: 'minimal',
      number: '1000',
      context: ctx1.name,
    });
    assert.equal(res.statusCode, 201, res.body);
    minimal = res.json();
    assert.equal(res.headers.location, `http://localhost:80/1.1/voicemails/${minimal.id}`);
    assert.deepEqual(res.json(), {
      id: minimal.id,
      tenant_uuid: tenant1,
      name: 'minimal',
      number: '1000',
      context: ctx1.name,
      password: null,
      email: null,
      pager: null,
      language: null,
      timezone: null,
      max_messages: null,
      attach_audio: null,
      delete_messages: false,
      ask_password: true,
      enabled: true,
      options: [],
      accesstype: 'personal',
      users: [],
    });
    assert.deepEqual((await events()).at(-1), 'voicemail_created');
  });

  it('when created with every field, then each is stored and read back', async () => {
    const full = {
      name: 'full',
      number: '1001',
      context: ctx1.name,
      email: 'test@example.com',
      pager: 'pager@example.com',
      language: 'en_US',
      timezone: 'eu-fr',
      password: '1234',
      max_messages: 10,
      attach_audio: true,
      ask_password: false,
      delete_messages: true,
      enabled: false,
      accesstype: 'personal',
      options: [
        ['saycid', 'yes'],
        ['emailbody', 'this\nis\ra\temail|body'],
      ],
    };
    const res = await call('POST', '/voicemails', 'admin1', full);
    assert.equal(res.statusCode, 201, res.body);
    const read = (await call('GET', `/voicemails/${res.json().id}`, 'admin1')).json();
    assert.deepEqual(read, { ...full, id: res.json().id, tenant_uuid: tenant1, users: [] });
  });

  it("when fields are bogus or missing, then 400 in Wazo's words and nothing is written", async () => {
    const before = await rowCount(database, 'voicemail');
    const base = { name: 'x', number: '2000', context: ctx1.name };
    const cases: [Record<string, unknown>, string][] = [
      [{ name: undefined }, "Input Error - name: ['Missing data for required field.']"],
      [{ number: 'one' }, "Input Error - number: ['String does not match expected pattern.']"],
      [{ password: '#12' }, "Input Error - password: ['String does not match expected pattern.']"],
      [{ name: 'n'.repeat(81) }, "Input Error - name: ['Longer than maximum length 80.']"],
      [{ language: 'french' }, "Input Error - language: ['String does not match expected pattern.']"],
      [{ max_messages: -1 }, "Input Error - max_messages: ['Must be greater than or equal to 0.']"],
      [{ context: 'nowhere' }, "Input Error - field 'context': Context was not found ('context': 'nowhere')"],
      [
        { context: ctx2.name },
        `Input Error - field 'context': Context was not found ('context': '${ctx2.name}')`,
      ],
      [
        { delete_messages: true, attach_audio: true },
        "Input Error - _schema: ['email must be provided if delete_messages is set']",
      ],
      [
        { delete_messages: true, email: 'a@b.c' },
        "Input Error - _schema: ['attach_audio must be set if delete_messages is set']",
      ],
      [
        { number: '1000' },
        `Resource Error - Voicemail already exists ('number': '1000', 'context': '${ctx1.name}')`,
      ],
    ];
    for (const [change, message] of cases) {
      const res = await call('POST', '/voicemails', 'admin1', { ...base, ...change });
      assert.equal(res.statusCode, 400, JSON.stringify(change));
      assert.deepEqual(res.json(), [message], JSON.stringify(change));
    }
    for (const options of ['string', [['one']], [['a', 'b', 'c']], [[null, null]]]) {
      const res = await call('POST', '/voicemails', 'admin1', { ...base, options });
      assert.equal(res.statusCode, 400, JSON.stringify(options));
    }
    assert.equal(await rowCount(database, 'voicemail'), before);
  });

  it('when a second global voicemail is made in a context, then it is not permitted', async () => {
    const first = await call('POST', '/voicemails', 'admin1', {
      name: 'global',
      number: '1900',
      context: ctx1.name,
      accesstype: 'global',
    });
    assert.equal(first.statusCode, 201, first.body);
    const second = await call('POST', '/voicemails', 'admin1', {
      name: 'global2',
      number: '1901',
      context: ctx1.name,
      accesstype: 'global',
    });
    assert.deepEqual(
      [second.statusCode, second.json()],
      [
        400,
        ['Resource Error - Operation not permitted. There can be only one global voicemail per context.'],
      ],
    );
    const edit = await call('PUT', `/voicemails/${minimal.id}`, 'admin1', { accesstype: 'global' });
    assert.equal(edit.statusCode, 400);
    const other = await call('POST', '/voicemails', 'admin1', {
      name: 'global',
      number: '1900',
      context: ctxChild.name,
      accesstype: 'global',
    });
    assert.equal(other.statusCode, 201, 'same number and a global one in another context');
    assert.equal(other.json().tenant_uuid, child1);
  });

  it('when edited, then the given fields change, the others stay, and voicemail_edited', async () => {
    const before = (await events()).length;
    const res = await call('PUT', `/voicemails/${minimal.id}`, 'admin1', { name: 'edited', password: '99' });
    assert.equal(res.statusCode, 204, res.body);
    const read = (await call('GET', `/voicemails/${minimal.id}`, 'admin1')).json();
    assert.deepEqual(
      [read.name, read.password, read.number, read.ask_password],
      ['edited', '99', '1000', true],
    );
    assert.deepEqual((await events()).slice(before), ['voicemail_edited']);
    const taken = await call('PUT', `/voicemails/${minimal.id}`, 'admin1', { number: '1001' });
    assert.deepEqual(taken.json(), [
      `Resource Error - Voicemail already exists ('number': '1001', 'context': '${ctx1.name}')`,
    ]);
    const moved = await call('PUT', `/voicemails/${minimal.id}`, 'admin1', { context: ctxChild.name });
    assert.equal(moved.statusCode, 204);
    const read2 = (await call('GET', `/voicemails/${minimal.id}`, 'admin1')).json();
    assert.deepEqual([read2.context, read2.tenant_uuid], [ctxChild.name, child1]);
  });

  it('when another tenant reads, edits or deletes it, then 404 and nothing changes', async () => {
    const before = await events();
    for (const [method, body] of [['GET'], ['PUT', { name: 'x' }], ['DELETE']] as const) {
      const res = await call(method, `/voicemails/${minimal.id}`, 'admin2', body);
      assert.equal(res.statusCode, 404, method);
      assert.deepEqual(res.json(), [`Resource Not Found - Voicemail was not found ('id': ${minimal.id})`]);
    }
    assert.equal((await call('GET', '/voicemails/abc', 'admin1')).statusCode, 404);
    assert.deepEqual(await events(), before);
  });

  it('when listed, then the tenant (sub-tenants on recurse), searched, filtered and sorted by number', async () => {
    await call('POST', '/voicemails', 'admin2', { name: 'theirs', number: '3000', context: ctx2.name });
    const own = (await call('GET', '/voicemails', 'reader')).json();
    assert.deepEqual(
      own.items.map((v: { number: string }) => v.number),
      ['1001', '1900'],
    );
    const all = (await call('GET', '/voicemails?recurse=true', 'reader')).json();
    assert.deepEqual(
      all.items.map((v: { number: string }) => v.number),
      ['1000', '1001', '1900', '1900'],
    );
    const found = (await call('GET', '/voicemails?recurse=true&search=pager@', 'reader')).json();
    assert.deepEqual([found.total, found.items[0].name], [1, 'full']);
    const global = (await call('GET', '/voicemails?recurse=true&accesstype=global', 'reader')).json();
    assert.equal(global.total, 2);
    const byContext = (
      await call('GET', `/voicemails?recurse=true&context=${ctxChild.name}`, 'reader')
    ).json();
    assert.equal(byContext.total, 2);
    const byName = (await call('GET', '/voicemails?order=name&direction=desc', 'reader')).json();
    assert.deepEqual(
      byName.items.map((v: { name: string }) => v.name),
      ['global', 'full'],
    );
    const bad = await call('GET', '/voicemails?order=id', 'reader');
    assert.deepEqual(bad.json(), ["Input Error - order: column 'id' was not found"]);
  });

  it('when its context is deleted, then it is refused while the voicemail is there', async () => {
    const res = await call('DELETE', `/contexts/${ctx1.id}`, 'admin1');
    assert.equal(res.statusCode, 400);
    assert.match(res.json()[0], /^Resource Error - Context is associated with a Voicemail/);
  });

  it('when deleted, then 204, voicemail_deleted, and a second delete is a 404', async () => {
    const before = (await events()).length;
    const res = await call('DELETE', `/voicemails/${minimal.id}`, 'admin1');
    assert.equal(res.statusCode, 204);
    assert.deepEqual((await events()).slice(before), ['voicemail_deleted']);
    assert.equal((await call('DELETE', `/voicemails/${minimal.id}`, 'admin1')).statusCode, 404);
  });
});
