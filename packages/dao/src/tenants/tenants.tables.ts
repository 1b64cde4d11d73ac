/** Tables of the tenants resource (and its associations), as Kysely types. Only its dao queries them. */
import type { ColumnType, Generated } from 'kysely';

/**
 * wazo-confd's mirror of wazo-auth's tenants: the uuid every tenant-scoped row points to (with
 * ON DELETE CASCADE, so deleting the tenant purges its configuration), and the slug some
 * generated names use (`grp-<slug>-<uuid>`). wazo-auth stays the authority.
 */
export interface TenantTable {
  uuid: string;
  /** wazo-auth's slug (1..10 of [A-Za-z0-9_]); null until known (rows made before slugs existed). */
  slug: string | null;
  name: string | null;
  /** Set once the default SIP templates were made; a deleted template is then not made again. */
  sip_templates_generated: Generated<boolean>;
  global_sip_template_uuid: string | null;
  webrtc_sip_template_uuid: string | null;
  registration_trunk_sip_template_uuid: string | null;
  meeting_guest_sip_template_uuid: string | null;
  twilio_trunk_sip_template_uuid: string | null;
  created_at: ColumnType<Date, never, never>;
  updated_at: Generated<Date>;
}

export interface TenantTables {
  tenant: TenantTable;
}
