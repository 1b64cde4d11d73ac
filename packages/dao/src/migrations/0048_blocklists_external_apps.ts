/**
 * What else a user keeps: its blocklist (`/users/me/blocklist/numbers`), numbers it refuses calls
 * from, each once, with a label; and external apps, named JSON settings of a tenant
 * (`/external/apps/{name}`) or of a user (`/users/{uuid}/external/apps/{name}`). A user's
 * blocklist and external apps go with the user (Wazo's foreign keys cascade the same way), a
 * tenant's with the tenant.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE blocklist (
      uuid uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_uuid uuid NOT NULL CONSTRAINT blocklist_tenant_uuid_fkey REFERENCES tenant (uuid) ON DELETE CASCADE,
      user_uuid uuid NOT NULL CONSTRAINT blocklist_user_uuid_key UNIQUE
        CONSTRAINT blocklist_user_uuid_fkey REFERENCES users (uuid) ON DELETE CASCADE
    );
    CREATE INDEX blocklist_tenant_uuid_idx ON blocklist (tenant_uuid);

    CREATE TABLE blocklist_number (
      uuid uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      blocklist_uuid uuid NOT NULL
        CONSTRAINT blocklist_number_blocklist_uuid_fkey REFERENCES blocklist (uuid) ON DELETE CASCADE,
      number text NOT NULL,
      label text,
      CONSTRAINT blocklist_number_number_blocklist_uuid_key UNIQUE (number, blocklist_uuid)
    );
    CREATE INDEX blocklist_number_blocklist_uuid_idx ON blocklist_number (blocklist_uuid);

    CREATE TABLE external_app (
      tenant_uuid uuid NOT NULL CONSTRAINT external_app_tenant_uuid_fkey REFERENCES tenant (uuid) ON DELETE CASCADE,
      name text NOT NULL,
      label text,
      configuration jsonb,
      CONSTRAINT external_app_pkey PRIMARY KEY (tenant_uuid, name)
    );

    CREATE TABLE user_external_app (
      user_uuid uuid NOT NULL
        CONSTRAINT user_external_app_user_uuid_fkey REFERENCES users (uuid) ON DELETE CASCADE,
      name text NOT NULL,
      label text,
      configuration jsonb,
      CONSTRAINT user_external_app_pkey PRIMARY KEY (user_uuid, name)
    );
  `.execute(db);
}
