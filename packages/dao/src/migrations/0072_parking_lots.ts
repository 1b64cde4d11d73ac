/**
 * Parking lots (Wazo's `parking_lot`): a tenant's range of parking slots (`slots_start` to
 * `slots_end`, digits), with a timeout and a music on hold; its extension
 * (`parking_lot_extension`, Wazo's extension of type `parking`): at most one per lot, an
 * extension serves one lot at most. Deleting a tenant deletes its lots; deleting a lot frees its
 * extension; an extension still serving a lot cannot be deleted (Wazo refuses it as associated).
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE parking_lot (
      id serial PRIMARY KEY,
      tenant_uuid uuid NOT NULL REFERENCES tenant (uuid) ON DELETE CASCADE,
      name varchar(128),
      slots_start varchar(40) NOT NULL,
      slots_end varchar(40) NOT NULL,
      timeout integer CHECK (timeout >= 0),
      music_on_hold varchar(128)
    );
    CREATE INDEX parking_lot__idx__tenant_uuid ON parking_lot (tenant_uuid);

    CREATE TABLE parking_lot_extension (
      parking_lot_id integer PRIMARY KEY REFERENCES parking_lot (id) ON DELETE CASCADE,
      extension_id integer NOT NULL UNIQUE REFERENCES extension (id)
    );
  `.execute(db);
}
