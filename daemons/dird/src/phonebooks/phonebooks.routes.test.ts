/**
 * /phonebooks on a real database: tenant isolation (Wazo-Tenant), phonebook and contact CRUD,
 * the 409s, contact listing parameters, and the CSV import with its error ids.
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
import { phonebooksPlugin } from './phonebooks.routes.js';

describe('phonebooks API', () => {
  let database: DirdTestDatabase;
  let api: ContactsTestApi;
  const tenant = randomUUID();
  const other = randomUUID();

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
  const importCsv = (token: string, phonebook: string, body: string | Buffer, contentType = 'text/csv') =>
    call('POST', `/phonebooks/${phonebook}/contacts/import`, token, body, { 'content-type': contentType });
  const newPhonebook = async (token: string, name: string) => {
    const res = await call('POST', '/phonebooks', token, { name, description: `the ${name}` });
    assert.equal(res.statusCode, 201, res.body);
    return res.json();
  };

  before(async () => {
    database = await createDirdTestDatabase();
    api = await buildContactsTestApi(database, [phonebooksPlugin]);
    api.verifier.add({ token: 'admin', acl: ['dird.phonebooks.#'], metadata: { tenant_uuid: tenant } });
    api.verifier.add({ token: 'other', acl: ['dird.phonebooks.#'], metadata: { tenant_uuid: other } });
    api.verifier.add({ token: 'reader', acl: ['dird.phonebooks.read'], metadata: { tenant_uuid: tenant } });
  });
  after(async () => {
    await api?.close();
    await database?.drop();
  });

  it('when a phonebook is created, then 201 with id and uuid; its name is unique in the tenant only', async () => {
    const phonebook = await newPhonebook('admin', 'Company');
    assert.equal(phonebook.tenant_uuid, tenant);
    assert.equal(typeof phonebook.id, 'number');
    assert.equal(phonebook.description, 'the Company');
    const dup = await call('POST', '/phonebooks', 'admin', { name: 'Company' });
    assert.equal(dup.statusCode, 409);
    assert.deepEqual(dup.json().reason, ['Duplicating phonebook']);
    await newPhonebook('other', 'Company');
    assert.deepEqual((await call('GET', `/phonebooks/${phonebook.uuid}`, 'admin')).json(), phonebook);
    const bad = await call('POST', '/phonebooks', 'admin', { description: 'no name' });
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json().status_code, 400);
  });

  it("when a tenant touches another tenant's phonebook, then 404 and nothing changes", async () => {
    const mine = await newPhonebook('admin', 'Private');
    await call('POST', `/phonebooks/${mine.uuid}/contacts`, 'admin', { firstname: 'Secret' });
    for (const [method, url, body] of [
      ['GET', `/phonebooks/${mine.uuid}`],
      ['PUT', `/phonebooks/${mine.uuid}`, { name: 'Stolen' }],
      ['DELETE', `/phonebooks/${mine.uuid}`],
      ['GET', `/phonebooks/${mine.uuid}/contacts`],
      ['POST', `/phonebooks/${mine.uuid}/contacts`, { firstname: 'Intruder' }],
    ] as const) {
      const res = await call(method, url, 'other', body);
      assert.equal(res.statusCode, 404, `${method} ${url}: ${res.body}`);
      assert.deepEqual(res.json().reason, [`No such phonebook: ${mine.uuid}`]);
    }
    // The same through Wazo-Tenant: a token of `other` may not ask for `tenant` (401).
    assert.equal(
      (await call('GET', '/phonebooks', 'other', undefined, { 'wazo-tenant': tenant })).statusCode,
      401,
    );
    const names = (await call('GET', '/phonebooks', 'other'))
      .json()
      .items.map((p: { name: string }) => p.name);
    assert.deepEqual(names, ['Company']);
    assert.equal((await call('GET', `/phonebooks/${mine.uuid}/contacts`, 'admin')).json().total, 1);
    assert.equal((await call('GET', `/phonebooks/${mine.uuid}`, 'admin')).json().name, 'Private');
  });

  it('when phonebooks are listed, then search, order, direction, limit and offset apply and total counts the matches', async () => {
    await newPhonebook('admin', 'Suppliers');
    const all = (await call('GET', '/phonebooks', 'admin')).json();
    assert.deepEqual(
      all.items.map((p: { name: string }) => p.name),
      ['Company', 'Private', 'Suppliers'],
    );
    assert.equal(all.total, 3);
    const page = (
      await call('GET', '/phonebooks?order=name&direction=desc&limit=1&offset=1', 'admin')
    ).json();
    assert.deepEqual(
      page.items.map((p: { name: string }) => p.name),
      ['Private'],
    );
    assert.equal(page.total, 3);
    const found = (await call('GET', '/phonebooks?search=SUPP', 'admin')).json();
    assert.equal(found.total, 1);
    assert.equal((await call('GET', '/phonebooks?order=tenant_uuid', 'admin')).statusCode, 400);
    assert.equal((await call('GET', '/phonebooks', 'reader')).statusCode, 200);
    assert.equal((await call('POST', '/phonebooks', 'reader', { name: 'x' })).statusCode, 401);
  });

  it("when phonebooks are listed with recurse, then the sub-tenants' ones are included, never a sibling's", async () => {
    const child = randomUUID();
    api.subtenants.set(tenant, [child]);
    api.verifier.addSubtenant(tenant, child);
    api.verifier.add({ token: 'child', acl: ['dird.phonebooks.#'], metadata: { tenant_uuid: child } });
    const childBook = await newPhonebook('child', 'Child book');
    const names = async (url: string, token = 'admin') =>
      (await call('GET', url, token)).json().items.map((p: { name: string }) => p.name);
    assert.ok(!(await names('/phonebooks')).includes('Child book'));
    assert.ok((await names('/phonebooks?recurse=true')).includes('Child book'));
    assert.ok(!(await names('/phonebooks?recurse=true', 'other')).includes('Child book'));
    // Item routes do not recurse, as Wazo's.
    assert.equal((await call('GET', `/phonebooks/${childBook.uuid}`, 'admin')).statusCode, 404);
    assert.equal(
      (await call('GET', `/phonebooks/${childBook.uuid}`, 'admin', undefined, { 'wazo-tenant': child }))
        .statusCode,
      200,
    );
    await call('DELETE', `/phonebooks/${childBook.uuid}`, 'child');
  });

  it('when a phonebook is edited or deleted, then 200 with it, a taken name is a 409, and its contacts go with it', async () => {
    const phonebook = await newPhonebook('admin', 'Temp');
    const edited = await call('PUT', `/phonebooks/${phonebook.uuid}`, 'admin', {
      name: 'Temporary',
      description: null,
    });
    assert.equal(edited.statusCode, 200, edited.body);
    assert.deepEqual(edited.json(), { ...phonebook, name: 'Temporary', description: null });
    assert.equal(
      (await call('PUT', `/phonebooks/${phonebook.uuid}`, 'admin', { name: 'Company' })).statusCode,
      409,
    );
    const contact = (
      await call('POST', `/phonebooks/${phonebook.uuid}/contacts`, 'admin', { firstname: 'A' })
    ).json();
    assert.equal((await call('DELETE', `/phonebooks/${phonebook.uuid}`, 'admin')).statusCode, 204);
    assert.equal((await call('GET', `/phonebooks/${phonebook.uuid}`, 'admin')).statusCode, 404);
    const left = await database.db
      .selectFrom('dird_contact')
      .select('uuid')
      .where('uuid', '=', contact.id)
      .execute();
    assert.deepEqual(left, []);
  });

  it('when contacts are added, edited and deleted, then an identical one is a 409 and ids are the server’s', async () => {
    const phonebook = await newPhonebook('admin', 'Contacts');
    const base = `/phonebooks/${phonebook.uuid}/contacts`;
    const created = await call('POST', base, 'admin', { firstname: 'Ann', number: '100', id: 'mine' });
    assert.equal(created.statusCode, 201, created.body);
    const ann = created.json();
    assert.notEqual(ann.id, 'mine');
    assert.deepEqual(ann, { firstname: 'Ann', number: '100', id: ann.id });
    const dup = await call('POST', base, 'admin', { number: '100', firstname: 'Ann' });
    assert.equal(dup.statusCode, 409);
    assert.deepEqual(dup.json().reason, ['Duplicate contact']);
    assert.deepEqual((await call('POST', base, 'admin', {})).json().reason, ['Contacts cannot be empty']);
    assert.deepEqual((await call('POST', base, 'admin', { '': 'x' })).json().reason, [
      'Contacts cannot have empty keys',
    ]);
    const bob = (await call('POST', base, 'admin', { firstname: 'Bob' })).json();
    assert.equal(
      (await call('PUT', `${base}/${bob.id}`, 'admin', { firstname: 'Ann', number: '100' })).statusCode,
      409,
    );
    const edited = await call('PUT', `${base}/${bob.id}`, 'admin', { firstname: 'Robert', lastname: 'B' });
    assert.deepEqual(edited.json(), { firstname: 'Robert', lastname: 'B', id: bob.id });
    assert.deepEqual((await call('GET', `${base}/${bob.id}`, 'admin')).json(), edited.json());
    assert.equal((await call('DELETE', `${base}/${bob.id}`, 'admin')).statusCode, 204);
    const gone = await call('GET', `${base}/${bob.id}`, 'admin');
    assert.equal(gone.statusCode, 404);
    assert.deepEqual(gone.json().reason, [`No such contact: ${bob.id}`]);
  });

  it('when contacts are listed, then they sort by name case-insensitively, search ignores accents, and total counts matches', async () => {
    const phonebook = await newPhonebook('admin', 'Sorted');
    const base = `/phonebooks/${phonebook.uuid}/contacts`;
    for (const name of ['bravo', 'Alpha', 'Hélène', 'charlie']) await call('POST', base, 'admin', { name });
    await call('POST', base, 'admin', { firstname: 'no name' });
    const names = (url: string) =>
      call('GET', url, 'admin').then((r) => r.json().items.map((c: { name?: string }) => c.name ?? null));
    assert.deepEqual(await names(base), ['Alpha', 'bravo', 'charlie', 'Hélène', null]);
    assert.deepEqual(await names(`${base}?direction=desc&limit=2`), ['Hélène', 'charlie']);
    assert.deepEqual(await names(`${base}?offset=3`), ['Hélène', null]);
    const search = (await call('GET', `${base}?search=helene`, 'admin')).json();
    assert.deepEqual(
      search.items.map((c: { name: string }) => c.name),
      ['Hélène'],
    );
    assert.equal(search.total, 1);
    assert.equal((await call('GET', `${base}?search=%25`, 'admin')).json().total, 0);
  });

  it('when a CSV is imported, then its contacts are created (accents, quotes) and those the phonebook has are skipped', async () => {
    const phonebook = await newPhonebook('admin', 'Imported');
    await call('POST', `/phonebooks/${phonebook.uuid}/contacts`, 'admin', {
      firstname: 'Ann',
      lastname: 'Lee',
    });
    const document = 'firstname,lastname\r\nAnn,Lee\r\nZoë,"O""Brien, Jr"\r\n\r\nÉric,Dupré\r\n';
    const res = await importCsv('admin', phonebook.uuid, document, 'text/csv; charset=utf-8');
    assert.equal(res.statusCode, 201, res.body);
    assert.deepEqual(
      res.json().created.map((c: Record<string, string>) => [c.firstname, c.lastname]),
      [
        ['Zoë', 'O"Brien, Jr'],
        ['Éric', 'Dupré'],
      ],
    );
    assert.deepEqual(res.json().failed, []);
    assert.equal((await call('GET', `/phonebooks/${phonebook.uuid}/contacts`, 'admin')).json().total, 3);
    const latin1 = Buffer.from('firstname\nJos\xe9\n', 'latin1');
    const decoded = await importCsv('admin', phonebook.uuid, latin1, 'text/csv; charset=latin1');
    assert.equal(decoded.json().created[0].firstname, 'José');
  });

  it('when an import is refused, then 400 with the error id of its reason and nothing created', async () => {
    const phonebook = await newPhonebook('admin', 'Refused');
    const refused = async (body: string, errorId: string, contentType?: string) => {
      const res = await importCsv('admin', phonebook.uuid, body, contentType);
      assert.equal(res.statusCode, 400, res.body);
      assert.equal(res.json().error_id, errorId, res.body);
      return res.json();
    };
    const dup = await refused('a,b,a\n1,2,3\n', 'phonebook-contact-import-duplicate-columns');
    assert.deepEqual(dup.details.duplicates, ['a']);
    await refused('firstname\n', 'phonebook-contact-import-empty-file');
    await refused('', 'phonebook-contact-import-empty-file');
    await refused('a\nb\n', 'phonebook-contact-import-bad-encoding', 'text/csv; charset=klingon');
    await refused('a,b\n"unclosed,2\n', 'phonebook-contact-import-invalid-file');
    const bad = await refused(
      'firstname,lastname\nAnn,Lee\nToo,Many,Values\n',
      'phonebook-contact-import-bad-contacts',
    );
    assert.deepEqual(bad.details.errors, [
      {
        contact: { firstname: 'Too', lastname: 'Many' },
        message: 'Contacts cannot have null keys',
        index: 1,
      },
    ]);
    assert.equal((await call('GET', `/phonebooks/${phonebook.uuid}/contacts`, 'admin')).json().total, 0);
    const unknown = await importCsv('admin', randomUUID(), 'a\nb\n');
    assert.equal(unknown.statusCode, 404);
    assert.ok(unknown.json().reason);
  });
});
