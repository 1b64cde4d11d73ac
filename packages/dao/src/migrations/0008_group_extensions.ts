/**
 * A group's extension (`PUT /groups/{id}/extensions/{id}`): at most one per group, and an
 * extension serves one group at most. Deleting the group frees its extension; an extension still
 * serving a group cannot be deleted (Wazo refuses it as associated).
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE group_extension (
      group_id integer PRIMARY KEY REFERENCES groups (id) ON DELETE CASCADE,
      extension_id integer NOT NULL UNIQUE REFERENCES extension (id)
    );
  `.execute(db);
}
