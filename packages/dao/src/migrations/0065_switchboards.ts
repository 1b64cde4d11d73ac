/**
 * Switchboards (`/switchboards`, Wazo's `switchboard`): a tenant's named switchboard, keyed by
 * uuid, with the queue's timeout and the two music-on-hold class names (stored as names: there
 * are no MOH classes to point at here, see docs/compatibility.md); its operators
 * (`switchboard_member_user`) and its no-answer fallback (`switchboard_fallback`, a dialaction
 * table: see DIALACTION_TABLES). Names are not unique, as in Wazo. Deleting a tenant deletes its
 * switchboards; deleting a switchboard or a user deletes the memberships; deleting a switchboard
 * deletes its fallback.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE switchboard (
      uuid uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_uuid uuid NOT NULL REFERENCES tenant (uuid) ON DELETE CASCADE,
      name varchar(128) NOT NULL,
      timeout integer CHECK (timeout >= 1),
      queue_music_on_hold varchar(128),
      waiting_room_music_on_hold varchar(128)
    );
    CREATE INDEX switchboard__idx__tenant_uuid ON switchboard (tenant_uuid);

    CREATE TABLE switchboard_member_user (
      switchboard_uuid uuid NOT NULL REFERENCES switchboard (uuid) ON DELETE CASCADE,
      user_uuid uuid NOT NULL REFERENCES users (uuid) ON DELETE CASCADE,
      PRIMARY KEY (switchboard_uuid, user_uuid)
    );
    CREATE INDEX switchboard_member_user__idx__user_uuid ON switchboard_member_user (user_uuid);

    CREATE TABLE switchboard_fallback (
      switchboard_uuid uuid NOT NULL REFERENCES switchboard (uuid) ON DELETE CASCADE,
      event text NOT NULL CHECK (event IN ('noanswer')),
      destination jsonb NOT NULL,
      PRIMARY KEY (switchboard_uuid, event)
    );
  `.execute(db);
}
