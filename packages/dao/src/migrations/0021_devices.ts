/**
 * Devices (`/devices`): the phones Wazo keeps in wazo-provd, kept here in confd's database (no
 * provisioning server). A device id is 32 hex digits, as provd makes them; a MAC address is
 * stored lowercase and is unique. A line names its device by `line.device_id` (0004); a device
 * still serving a line cannot be deleted.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE device (
      id text PRIMARY KEY DEFAULT replace(gen_random_uuid()::text, '-', ''),
      tenant_uuid uuid NOT NULL REFERENCES tenant (uuid) ON DELETE CASCADE,
      is_new boolean NOT NULL DEFAULT false,
      status text NOT NULL DEFAULT 'not_configured'
        CHECK (status IN ('not_configured', 'autoprov', 'configured', 'corrupted')),
      ip text,
      mac text CONSTRAINT device_mac_key UNIQUE CHECK (mac = lower(mac)),
      sn text,
      plugin text,
      vendor text,
      model text,
      version text,
      description text,
      template_id text,
      options jsonb
    );
    CREATE INDEX device_tenant_uuid_idx ON device (tenant_uuid);
  `.execute(db);
}
