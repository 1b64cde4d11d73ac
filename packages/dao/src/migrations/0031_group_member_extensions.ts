/**
 * A group's extension members (`PUT /groups/{id}/members/extensions`): `exten@context` pairs rung
 * as `Local/<exten>@<context>`, in the order given; they need not exist as extensions. They go
 * with their group.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE group_member_extensions (
      group_id integer NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
      position integer NOT NULL,
      exten varchar(40) NOT NULL,
      context varchar(79) NOT NULL,
      priority integer NOT NULL CHECK (priority >= 0),
      PRIMARY KEY (group_id, position),
      CONSTRAINT group_member_extensions_member_key UNIQUE (group_id, exten, context)
    )`.execute(db);
}
