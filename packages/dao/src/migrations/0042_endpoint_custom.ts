/**
 * Custom endpoints as a resource of their own (`/endpoints/custom`), as 0010 did for SIP. Until
 * now a custom endpoint lived inside its line's row (an id from `line_endpoint_custom_id_seq` and
 * an interface); this moves each one into `endpoint_custom`, keeping its id (the sequence goes with
 * it), so lines, users and the endpoint routes share one store. An interface is unique, as Wazo's
 * validator has it; `interface_suffix` is stored as Wazo stores `intfsuffix` (empty for none).
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER SEQUENCE line_endpoint_custom_id_seq RENAME TO endpoint_custom_id_seq;

    CREATE TABLE endpoint_custom (
      id integer PRIMARY KEY DEFAULT nextval('endpoint_custom_id_seq'),
      tenant_uuid uuid NOT NULL REFERENCES tenant (uuid) ON DELETE CASCADE,
      interface varchar(128) NOT NULL CONSTRAINT endpoint_custom_interface_key UNIQUE,
      interface_suffix varchar(32) NOT NULL DEFAULT '',
      enabled boolean NOT NULL DEFAULT true
    );
    ALTER SEQUENCE endpoint_custom_id_seq OWNED BY endpoint_custom.id;
    CREATE INDEX endpoint_custom_tenant_uuid_idx ON endpoint_custom (tenant_uuid);

    INSERT INTO endpoint_custom (id, tenant_uuid, interface)
    SELECT line.endpoint_custom_id, context.tenant_uuid, line.endpoint_custom_interface
    FROM line JOIN context ON context.id = line.context_id
    WHERE line.endpoint_custom_id IS NOT NULL;

    ALTER TABLE line DROP CONSTRAINT line_endpoint_custom_check;
    ALTER TABLE line DROP COLUMN endpoint_custom_interface;
    ALTER TABLE line ADD CONSTRAINT line_endpoint_custom_id_fkey
      FOREIGN KEY (endpoint_custom_id) REFERENCES endpoint_custom (id) ON DELETE SET NULL;
  `.execute(db);
}
