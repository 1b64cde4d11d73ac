/** wazo-auth's sessions and refresh tokens, as far as presence needs them (connected, mobile). */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE chatd_session (
      uuid uuid PRIMARY KEY,
      mobile boolean NOT NULL DEFAULT false,
      user_uuid uuid NOT NULL REFERENCES chatd_user(uuid) ON DELETE CASCADE
    );
    CREATE INDEX chatd_session__idx__user_uuid ON chatd_session (user_uuid);
    CREATE TABLE chatd_refresh_token (
      client_id text NOT NULL,
      user_uuid uuid NOT NULL REFERENCES chatd_user(uuid) ON DELETE CASCADE,
      mobile boolean NOT NULL DEFAULT false,
      PRIMARY KEY (client_id, user_uuid)
    );
    CREATE INDEX chatd_refresh_token__idx__user_uuid ON chatd_refresh_token (user_uuid);
  `.execute(db);
}
