/**
 * The tenant mirror. Every tenant-scoped table references `tenant (uuid)` ON DELETE CASCADE:
 * deleting a tenant (wazo-auth's `auth_tenant_deleted`, or the sync) purges all its rows.
 * The slug is not unique here: wazo-auth enforces that, and a mirror that refused a row would
 * stall the sync on a stale entry (a deleted tenant whose slug was reused before we heard of it).
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE tenant (
      uuid uuid PRIMARY KEY,
      slug varchar(10) CONSTRAINT tenant_slug_format CHECK (slug ~ '^[A-Za-z0-9_]{1,10}$'),
      name varchar(128),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX tenant_slug_idx ON tenant (lower(slug))`.execute(db);
}
