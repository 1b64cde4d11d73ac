/**
 * Rooms, their participants and their messages, as Wazo names them (chatd_room, chatd_room_user,
 * chatd_room_message). A room belongs to a tenant and goes with it. Message searches call
 * `unaccent()` ("cafe" finds "café"): the contrib extension where the server has it, else a
 * same-named function that returns its argument (matching is then only case-insensitive).
 */
import { type Kysely, sql } from 'kysely';

async function ensureUnaccent(db: Kysely<unknown>): Promise<void> {
  const { rows } = await sql`SELECT 1 FROM pg_available_extensions WHERE name = 'unaccent'`.execute(db);
  if (rows.length > 0) {
    // A role that may not create extensions must not abort the migration's transaction.
    await sql`SAVEPOINT chatd_unaccent`.execute(db);
    try {
      await sql`CREATE EXTENSION IF NOT EXISTS unaccent`.execute(db);
      await sql`RELEASE SAVEPOINT chatd_unaccent`.execute(db);
      return;
    } catch {
      await sql`ROLLBACK TO SAVEPOINT chatd_unaccent`.execute(db);
    }
  }
  await sql`CREATE OR REPLACE FUNCTION unaccent(text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS 'SELECT $1'`.execute(db);
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await ensureUnaccent(db);
  await sql`
    CREATE TABLE chatd_room (
      uuid uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      name text,
      tenant_uuid uuid NOT NULL REFERENCES chatd_tenant(uuid) ON DELETE CASCADE
    );
    CREATE INDEX chatd_room__idx__tenant_uuid ON chatd_room (tenant_uuid);

    CREATE TABLE chatd_room_user (
      room_uuid uuid NOT NULL REFERENCES chatd_room(uuid) ON DELETE CASCADE,
      uuid uuid NOT NULL,
      tenant_uuid uuid NOT NULL,
      wazo_uuid uuid NOT NULL,
      identity varchar,
      PRIMARY KEY (room_uuid, uuid, tenant_uuid, wazo_uuid)
    );
    CREATE INDEX chatd_room_user__idx__identity ON chatd_room_user (identity);
    -- "the rooms of this user": every request starts there.
    CREATE INDEX chatd_room_user__idx__uuid ON chatd_room_user (uuid, room_uuid);

    CREATE TABLE chatd_room_message (
      uuid uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      room_uuid uuid NOT NULL REFERENCES chatd_room(uuid) ON DELETE CASCADE,
      content text,
      alias varchar(256),
      user_uuid uuid NOT NULL,
      tenant_uuid uuid NOT NULL,
      wazo_uuid uuid NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    );
    -- A room's messages newest first, and the latest one per room (distinct=room_uuid).
    CREATE INDEX chatd_room_message__idx__room_uuid ON chatd_room_message (room_uuid, created_at);
  `.execute(db);
}
