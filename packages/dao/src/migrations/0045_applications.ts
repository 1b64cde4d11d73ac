/**
 * Applications (`/applications`, Wazo's `application` with its `application_dest_node` folded in:
 * a null `node_type` is no destination) and a line's application (`line_application`, one per
 * line, where Wazo has `linefeatures.application_uuid`). Deleting an application or a line drops
 * the link, as Wazo's `ON DELETE SET NULL` does. `line_tenant` shows each line with its context's
 * tenant, so the generic link dao can scope lines like any tenant-owned row.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE application (
      uuid uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_uuid uuid NOT NULL REFERENCES tenant (uuid) ON DELETE CASCADE,
      name varchar(128),
      node_type text CHECK (node_type IN ('holding', 'mixing')),
      node_music_on_hold varchar(128),
      node_answer boolean NOT NULL DEFAULT false
    );
    CREATE INDEX application_tenant_uuid_idx ON application (tenant_uuid);

    CREATE TABLE line_application (
      line_id integer PRIMARY KEY REFERENCES line (id) ON DELETE CASCADE,
      application_uuid uuid NOT NULL REFERENCES application (uuid) ON DELETE CASCADE
    );
    CREATE INDEX line_application_application_uuid_idx ON line_application (application_uuid);

    CREATE VIEW line_tenant AS
      SELECT line.id, line.name, context.tenant_uuid FROM line JOIN context ON context.id = line.context_id;
  `.execute(db);
}
