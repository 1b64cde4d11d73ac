import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { createDirdTestDatabase, type DirdTestDatabase } from '../contacts/test-app.js';
import { createPhonebookCatalog } from './phonebook-catalog.js';
import { createPhonebooksService } from './phonebooks.service.js';

describe('phonebook catalog of the sources', () => {
  let database: DirdTestDatabase;
  before(async () => {
    database = await createDirdTestDatabase('wazo_dird_pb_catalog');
  });
  after(async () => {
    await database?.drop();
  });

  it("when phonebooks are described, then only the given tenants' ones are, with name and description", async () => {
    const [a, b] = [randomUUID(), randomUUID()];
    const phonebooks = createPhonebooksService({ db: database.db });
    const mine = await phonebooks.create(a, { name: 'Mine', description: 'd' });
    const theirs = await phonebooks.create(b, { name: 'Theirs' });
    const catalog = createPhonebookCatalog(database.db);
    const found = await catalog.describe([a], [mine.uuid, theirs.uuid, 'not-a-uuid']);
    assert.deepEqual(
      [...found.values()],
      [{ uuid: mine.uuid, tenantUuid: a, name: 'Mine', description: 'd' }],
    );
    assert.equal((await catalog.describe([], [mine.uuid])).size, 0);
  });
});
