/**
 * The sizes of the budget, on a real database: a 10,000-entry phonebook imported from
 * CSV in one request, and 1,000 personal contacts; a search answers through the trigram index
 * (the plan is checked, not a wall-clock time, which a loaded machine would make flaky).
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { contactsDao } from '../contacts/contacts.dao.js';
import {
  buildContactsTestApi,
  type ContactsTestApi,
  createDirdTestDatabase,
  type DirdTestDatabase,
} from '../contacts/test-app.js';
import { createPersonalService } from '../personal/personal.service.js';
import { phonebooksPlugin } from '../phonebooks/phonebooks.routes.js';
import { BACKENDS } from './registry.js';

describe('contacts at scale', { timeout: 120_000 }, () => {
  let database: DirdTestDatabase;
  let api: ContactsTestApi;
  const tenant = randomUUID();
  const user = { uuid: randomUUID(), tenantUuid: tenant };
  let phonebookUuid: string;

  before(async () => {
    database = await createDirdTestDatabase('wazo_dird_scale');
    api = await buildContactsTestApi(database, [phonebooksPlugin]);
    api.verifier.add({ token: 'admin', acl: ['dird.phonebooks.#'], metadata: { tenant_uuid: tenant } });
  });
  after(async () => {
    await api?.close();
    await database?.drop();
  });

  it('when a 10,000-line CSV is imported, then every contact is created in one request', async () => {
    const created = await api.app.inject({
      method: 'POST',
      url: '/0.1/phonebooks',
      headers: { 'x-auth-token': 'admin' },
      payload: { name: 'Big' },
    });
    phonebookUuid = created.json().uuid;
    const lines = ['firstname,lastname,number,email'];
    for (let i = 0; i < 10_000; i += 1) lines.push(`Fírst${i},Låst${i},${100000 + i},user${i}@example.com`);
    const res = await api.app.inject({
      method: 'POST',
      url: `/0.1/phonebooks/${phonebookUuid}/contacts/import`,
      headers: { 'x-auth-token': 'admin', 'content-type': 'text/csv; charset=utf-8' },
      payload: lines.join('\n'),
    });
    assert.equal(res.statusCode, 201, res.body.slice(0, 500));
    assert.equal(res.json().created.length, 10_000);
    assert.equal(await contactsDao.count(database.db, { phonebookUuid }), 10_000);
  });

  it('when the big phonebook and 1,000 personal contacts are searched, then the answers are right and the trigram index is used', async () => {
    const personal = createPersonalService({ db: database.db });
    const document = ['firstname,lastname,number'];
    for (let i = 0; i < 1_000; i += 1) document.push(`Pérsonal${i},Contact${i},${200000 + i}`);
    assert.equal((await personal.import(user, document.join('\n'))).created.length, 1_000);
    await sql`ANALYZE`.execute(database.db);

    const context = {
      tenantUuid: tenant,
      userUuid: user.uuid,
      token: 't',
      signal: new AbortController().signal,
    };
    const config = {
      uuid: randomUUID(),
      tenantUuid: tenant,
      name: 'x',
      searchedColumns: ['firstname', 'lastname', 'number'],
      firstMatchedColumns: ['number'],
      formatColumns: {},
    };
    const phonebook = BACKENDS.phonebook?.load(
      { ...config, backend: 'phonebook', extern: { phonebook_uuid: phonebookUuid } },
      { db: database.db },
    );
    const mine = BACKENDS.personal?.load({ ...config, backend: 'personal', extern: {} }, { db: database.db });
    const found = await phonebook?.search('LAST9999', context);
    assert.deepEqual(
      found?.map((e) => e.fields.lastname),
      ['Låst9999'],
    );
    assert.equal((await phonebook?.firstMatch('109999', context))?.fields.firstname, 'Fírst9999');
    assert.equal((await mine?.search('personal999', context))?.length, 1);

    const plan = await sql<{ 'QUERY PLAN': string }>`EXPLAIN SELECT DISTINCT c.uuid
      FROM dird_contact_fields f JOIN dird_contact c ON c.uuid = f.contact_uuid
      WHERE c.phonebook_uuid = ${phonebookUuid} AND f.name IN ('firstname', 'lastname', 'number')
        AND dird_unaccent(f.value) ILIKE dird_unaccent('%last9999%')`.execute(database.db);
    const text = plan.rows.map((row) => row['QUERY PLAN']).join('\n');
    assert.match(text, /dird_contact_fields_value_trgm_idx/, text);
  });
});
