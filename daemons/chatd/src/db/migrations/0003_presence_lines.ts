/**
 * Lines (from confd), their endpoints and the channels on them (from the telephony engine), for
 * the line states of a presence.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE chatd_endpoint (
      name text PRIMARY KEY,
      state varchar(24) NOT NULL DEFAULT 'unavailable' CHECK (state IN ('available', 'unavailable'))
    );
    CREATE TABLE chatd_line (
      id integer PRIMARY KEY,
      user_uuid uuid NOT NULL REFERENCES chatd_user(uuid) ON DELETE CASCADE,
      endpoint_name text REFERENCES chatd_endpoint(name) ON DELETE SET NULL,
      media varchar(24) CHECK (media IN ('audio', 'video'))
    );
    CREATE INDEX chatd_line__idx__user_uuid ON chatd_line (user_uuid);
    CREATE INDEX chatd_line__idx__endpoint_name ON chatd_line (endpoint_name);
    CREATE TABLE chatd_channel (
      name text PRIMARY KEY,
      state varchar(24) NOT NULL DEFAULT 'undefined'
        CHECK (state IN ('undefined', 'holding', 'ringing', 'talking', 'progressing')),
      line_id integer NOT NULL REFERENCES chatd_line(id) ON DELETE CASCADE
    );
    CREATE INDEX chatd_channel__idx__line_id ON chatd_channel (line_id);
  `.execute(db);
}
