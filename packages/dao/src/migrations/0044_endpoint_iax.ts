/**
 * IAX endpoints (`/endpoints/iax`), Wazo's `useriax` rows. A name is unique platform-wide, as
 * Asterisk's iax.conf has one section per name. Wazo keeps each of its fixed options in a column
 * of its own; here they are one map (`native_options`, values as Asterisk reads them, checked by
 * the service against the column types Wazo has) beside the options repeated at will
 * (`extra_options`, pairs in order).
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE endpoint_iax (
      id serial PRIMARY KEY,
      tenant_uuid uuid NOT NULL REFERENCES tenant (uuid) ON DELETE CASCADE,
      name varchar(40) NOT NULL CONSTRAINT endpoint_iax_name_key UNIQUE
        CONSTRAINT endpoint_iax_name_check CHECK (name ~ '^[a-zA-Z0-9_-]{1,40}$'),
      type text NOT NULL DEFAULT 'friend' CHECK (type IN ('friend', 'peer', 'user')),
      host varchar(255) NOT NULL DEFAULT 'dynamic',
      native_options jsonb NOT NULL DEFAULT '{}',
      extra_options jsonb NOT NULL DEFAULT '[]'
    );
    CREATE INDEX endpoint_iax_tenant_uuid_idx ON endpoint_iax (tenant_uuid);
  `.execute(db);
}
