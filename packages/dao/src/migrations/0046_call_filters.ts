/**
 * Call filters (Wazo's boss/secretary `callfilter`): a tenant's named filter whose recipients
 * (bosses) have their calls screened by surrogates (secretaries), with a strategy, the calls it
 * applies to and a caller id; its members (`call_filter_member`, Wazo's `callfiltermember`:
 * `role` is Wazo's `bstype`, `id` the member id function keys point at); its no-answer fallback.
 * A user is at most one member of a filter. Deleting a tenant deletes its filters; deleting a
 * filter or a user deletes the members (and, see 0047, the function keys to them).
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE call_filter (
      id serial PRIMARY KEY,
      tenant_uuid uuid NOT NULL REFERENCES tenant (uuid) ON DELETE CASCADE,
      name varchar(128) NOT NULL,
      strategy text NOT NULL CHECK (strategy IN (
        'all-recipients-then-linear-surrogates', 'all-recipients-then-all-surrogates',
        'all-surrogates-then-all-recipients', 'linear-surrogates-then-all-recipients', 'all')),
      source text NOT NULL CHECK (source IN ('internal', 'external', 'all')),
      surrogates_timeout integer CHECK (surrogates_timeout > 0),
      caller_id_mode text CHECK (caller_id_mode IN ('prepend', 'overwrite', 'append')),
      caller_id_name varchar(80),
      description text,
      enabled boolean NOT NULL DEFAULT true,
      CONSTRAINT call_filter_name_tenant_key UNIQUE (name, tenant_uuid)
    );
    CREATE INDEX call_filter_tenant_uuid_idx ON call_filter (tenant_uuid);

    CREATE TABLE call_filter_member (
      id serial PRIMARY KEY,
      call_filter_id integer NOT NULL REFERENCES call_filter (id) ON DELETE CASCADE,
      user_id integer NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      role text NOT NULL CHECK (role IN ('recipient', 'surrogate')),
      timeout integer CHECK (timeout > 0),
      priority integer NOT NULL DEFAULT 0,
      CONSTRAINT call_filter_member_call_filter_id_user_id_key UNIQUE (call_filter_id, user_id)
    );
    CREATE INDEX call_filter_member_user_id_idx ON call_filter_member (user_id);

    CREATE TABLE call_filter_fallback (
      call_filter_id integer NOT NULL REFERENCES call_filter (id) ON DELETE CASCADE,
      event text NOT NULL CHECK (event IN ('noanswer')),
      destination jsonb NOT NULL,
      PRIMARY KEY (call_filter_id, event)
    );
  `.execute(db);
}
