/**
 * Incalls (Wazo's `incall`): a tenant's inbound route, where calls to its DID go. Its destination
 * is a row of `incall_destination` (Wazo's `answer` dialaction of the `incall` category), one of
 * the tables holding destinations as rows: deleting the target (a user, a group...) drops the
 * row and the incall then shows `{type: none}`, as Wazo's does. Its extension (at most one, in an
 * `incall` context) and its schedule (at most one) are links; deleting the incall frees its
 * extension (Wazo resets it to `user`/`0`) and drops its schedule link. An extension still owned
 * by an incall cannot be deleted (RESTRICT, behind the validator's words).
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE incall (
      id serial PRIMARY KEY,
      tenant_uuid uuid NOT NULL REFERENCES tenant (uuid) ON DELETE CASCADE,
      preprocess_subroutine varchar(79),
      greeting_sound text,
      caller_id_mode text CHECK (caller_id_mode IN ('prepend', 'overwrite', 'append')),
      caller_id_name varchar(80),
      description text
    );
    CREATE INDEX incall_tenant_uuid_idx ON incall (tenant_uuid);

    CREATE TABLE incall_destination (
      incall_id integer PRIMARY KEY REFERENCES incall (id) ON DELETE CASCADE,
      destination jsonb NOT NULL CHECK (jsonb_typeof(destination) = 'object')
    );
    CREATE INDEX incall_destination_type_idx ON incall_destination ((destination ->> 'type'));

    CREATE TABLE incall_extension (
      incall_id integer PRIMARY KEY REFERENCES incall (id) ON DELETE CASCADE,
      extension_id integer NOT NULL UNIQUE REFERENCES extension (id) ON DELETE RESTRICT
    );

    CREATE TABLE incall_schedule (
      incall_id integer PRIMARY KEY REFERENCES incall (id) ON DELETE CASCADE,
      schedule_id integer NOT NULL REFERENCES schedules (id) ON DELETE CASCADE
    );
    CREATE INDEX incall_schedule_schedule_id_idx ON incall_schedule (schedule_id);
  `.execute(db);
}
