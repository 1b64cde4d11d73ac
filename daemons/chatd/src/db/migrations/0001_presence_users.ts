/** Tenants and users as wazo-chatd keeps them (Wazo's chatd_tenant and chatd_user). */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE chatd_tenant (
      uuid uuid PRIMARY KEY
    );
    CREATE TABLE chatd_user (
      uuid uuid PRIMARY KEY,
      tenant_uuid uuid NOT NULL REFERENCES chatd_tenant(uuid) ON DELETE CASCADE,
      state varchar(24) NOT NULL CHECK (state IN ('available', 'away', 'unavailable', 'invisible')),
      status text,
      do_not_disturb boolean NOT NULL DEFAULT false,
      last_activity timestamptz
    );
    CREATE INDEX chatd_user__idx__tenant_uuid ON chatd_user (tenant_uuid);
  `.execute(db);
}
