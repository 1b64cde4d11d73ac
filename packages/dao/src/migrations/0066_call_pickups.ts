/**
 * Call pickups (`/callpickups`, Wazo's `pickup`): a named pickup group, its name unique in its
 * tenant (Wazo: across every tenant, see docs/compatibility.md), enabled or not; and its members (`pickup_member`, Wazo's
 * `pickupmember`): users or groups that are interceptors (Wazo's category `member`, who may pick
 * up) or targets (category `pickup`, whose ringing calls may be picked up). A member is a user or a
 * group, never both. Deleting a tenant deletes its pickups; deleting a pickup, a user or a group
 * deletes their memberships, as Wazo's cascades do.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE pickup (
      id serial PRIMARY KEY,
      tenant_uuid uuid NOT NULL REFERENCES tenant (uuid) ON DELETE CASCADE,
      name varchar(128) NOT NULL,
      description text,
      enabled boolean NOT NULL DEFAULT true,
      CONSTRAINT pickup_name_tenant_key UNIQUE (name, tenant_uuid)
    );
    CREATE INDEX pickup__idx__tenant_uuid ON pickup (tenant_uuid);

    CREATE TABLE pickup_member (
      id serial PRIMARY KEY,
      pickup_id integer NOT NULL REFERENCES pickup (id) ON DELETE CASCADE,
      role text NOT NULL CHECK (role IN ('interceptor', 'target')),
      user_id integer REFERENCES users (id) ON DELETE CASCADE,
      group_id integer REFERENCES groups (id) ON DELETE CASCADE,
      CHECK ((user_id IS NULL) <> (group_id IS NULL)),
      CONSTRAINT pickup_member_user_key UNIQUE (pickup_id, role, user_id),
      CONSTRAINT pickup_member_group_key UNIQUE (pickup_id, role, group_id)
    );
    CREATE INDEX pickup_member__idx__user_id ON pickup_member (user_id);
    CREATE INDEX pickup_member__idx__group_id ON pickup_member (group_id);
  `.execute(db);
}
