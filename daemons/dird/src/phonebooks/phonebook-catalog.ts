/** The phonebooks phonebook sources are made from (the sources' PhonebookCatalog), read from dird's table. */
import type { Kysely } from 'kysely';
import type { DirdDatabase } from '../db/schema.js';
import type { PhonebookCatalog, PhonebookSummary } from '../sources/phonebook-catalog.js';

export function createPhonebookCatalog(db: Kysely<DirdDatabase>): PhonebookCatalog {
  return {
    async describe(tenantUuids, uuids) {
      const found = new Map<string, PhonebookSummary>();
      const valid = uuids.filter((uuid) => /^[0-9a-f-]{36}$/i.test(uuid));
      if (tenantUuids.length === 0 || valid.length === 0) return found;
      const rows = await db
        .selectFrom('dird_phonebook')
        .select(['uuid', 'tenant_uuid', 'name', 'description'])
        .where('tenant_uuid', 'in', tenantUuids)
        .where('uuid', 'in', valid)
        .execute();
      for (const row of rows)
        found.set(row.uuid, {
          uuid: row.uuid,
          tenantUuid: row.tenant_uuid,
          name: row.name,
          description: row.description,
        });
      return found;
    },
  };
}
