/**
 * SIP endpoints and templates as a resource of their own (`/endpoints/sip`), and the PJSIP
 * transports they use. Until now a SIP endpoint lived inside its line's row; this moves each one
 * into `endpoint_sip` (same uuid, name, label and options) and makes the line point to it, so
 * lines, users and the endpoint routes share one store. A PJSIP section's options are kept as a
 * jsonb list of `[key, value]` pairs: order matters and keys repeat (`match`, `allow`).
 */
import { type Kysely, sql } from 'kysely';

const options = (section: string) => sql.raw(`${section}_section_options jsonb NOT NULL DEFAULT '[]'`);

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE pjsip_transport (
      uuid uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      name text NOT NULL CONSTRAINT pjsip_transport_name_key UNIQUE,
      options jsonb NOT NULL DEFAULT '[]'
    );

    CREATE TABLE endpoint_sip (
      uuid uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_uuid uuid NOT NULL REFERENCES tenant (uuid) ON DELETE CASCADE,
      name text NOT NULL CONSTRAINT endpoint_sip_name_key UNIQUE,
      label text,
      asterisk_id text,
      transport_uuid uuid REFERENCES pjsip_transport (uuid),
      template boolean NOT NULL DEFAULT false,
      ${options('aor')},
      ${options('auth')},
      ${options('endpoint')},
      ${options('identify')},
      ${options('registration')},
      ${options('registration_outbound_auth')},
      ${options('outbound_auth')}
    );
    CREATE INDEX endpoint_sip_tenant_uuid_idx ON endpoint_sip (tenant_uuid);
    CREATE INDEX endpoint_sip_transport_uuid_idx ON endpoint_sip (transport_uuid);

    CREATE TABLE endpoint_sip_template (
      child_uuid uuid NOT NULL REFERENCES endpoint_sip (uuid) ON DELETE CASCADE,
      parent_uuid uuid NOT NULL REFERENCES endpoint_sip (uuid) ON DELETE CASCADE,
      priority integer NOT NULL,
      PRIMARY KEY (child_uuid, parent_uuid)
    );
    CREATE INDEX endpoint_sip_template_parent_uuid_idx ON endpoint_sip_template (parent_uuid);

    INSERT INTO endpoint_sip (uuid, tenant_uuid, name, label,
      auth_section_options, endpoint_section_options, aor_section_options)
    SELECT line.endpoint_sip_uuid, context.tenant_uuid, line.name, line.endpoint_sip ->> 'label',
      coalesce(line.endpoint_sip -> 'auth_section_options', '[]'),
      coalesce(line.endpoint_sip -> 'endpoint_section_options', '[]'),
      coalesce(line.endpoint_sip -> 'aor_section_options', '[]')
    FROM line JOIN context ON context.id = line.context_id
    WHERE line.endpoint_sip_uuid IS NOT NULL;

    ALTER TABLE line DROP CONSTRAINT line_endpoint_sip_check;
    ALTER TABLE line DROP COLUMN endpoint_sip;
    ALTER TABLE line ADD CONSTRAINT line_endpoint_sip_uuid_fkey
      FOREIGN KEY (endpoint_sip_uuid) REFERENCES endpoint_sip (uuid) ON DELETE SET NULL;
  `.execute(db);
}
