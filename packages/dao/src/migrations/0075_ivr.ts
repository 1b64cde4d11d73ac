/**
 * IVRs (Wazo's `ivr`): a tenant's voice menu with its sounds, timeout and tries; its invalid,
 * timeout and abort destinations (`ivr_dialaction`, Wazo's dialactions of category `ivr`); its
 * choices (`ivr_choice`: a digit string and, in `ivr_choice_destination`, where it sends the
 * call, Wazo's dialaction of category `ivr_choice`). Both destination tables hold destinations as
 * rows: when their target is deleted the row goes and the choice stays without destination, as
 * Wazo's dialactions do. Deleting a tenant deletes its IVRs; deleting an IVR its choices and rows.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE ivr (
      id serial PRIMARY KEY,
      tenant_uuid uuid NOT NULL REFERENCES tenant (uuid) ON DELETE CASCADE,
      name varchar(128) NOT NULL,
      greeting_sound text,
      menu_sound text NOT NULL,
      invalid_sound text,
      abort_sound text,
      timeout integer NOT NULL DEFAULT 5 CHECK (timeout >= 0),
      max_tries integer NOT NULL DEFAULT 3 CHECK (max_tries >= 1),
      description text
    );
    CREATE INDEX ivr_tenant_uuid_idx ON ivr (tenant_uuid);

    CREATE TABLE ivr_dialaction (
      ivr_id integer NOT NULL REFERENCES ivr (id) ON DELETE CASCADE,
      event text NOT NULL CHECK (event IN ('invalid', 'timeout', 'abort')),
      destination jsonb NOT NULL,
      PRIMARY KEY (ivr_id, event)
    );

    CREATE TABLE ivr_choice (
      id serial PRIMARY KEY,
      ivr_id integer NOT NULL REFERENCES ivr (id) ON DELETE CASCADE,
      exten varchar(40) NOT NULL,
      position integer NOT NULL,
      CONSTRAINT ivr_choice_ivr_id_exten_key UNIQUE (ivr_id, exten)
    );
    CREATE INDEX ivr_choice_ivr_id_idx ON ivr_choice (ivr_id);

    CREATE TABLE ivr_choice_destination (
      ivr_choice_id integer PRIMARY KEY REFERENCES ivr_choice (id) ON DELETE CASCADE,
      destination jsonb NOT NULL
    );
  `.execute(db);
}
