/**
 * Settings sections: documents read and replaced as a whole (`/asterisk/pjsip/global`,
 * `/emails`, `/localization`...). One row per section, or per section and tenant for the
 * per-tenant ones; a section without a row reads as Wazo's populated defaults, kept with its
 * declaration. `json` (not `jsonb`) keeps an options object's key order, which Asterisk reads.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE settings_section (
      id serial PRIMARY KEY,
      name varchar(64) NOT NULL,
      tenant_uuid uuid REFERENCES tenant (uuid) ON DELETE CASCADE,
      document json NOT NULL
    )`.execute(db);
  await sql`
    CREATE UNIQUE INDEX settings_section_name_tenant_key
    ON settings_section (name, COALESCE(tenant_uuid, '00000000-0000-0000-0000-000000000000'::uuid))
  `.execute(db);
}
