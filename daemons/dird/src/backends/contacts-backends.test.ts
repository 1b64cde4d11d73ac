/**
 * The personal and phonebook backends on a real database, as the lookup services call them:
 * accent- and case-insensitive search on the searched columns only, exact reverse on the
 * first-matched columns, list by ids; a user sees only its own contacts, a source only its
 * tenant's phonebook.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { contactsDao } from '../contacts/contacts.dao.js';
import { createDirdTestDatabase, type DirdTestDatabase } from '../contacts/test-app.js';
import { createPersonalService } from '../personal/personal.service.js';
import { createPhonebooksService } from '../phonebooks/phonebooks.service.js';
import type { LoadedSource, LookupContext, SourceConfig } from './backend.js';
import { BACKENDS } from './registry.js';

describe('personal and phonebook backends', () => {
  let database: DirdTestDatabase;
  const tenant = randomUUID();
  const otherTenant = randomUUID();
  const alice = { uuid: randomUUID(), tenantUuid: tenant };
  const bob = { uuid: randomUUID(), tenantUuid: tenant };
  const context = (userUuid: string | null): LookupContext => ({
    tenantUuid: tenant,
    userUuid,
    token: 't',
    signal: new AbortController().signal,
  });
  const sourceOf = (
    backend: string,
    extern: Record<string, unknown> = {},
    tenantUuid = tenant,
  ): SourceConfig => ({
    uuid: randomUUID(),
    tenantUuid,
    name: backend,
    backend,
    searchedColumns: ['firstname', 'lastname', 'number'],
    firstMatchedColumns: ['number', 'mobile'],
    formatColumns: {},
    extern,
  });
  const load = (config: SourceConfig): LoadedSource =>
    (BACKENDS[config.backend] ?? assert.fail(`no ${config.backend} backend`)).load(config, {
      db: database.db,
    });
  const names = (entries: { fields: Record<string, unknown> }[]) =>
    entries.map((e) => e.fields.firstname).sort();
  let phonebookUuid: string;

  before(async () => {
    database = await createDirdTestDatabase('wazo_dird_backends');
    const personal = createPersonalService({ db: database.db });
    await personal.create(alice, { firstname: 'Hélène', lastname: 'Dupré', number: '1001' });
    await personal.create(alice, { firstname: 'Bob', lastname: 'Marley', mobile: '5550001', note: 'helene' });
    await personal.create(bob, { firstname: 'Helena', number: '1001' });
    const phonebooks = createPhonebooksService({ db: database.db });
    phonebookUuid = (await phonebooks.create(tenant, { name: 'Company' })).uuid;
    await phonebooks.createContact([tenant], phonebookUuid, {
      firstname: 'Émile',
      lastname: 'Zola',
      number: '2002',
    });
    await phonebooks.createContact([tenant], phonebookUuid, { firstname: 'Ann', number: '100%' });
  });
  after(async () => {
    await database?.drop();
  });

  it('when a user searches the personal source, then only its contacts match, accents and case ignored, on searched columns', async () => {
    const source = load(sourceOf('personal'));
    assert.deepEqual(names(await source.search('HELENE', context(alice.uuid))), ['Hélène']);
    assert.deepEqual(names(await source.search('dupre', context(alice.uuid))), ['Hélène']);
    assert.deepEqual(names(await source.search('helen', context(bob.uuid))), ['Helena']);
    assert.deepEqual(await source.search('helene', context(null)), []);
    const [entry] = await source.search('marley', context(alice.uuid));
    assert.equal(entry?.relations.source_entry_id, entry?.fields.id);
    assert.equal(entry?.relations.user_uuid, null);
  });

  it('when a number is reversed, then the first-matched columns are compared exactly, per user', async () => {
    const source = load(sourceOf('personal'));
    assert.equal((await source.firstMatch('5550001', context(alice.uuid)))?.fields.firstname, 'Bob');
    assert.equal(await source.firstMatch('555000', context(alice.uuid)), null);
    assert.equal((await source.firstMatch('1001', context(bob.uuid)))?.fields.firstname, 'Helena');
    const all = await source.matchAll?.(['1001', '5550001', '999'], context(alice.uuid));
    assert.deepEqual([...(all ?? new Map())].map(([exten, e]) => [exten, e.fields.firstname]).sort(), [
      ['1001', 'Hélène'],
      ['5550001', 'Bob'],
    ]);
  });

  it("when favorites list ids, then only the user's own contacts come back", async () => {
    const source = load(sourceOf('personal'));
    const aliceIds = (await source.search('', context(alice.uuid))).map((e) => String(e.fields.id));
    assert.equal(aliceIds.length, 2);
    const bobIds = (await source.search('', context(bob.uuid))).map((e) => String(e.fields.id));
    assert.deepEqual(names(await source.list([...aliceIds, ...bobIds], context(alice.uuid))), [
      'Bob',
      'Hélène',
    ]);
  });

  it("when a phonebook source is searched, then its phonebook's contacts match; wildcards are literal", async () => {
    const source = load(sourceOf('phonebook', { phonebook_uuid: phonebookUuid }));
    assert.deepEqual(names(await source.search('emile', context(null))), ['Émile']);
    assert.deepEqual(names(await source.search('%', context(null))), ['Ann']);
    assert.equal((await source.firstMatch('2002', context(alice.uuid)))?.fields.lastname, 'Zola');
    const [entry] = await source.search('zola', context(null));
    assert.deepEqual(names(await source.list([String(entry?.fields.id)], context(null))), ['Émile']);
  });

  it('when a phonebook source is of another tenant or its phonebook is unknown, then it finds nothing', async () => {
    const foreign = load(sourceOf('phonebook', { phonebook_uuid: phonebookUuid }, otherTenant));
    assert.deepEqual(await foreign.search('emile', context(null)), []);
    assert.equal(await foreign.firstMatch('2002', context(null)), null);
    const unknown = load(sourceOf('phonebook', { phonebook_uuid: randomUUID() }));
    assert.deepEqual(await unknown.search('emile', context(null)), []);
    const invalid = load(sourceOf('phonebook', { phonebook_uuid: 'not-a-uuid' }));
    assert.deepEqual(await invalid.search('emile', context(null)), []);
  });

  it('when searched columns do not include a field, then a match on it is not a result', async () => {
    // Bob's note says "helene", but `note` is not searched.
    const source = load(sourceOf('personal'));
    assert.deepEqual(names(await source.search('helene', context(alice.uuid))), ['Hélène']);
    const byNote = load({ ...sourceOf('personal'), searchedColumns: ['note'] });
    assert.deepEqual(names(await byNote.search('helene', context(alice.uuid))), ['Bob']);
    assert.equal(await contactsDao.count(database.db, { userUuid: alice.uuid }), 2);
  });
});
