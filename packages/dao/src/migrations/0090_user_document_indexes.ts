/**
 * An index for `GET /users/{id}`'s `incalls` (added with confd part 3): the incalls whose
 * destination is the user, by an expression on the destination's `user_id` (user destinations
 * only), so reading one user looks its incalls up instead of scanning every incall destination.
 * (A pickup's members by pickup and role are already indexed by its unique keys.)
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE INDEX incall_destination_user_idx ON incall_destination ((destination ->> 'user_id'))
      WHERE destination ->> 'type' = 'user';
  `.execute(db);
}
