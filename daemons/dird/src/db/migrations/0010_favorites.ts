/**
 * Favorites: a user's marked contacts, by source and the contact's id in that source (Wazo's
 * dird_favorite). They go with their source; a deleted user's go on `user_deleted`.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE dird_favorite (
      user_uuid uuid NOT NULL,
      source_uuid uuid NOT NULL REFERENCES dird_source(uuid) ON DELETE CASCADE,
      contact_id text NOT NULL,
      PRIMARY KEY (user_uuid, source_uuid, contact_id)
    );
    CREATE INDEX dird_favorite_source_idx ON dird_favorite (source_uuid);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE dird_favorite`.execute(db);
}
