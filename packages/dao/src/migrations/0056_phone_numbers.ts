/**
 * Phone numbers (Wazo's `phone_number`): the numbers a tenant owns, each at most once per tenant,
 * with a caller id name; a shared number may be presented by every user, and one number per
 * tenant may be its main number (always shared). Deleting a tenant deletes its numbers.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE phone_number (
      uuid uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_uuid uuid NOT NULL REFERENCES tenant (uuid) ON DELETE CASCADE,
      number text NOT NULL,
      caller_id_name text,
      shared boolean NOT NULL DEFAULT false,
      main boolean NOT NULL DEFAULT false,
      CONSTRAINT phone_number_number_tenant_uuid_key UNIQUE (number, tenant_uuid),
      CONSTRAINT phone_number_shared_if_main CHECK (CASE WHEN main THEN shared ELSE true END)
    );
    CREATE INDEX phone_number_tenant_uuid_idx ON phone_number (tenant_uuid);
    CREATE UNIQUE INDEX phone_number_only_one_main_allowed ON phone_number (main, tenant_uuid) WHERE main IS TRUE;
  `.execute(db);
}
