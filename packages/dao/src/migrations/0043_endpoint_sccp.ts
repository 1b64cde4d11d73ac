/**
 * SCCP endpoints (`/endpoints/sccp`) and a line's SCCP endpoint. An SCCP line's options are
 * Wazo's `sccpline` columns: `cid_name`, `cid_num` (empty for none), `allow`, `disallow` (null for
 * none); its name, 8 random letters and digits, names the line. A line has one endpoint of any
 * kind, so the protocol and the one-endpoint check now count SCCP too.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE endpoint_sccp (
      id serial PRIMARY KEY,
      tenant_uuid uuid NOT NULL REFERENCES tenant (uuid) ON DELETE CASCADE,
      name varchar(80) NOT NULL CONSTRAINT endpoint_sccp_name_key UNIQUE,
      cid_name varchar(80) NOT NULL DEFAULT '',
      cid_num varchar(80) NOT NULL DEFAULT '',
      allow text,
      disallow varchar(100)
    );
    CREATE INDEX endpoint_sccp_tenant_uuid_idx ON endpoint_sccp (tenant_uuid);

    ALTER TABLE line ADD COLUMN endpoint_sccp_id integer
      CONSTRAINT line_endpoint_sccp_id_key UNIQUE
      CONSTRAINT line_endpoint_sccp_id_fkey REFERENCES endpoint_sccp (id) ON DELETE SET NULL;

    ALTER TABLE line DROP CONSTRAINT line_one_endpoint_check;
    ALTER TABLE line ADD CONSTRAINT line_one_endpoint_check
      CHECK (num_nonnulls(endpoint_sip_uuid, endpoint_sccp_id, endpoint_custom_id) <= 1);
    ALTER TABLE line DROP COLUMN protocol;
    ALTER TABLE line ADD COLUMN protocol varchar(8) GENERATED ALWAYS AS (
      CASE WHEN endpoint_sip_uuid IS NOT NULL THEN 'sip'
           WHEN endpoint_sccp_id IS NOT NULL THEN 'sccp'
           WHEN endpoint_custom_id IS NOT NULL THEN 'custom' END
    ) STORED;
  `.execute(db);
}
