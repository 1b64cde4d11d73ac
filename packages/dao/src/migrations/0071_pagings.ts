/**
 * Pagings (Wazo's `paging`): a number that rings its members at once, callable by its callers,
 * with Wazo's options (duplex, recording, announcements). The number is unique across tenants,
 * as Wazo's. `paging_user` holds both lists (`caller` true for a caller, false for a member);
 * deleting a paging or a user deletes its rows.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE paging (
      id serial PRIMARY KEY,
      tenant_uuid uuid NOT NULL REFERENCES tenant (uuid) ON DELETE CASCADE,
      number varchar(32) NOT NULL CONSTRAINT paging_number_key UNIQUE,
      name varchar(128),
      announce_caller boolean NOT NULL DEFAULT true,
      announce_sound varchar(64),
      caller_notification boolean NOT NULL DEFAULT true,
      duplex boolean NOT NULL DEFAULT false,
      ignore_forward boolean NOT NULL DEFAULT false,
      record boolean NOT NULL DEFAULT false,
      enabled boolean NOT NULL DEFAULT true
    );
    CREATE INDEX paging__idx__tenant_uuid ON paging (tenant_uuid);

    CREATE TABLE paging_user (
      paging_id integer NOT NULL REFERENCES paging (id) ON DELETE CASCADE,
      user_id integer NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      caller boolean NOT NULL,
      position integer NOT NULL DEFAULT 0,
      PRIMARY KEY (paging_id, user_id, caller)
    );
    CREATE INDEX paging_user__idx__user_id ON paging_user (user_id);
  `.execute(db);
}
