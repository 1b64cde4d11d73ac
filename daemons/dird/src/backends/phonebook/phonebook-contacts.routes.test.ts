/** GET /backends/phonebook/sources/{uuid}/contacts: a phonebook source's contacts, tenant-scoped. */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import {
  buildContactsTestApi,
  type ContactsTestApi,
  createDirdTestDatabase,
  type DirdTestDatabase,
} from '../../contacts/test-app.js';
import { createPhonebooksService } from '../../phonebooks/phonebooks.service.js';
import { phonebookSourceContactsPlugin } from './phonebook-contacts.routes.js';

describe('phonebook source contacts', () => {
  let database: DirdTestDatabase;
  let api: ContactsTestApi;
  const tenant = randomUUID();
  let source: string;
  let orphan: string;

  const get = (url: string, token = 'admin') =>
    api.app.inject({
      method: 'GET',
      url: `/0.1/backends/phonebook/sources/${url}`,
      headers: { 'x-auth-token': token },
    });

  async function insertSource(phonebookUuid: string): Promise<string> {
    const uuid = randomUUID();
    await database.db
      .insertInto('dird_source')
      .values({
        uuid,
        tenant_uuid: tenant,
        name: `pb ${uuid}`,
        backend: 'phonebook',
        searched_columns: ['firstname'],
        first_matched_columns: [],
        format_columns: '{}',
        extern: JSON.stringify({ phonebook_uuid: phonebookUuid }),
      })
      .execute();
    return uuid;
  }

  before(async () => {
    database = await createDirdTestDatabase('wazo_dird_pb_source');
    api = await buildContactsTestApi(database, [phonebookSourceContactsPlugin]);
    api.verifier.add({ token: 'admin', acl: ['dird.backends.#'], metadata: { tenant_uuid: tenant } });
    api.verifier.add({
      token: 'stranger',
      acl: ['dird.backends.#'],
      metadata: { tenant_uuid: randomUUID() },
    });
    const phonebooks = createPhonebooksService({ db: database.db });
    const phonebook = await phonebooks.create(tenant, { name: 'Company' });
    for (const name of ['Charlie', 'alice', 'Bob'])
      await phonebooks.createContact([tenant], phonebook.uuid, { name });
    source = await insertSource(phonebook.uuid);
    orphan = await insertSource(randomUUID());
  });
  after(async () => {
    await api?.close();
    await database?.drop();
  });

  it('when listed, then total, filtered and the page of contacts sorted by name', async () => {
    const res = await get(`${source}/contacts?limit=2`);
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json();
    assert.equal(body.total, 3);
    assert.equal(body.filtered, 3);
    assert.deepEqual(
      body.items.map((c: { name: string }) => c.name),
      ['alice', 'Bob'],
    );
    const searched = (await get(`${source}/contacts?search=CHAR`)).json();
    assert.equal(searched.total, 3);
    assert.equal(searched.filtered, 1);
  });

  it("when the source is another tenant's or its phonebook is gone, then 404", async () => {
    const foreign = await get(`${source}/contacts`, 'stranger');
    assert.equal(foreign.statusCode, 404);
    assert.equal(foreign.json().error_id, 'unknown-source');
    const gone = await get(`${orphan}/contacts`);
    assert.equal(gone.statusCode, 404);
    assert.equal(gone.json().error_id, 'unknown-phonebook');
  });
});
