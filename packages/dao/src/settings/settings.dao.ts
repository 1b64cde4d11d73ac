/**
 * The settings dao: a section's stored document, by name and tenant (null for the system's
 * sections). The caller decides which tenant; a missing row is `undefined` (the defaults apply).
 */
import { sql } from 'kysely';
import type { Tx } from '../db/unit-of-work.js';

const NO_TENANT = '00000000-0000-0000-0000-000000000000';

export function createSettingsDao() {
  return {
    async read(tx: Tx, name: string, tenantUuid: string | null): Promise<unknown | undefined> {
      const row = await tx.db
        .selectFrom('settings_section')
        .select('document')
        .where('name', '=', name)
        .where(sql<boolean>`tenant_uuid IS NOT DISTINCT FROM ${tenantUuid}::uuid`)
        .executeTakeFirst();
      return row?.document;
    },

    /** The section's document becomes `document` (inserted or replaced). */
    async write(tx: Tx, name: string, tenantUuid: string | null, document: unknown): Promise<void> {
      await sql`
        INSERT INTO settings_section (name, tenant_uuid, document)
        VALUES (${name}, ${tenantUuid}::uuid, ${JSON.stringify(document)}::json)
        ON CONFLICT (name, COALESCE(tenant_uuid, ${sql.lit(NO_TENANT)}::uuid))
        DO UPDATE SET document = EXCLUDED.document`.execute(tx.db);
    },
  };
}

export type SettingsDao = ReturnType<typeof createSettingsDao>;
