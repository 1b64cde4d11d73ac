/**
 * Call permissions (Wazo's `rightcall`): a tenant's named rule allowing or denying a list of
 * extension patterns, with an optional password; and the users and groups it applies to.
 * Deleting a tenant deletes its call permissions; deleting a call permission, a user or a group
 * deletes its links.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE call_permissions (
      id serial PRIMARY KEY,
      tenant_uuid uuid NOT NULL REFERENCES tenant (uuid) ON DELETE CASCADE,
      name varchar(128) NOT NULL,
      password varchar(40) CHECK (password ~ '^[0-9#*]{1,40}$'),
      mode text NOT NULL DEFAULT 'deny' CHECK (mode IN ('allow', 'deny')),
      extensions text[] NOT NULL DEFAULT '{}',
      enabled boolean NOT NULL DEFAULT true,
      description text,
      CONSTRAINT call_permissions_name_tenant_key UNIQUE (name, tenant_uuid)
    )`.execute(db);
  await sql`CREATE INDEX call_permissions_tenant_uuid_idx ON call_permissions (tenant_uuid)`.execute(db);
  await sql`
    CREATE TABLE user_call_permissions (
      user_uuid uuid NOT NULL REFERENCES users (uuid) ON DELETE CASCADE,
      call_permission_id integer NOT NULL REFERENCES call_permissions (id) ON DELETE CASCADE,
      PRIMARY KEY (user_uuid, call_permission_id)
    )`.execute(db);
  await sql`
    CREATE INDEX user_call_permissions_call_permission_id_idx ON user_call_permissions (call_permission_id)
  `.execute(db);
  await sql`
    CREATE TABLE group_call_permissions (
      group_id integer NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
      call_permission_id integer NOT NULL REFERENCES call_permissions (id) ON DELETE CASCADE,
      PRIMARY KEY (group_id, call_permission_id)
    )`.execute(db);
  await sql`
    CREATE INDEX group_call_permissions_call_permission_id_idx ON group_call_permissions (call_permission_id)
  `.execute(db);
}
