/**
 * Context includes (`PUT /contexts/{id}/contexts`): the contexts a context includes in its
 * dialplan, in order. Wazo keys them by context name; rows here reference ids, and deleting
 * either context drops the include.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE context_include (
      context_id integer NOT NULL REFERENCES context (id) ON DELETE CASCADE,
      include_id integer NOT NULL REFERENCES context (id) ON DELETE CASCADE,
      position integer NOT NULL,
      PRIMARY KEY (context_id, include_id),
      CONSTRAINT context_include_self_check CHECK (context_id <> include_id)
    );
    CREATE INDEX context_include_include_id_idx ON context_include (include_id);
  `.execute(db);
}
