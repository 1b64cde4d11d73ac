/**
 * Conferences (Wazo's `conference`, ConfBridge rooms): a tenant's room with its pins, size,
 * recording and announcements; its extension (`conference_extension`, Wazo's extension of type
 * `conference`): at most one per conference, and an extension serves one conference at most.
 * Deleting a tenant deletes its conferences; deleting a conference frees its extension; an
 * extension still serving a conference cannot be deleted (Wazo refuses it as associated).
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE conference (
      id serial PRIMARY KEY,
      tenant_uuid uuid NOT NULL REFERENCES tenant (uuid) ON DELETE CASCADE,
      name varchar(128),
      preprocess_subroutine varchar(79),
      max_users integer NOT NULL DEFAULT 50 CHECK (max_users >= 0),
      record boolean NOT NULL DEFAULT false,
      pin varchar(80),
      admin_pin varchar(80),
      quiet_join_leave boolean NOT NULL DEFAULT false,
      announce_join_leave boolean NOT NULL DEFAULT false,
      announce_user_count boolean NOT NULL DEFAULT false,
      announce_only_user boolean NOT NULL DEFAULT true,
      music_on_hold varchar(128)
    );
    CREATE INDEX conference__idx__tenant_uuid ON conference (tenant_uuid);

    CREATE TABLE conference_extension (
      conference_id integer PRIMARY KEY REFERENCES conference (id) ON DELETE CASCADE,
      extension_id integer NOT NULL UNIQUE REFERENCES extension (id)
    );
  `.execute(db);
}
