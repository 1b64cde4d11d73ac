/**
 * Music on hold classes (Wazo's `moh`): a tenant's class, named `moh-<tenant slug>-<uuid>` at
 * creation (the name users, groups and applications give as `music_on_hold`, unique), with its
 * label, how Asterisk plays it (`mode`: files, mp3 or a custom `application`) and in which order.
 * Its files live on disk, not here. Deleting a tenant deletes its classes.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE moh (
      uuid uuid PRIMARY KEY,
      tenant_uuid uuid NOT NULL REFERENCES tenant (uuid) ON DELETE CASCADE,
      name text NOT NULL,
      label text NOT NULL,
      mode text NOT NULL CHECK (mode IN ('custom', 'files', 'mp3')),
      application text,
      sort text CHECK (sort IN ('alphabetical', 'random', 'random_start')),
      CONSTRAINT moh_name_key UNIQUE (name)
    );
    CREATE INDEX moh_tenant_uuid_idx ON moh (tenant_uuid);
  `.execute(db);
}
