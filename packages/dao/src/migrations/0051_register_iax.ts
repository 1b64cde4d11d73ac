/**
 * IAX registrations (`/registers/iax`, Wazo's `staticiax` rows of `register` in iax.conf's
 * general section): platform-wide, no tenant. Wazo keeps one `var_val` string
 * (`user:secret@host:port/extension?context`); here each part has its column. A trunk uses at
 * most one (and then no SIP or custom endpoint, a CHECK as Wazo's); deleting the registration
 * leaves its trunk without one.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE register_iax (
      id serial PRIMARY KEY,
      auth_username text,
      auth_password text,
      remote_host text NOT NULL,
      remote_port integer CHECK (remote_port BETWEEN 1 AND 65535),
      callback_extension text,
      callback_context text,
      enabled boolean NOT NULL DEFAULT true
    );

    ALTER TABLE trunk
      ADD COLUMN register_iax_id integer REFERENCES register_iax (id) ON DELETE SET NULL
        CONSTRAINT trunk_register_iax_id_key UNIQUE,
      ADD CONSTRAINT trunk_endpoint_register_check CHECK (
        register_iax_id IS NULL OR (endpoint_sip_uuid IS NULL AND endpoint_custom_id IS NULL));
  `.execute(db);
}
