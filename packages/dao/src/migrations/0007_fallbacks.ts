/**
 * Fallbacks (`/users/{id}/fallbacks`, `/groups/{id}/fallbacks`): where a call to a user or a
 * group goes when it is not answered, busy, congested or fails. One row per owner and event that
 * has a destination (Wazo's dialactions); the destination is stored as the API gives it, after
 * validation. Deleting the owner drops its fallbacks.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE user_fallback (
      user_id integer NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      event text NOT NULL CHECK (event IN ('noanswer', 'busy', 'congestion', 'fail')),
      destination jsonb NOT NULL,
      PRIMARY KEY (user_id, event)
    );
    CREATE TABLE group_fallback (
      group_id integer NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
      event text NOT NULL CHECK (event IN ('noanswer', 'congestion')),
      destination jsonb NOT NULL,
      PRIMARY KEY (group_id, event)
    );
  `.execute(db);
}
