/**
 * /personal on a real database: each user's contacts, the 409 of an identical contact, the
 * legacy error body, CSV export and import (accents, quotes, charsets, failed lines).
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import {
  buildContactsTestApi,
  type ContactsTestApi,
  createDirdTestDatabase,
  type DirdTestDatabase,
} from '../contacts/test-app.js';
import { personalPlugin } from './personal.routes.js';

describe('personal contacts API', () => {
  let database: DirdTestDatabase;
  let api: ContactsTestApi;
  const tenant = randomUUID();
  const alice = randomUUID();
  const bob = randomUUID();

  const call = (
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    url: string,
    token: string,
    payload?: unknown,
    headers: Record<string, string> = {},
  ) =>
    api.app.inject({
      method,
      url: `/0.1${url}`,
      headers: { 'x-auth-token': token, ...headers },
      ...(payload !== undefined ? { payload: payload as string } : {}),
    });
  const csvImport = (token: string, body: string | Buffer, contentType = 'text/csv; charset=utf-8') =>
    call('POST', '/personal/import', token, body, { 'content-type': contentType });

  before(async () => {
    database = await createDirdTestDatabase();
    api = await buildContactsTestApi(database, [personalPlugin]);
    api.verifier.add({
      token: 'alice',
      acl: ['dird.personal.#'],
      metadata: { uuid: alice, tenant_uuid: tenant },
    });
    api.verifier.add({
      token: 'bob',
      acl: ['dird.personal.#'],
      metadata: { uuid: bob, tenant_uuid: tenant },
    });
    api.verifier.add({ token: 'service', acl: ['#'], metadata: { tenant_uuid: tenant } });
    api.verifier.add({ token: 'nothing', acl: [], metadata: { uuid: alice, tenant_uuid: tenant } });
  });
  after(async () => {
    await api?.close();
    await database?.drop();
  });

  it('when a contact is created, then 201 with an id, it reads back, and an identical one is a 409', async () => {
    const created = await call('POST', '/personal', 'alice', {
      firstname: 'Hélène',
      number: '1234',
      id: 'ignored',
    });
    assert.equal(created.statusCode, 201, created.body);
    const contact = created.json();
    assert.match(contact.id, /^[0-9a-f-]{36}$/);
    assert.deepEqual(contact, { firstname: 'Hélène', number: '1234', id: contact.id });
    assert.deepEqual((await call('GET', `/personal/${contact.id}`, 'alice')).json(), contact);

    const again = await call('POST', '/personal', 'alice', { number: '1234', firstname: 'Hélène' });
    assert.equal(again.statusCode, 409);
    assert.deepEqual(again.json().reason, ['Duplicate contact']);
    assert.equal(again.json().status_code, 409);
    // Bob may have the same contact: duplicates are per user.
    assert.equal(
      (await call('POST', '/personal', 'bob', { number: '1234', firstname: 'Hélène' })).statusCode,
      201,
    );
    await call('DELETE', '/personal', 'alice');
    await call('DELETE', '/personal', 'bob');
  });

  it('when a contact is invalid, then 400 in the legacy body naming each problem, and nothing is stored', async () => {
    const res = await call('POST', '/personal', 'alice', { firstname: 42, '': 'x' });
    assert.equal(res.statusCode, 400);
    assert.deepEqual(res.json().reason, ['all values must be strings', '"" is a forbidden in keys']);
    assert.equal(res.json().status_code, 400);
    assert.deepEqual((await call('GET', '/personal', 'alice')).json(), { items: [] });
  });

  it("when a user reads, edits or deletes another user's contact, then 404 and the contact is unchanged", async () => {
    const contact = (await call('POST', '/personal', 'alice', { firstname: 'Alice' })).json();
    for (const [method, body] of [['GET'], ['PUT', { firstname: 'Mallory' }], ['DELETE']] as const) {
      const res = await call(method, `/personal/${contact.id}`, 'bob', body);
      assert.equal(res.statusCode, 404, `${method} ${res.body}`);
      assert.deepEqual(res.json().reason, [`No such contact: ${contact.id}`]);
    }
    assert.deepEqual((await call('GET', '/personal', 'bob')).json(), { items: [] });
    assert.deepEqual((await call('GET', '/personal', 'alice')).json().items, [contact]);
    await call('DELETE', '/personal', 'alice');
  });

  it('when a contact is edited, then its fields are replaced and its id kept; becoming identical to another is a 409', async () => {
    const first = (await call('POST', '/personal', 'alice', { firstname: 'A' })).json();
    const second = (await call('POST', '/personal', 'alice', { firstname: 'B', mobile: '1' })).json();
    const edited = await call('PUT', `/personal/${second.id}`, 'alice', { firstname: 'C', id: 'other' });
    assert.equal(edited.statusCode, 200, edited.body);
    assert.deepEqual(edited.json(), { firstname: 'C', id: second.id });
    assert.deepEqual((await call('GET', `/personal/${second.id}`, 'alice')).json(), {
      firstname: 'C',
      id: second.id,
    });
    const clash = await call('PUT', `/personal/${second.id}`, 'alice', { firstname: 'A' });
    assert.equal(clash.statusCode, 409);
    assert.deepEqual((await call('GET', `/personal/${second.id}`, 'alice')).json().firstname, 'C');
    assert.equal((await call('DELETE', `/personal/${first.id}`, 'alice')).statusCode, 204);
    assert.equal((await call('GET', `/personal/${first.id}`, 'alice')).statusCode, 404);
    assert.equal((await call('DELETE', '/personal', 'alice')).statusCode, 204);
    assert.deepEqual((await call('GET', '/personal', 'alice')).json(), { items: [] });
  });

  it('when the list is asked as CSV, then it round-trips through import with accents, quotes and commas; empty is a 204', async () => {
    assert.equal((await call('GET', '/personal?format=text/csv', 'alice')).statusCode, 204);
    await call('POST', '/personal', 'alice', { firstname: 'Zoë', lastname: 'O"Brien, Jr', note: 'a\nb' });
    await call('POST', '/personal', 'alice', { firstname: 'Ève', number: '+331' });
    const exported = await call('GET', '/personal?format=text/csv', 'alice');
    assert.equal(exported.statusCode, 200);
    assert.match(exported.headers['content-type'] as string, /^text\/csv; charset=utf-8/);
    assert.ok(exported.body.startsWith('firstname,id,lastname,note,number\r\n'), exported.body);
    const byAccept = await call('GET', '/personal', 'alice', undefined, { accept: 'text/csv' });
    assert.equal(byAccept.body, exported.body);

    // Into Bob's list, without the ids (taken by Alice's contacts).
    const withoutIds = exported.body
      .replace(/,[0-9a-f-]{36},/g, ',,')
      .replace('firstname,id,', 'firstname,id,');
    const imported = await csvImport('bob', withoutIds);
    assert.equal(imported.statusCode, 201, imported.body);
    assert.deepEqual(imported.json().failed, []);
    const strip = (items: Record<string, string>[]) =>
      items
        .map(({ id: _id, ...rest }) => Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== '')))
        .sort((a, b) => String(a.firstname).localeCompare(String(b.firstname)));
    const aliceItems = (await call('GET', '/personal', 'alice')).json().items;
    const bobItems = (await call('GET', '/personal', 'bob')).json().items;
    assert.deepEqual(strip(bobItems), strip(aliceItems));
    assert.deepEqual(strip(aliceItems)[1], { firstname: 'Zoë', lastname: 'O"Brien, Jr', note: 'a\nb' });
    await call('DELETE', '/personal', 'alice');
    await call('DELETE', '/personal', 'bob');
  });

  it('when an import has bad lines, then the good ones are created and the bad ones listed by line', async () => {
    const existing = (await call('POST', '/personal', 'bob', { firstname: 'Taken' })).json();
    const document = [
      'id,firstname,lastname',
      ',Ann,Lee',
      ',Too,Many,Fields',
      ',Missing',
      `${existing.id},Dup,Id`,
      'keep-me,Kept,Id',
      '',
    ].join('\n');
    const res = await csvImport('alice', document);
    assert.equal(res.statusCode, 201, res.body);
    const body = res.json();
    assert.deepEqual(
      body.created.map((c: Record<string, string>) => c.firstname),
      ['Ann', 'Kept'],
    );
    assert.equal(body.created[1].id, 'keep-me');
    assert.deepEqual(body.failed, [
      { line: 3, errors: ['too many fields'] },
      { line: 4, errors: ['missing fields'] },
      { line: 5, errors: [`contact "${existing.id}" already exist`] },
    ]);
    // Importing the same again creates nothing new: the contacts answer their existing ids.
    const again = await csvImport('alice', 'firstname,lastname\nAnn,Lee\n');
    assert.equal(again.statusCode, 201);
    assert.equal(again.json().created[0].id, body.created[0].id);
    assert.equal((await call('GET', '/personal', 'alice')).json().items.length, 2);
    await call('DELETE', '/personal', 'alice');
    await call('DELETE', '/personal', 'bob');
  });

  it('when an import creates nothing, then 400 with the failures; a latin-1 document is read by its charset', async () => {
    const none = await csvImport('alice', 'firstname,lastname\nonly-one\n');
    assert.equal(none.statusCode, 400);
    assert.deepEqual(none.json().reason, [{ line: 2, errors: ['missing fields'] }]);
    const empty = await csvImport('alice', 'firstname\n');
    assert.equal(empty.statusCode, 400);
    assert.deepEqual(empty.json().reason, ['No contact found']);
    const badCharset = await csvImport('alice', 'a\nb\n', 'text/csv; charset=klingon');
    assert.equal(badCharset.statusCode, 400);
    assert.ok(Array.isArray(badCharset.json().reason));

    const latin1 = Buffer.concat([
      Buffer.from('firstname\n'),
      Buffer.from([0x48, 0xe9, 0x6c, 0xe8, 0x6e, 0x65, 0x0a]),
    ]);
    const res = await csvImport('alice', latin1, 'text/csv; charset=iso-8859-1');
    assert.equal(res.statusCode, 201, res.body);
    assert.equal(res.json().created[0].firstname, 'Hélène');
    await call('DELETE', '/personal', 'alice');
  });

  it('when the token has no user or lacks the ACL, then 401', async () => {
    const serviceToken = await call('GET', '/personal', 'service');
    assert.equal(serviceToken.statusCode, 401);
    assert.equal(serviceToken.json().error_id, 'invalid-token');
    assert.equal((await call('POST', '/personal', 'nothing', { a: 'b' })).statusCode, 401);
  });
});
