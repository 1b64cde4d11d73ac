/**
 * Function keys (`/funckeys/templates`, `/users/{id}/funckeys`): templates of keys by position,
 * each key with its destination (type and parameters, stored as the API gives them after
 * validation), label and BLF. Every user has a private template holding its own keys, made with
 * the user (a trigger, so every way a user row is written gets one, as Wazo's user persistor
 * does) and deleted with it; a user may also use one public template (`func_key_template_id`),
 * set to NULL when that template goes. A key whose destination is a user or a group goes with
 * that user or group, as Wazo's destination rows do.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE func_key_template (
      id serial PRIMARY KEY,
      tenant_uuid uuid NOT NULL REFERENCES tenant (uuid) ON DELETE CASCADE,
      name varchar(128),
      private_user_id integer UNIQUE REFERENCES users (id) ON DELETE CASCADE
    );
    CREATE INDEX func_key_template__idx__tenant_uuid ON func_key_template (tenant_uuid);

    CREATE TABLE func_key_mapping (
      id serial PRIMARY KEY,
      template_id integer NOT NULL REFERENCES func_key_template (id) ON DELETE CASCADE,
      position integer NOT NULL CHECK (position > 0),
      label varchar(128),
      blf boolean NOT NULL DEFAULT true,
      destination jsonb NOT NULL,
      user_id integer REFERENCES users (id) ON DELETE CASCADE,
      group_id integer REFERENCES groups (id) ON DELETE CASCADE,
      UNIQUE (template_id, position)
    );
    CREATE INDEX func_key_mapping__idx__user_id ON func_key_mapping (user_id);
    CREATE INDEX func_key_mapping__idx__group_id ON func_key_mapping (group_id);

    UPDATE users SET func_key_template_id = NULL WHERE func_key_template_id IS NOT NULL;
    ALTER TABLE users ADD CONSTRAINT users_func_key_template_id_fkey
      FOREIGN KEY (func_key_template_id) REFERENCES func_key_template (id) ON DELETE SET NULL;

    CREATE FUNCTION users_private_func_key_template() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      INSERT INTO func_key_template (tenant_uuid, private_user_id) VALUES (NEW.tenant_uuid, NEW.id);
      RETURN NULL;
    END
    $$;
    CREATE TRIGGER users_private_func_key_template AFTER INSERT ON users
      FOR EACH ROW EXECUTE FUNCTION users_private_func_key_template();
    INSERT INTO func_key_template (tenant_uuid, private_user_id) SELECT tenant_uuid, id FROM users;
  `.execute(db);
}
