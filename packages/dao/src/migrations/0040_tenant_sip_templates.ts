/**
 * A tenant's default SIP templates, as Wazo's confd records them on its tenant: whether they were
 * generated, and the uuid of each (global, webrtc, registration trunk, meeting guest, twilio
 * trunk). Deleting one of those templates nulls the tenant's field (Wazo's ON DELETE SET NULL);
 * the flag stays set, so the template is not made again behind the administrator's back.
 */
import { type Kysely, sql } from 'kysely';

const KINDS = ['global', 'webrtc', 'registration_trunk', 'meeting_guest', 'twilio_trunk'];

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE tenant ADD COLUMN sip_templates_generated boolean NOT NULL DEFAULT false`.execute(db);
  for (const kind of KINDS) {
    const column = sql.raw(`${kind}_sip_template_uuid`);
    await sql`
      ALTER TABLE tenant ADD COLUMN ${column} uuid
        CONSTRAINT ${sql.raw(`tenant_${kind}_sip_template_uuid_fkey`)}
        REFERENCES endpoint_sip (uuid) ON DELETE SET NULL`.execute(db);
    await sql`CREATE INDEX ${sql.raw(`tenant_${kind}_sip_template_uuid_idx`)} ON tenant (${column})`.execute(
      db,
    );
  }
}
