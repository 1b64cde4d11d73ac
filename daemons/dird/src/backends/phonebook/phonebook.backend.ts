/**
 * The `phonebook` backend (Wazo's phonebook plugin): a source over one phonebook of the source's
 * tenant (`phonebook_uuid`). Search and reverse as the personal backend; a phonebook that is
 * gone, or of another tenant, answers nothing.
 */
import { Type } from '@wazo-ts/daemon/schema';
import type { Backend } from '../backend.js';
import { type ContactsDependencies, contactsSource } from '../contacts-source.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const phonebookBackend: Backend = {
  name: 'phonebook',
  schema: Type.Object({ phonebook_uuid: Type.String({ format: 'uuid' }) }),
  load(source, dependencies) {
    const { db } = dependencies as ContactsDependencies;
    const phonebookUuid = String(source.extern.phonebook_uuid ?? '');
    // Checked on each call: the phonebook may be deleted (its source stays, as in Wazo).
    const owner = async () => {
      if (!UUID.test(phonebookUuid)) return null;
      const found = await db
        .selectFrom('dird_phonebook')
        .select('uuid')
        .where('uuid', '=', phonebookUuid)
        .where('tenant_uuid', '=', source.tenantUuid)
        .executeTakeFirst();
      return found ? { phonebookUuid: found.uuid } : null;
    };
    return contactsSource(source, dependencies as ContactsDependencies, owner);
  },
};
