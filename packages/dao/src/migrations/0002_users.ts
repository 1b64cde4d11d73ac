/**
 * Users, with their services (dnd, incallfilter) and forwards (busy, noanswer, unconditional)
 * as columns of the user row. Absent values are NULL (Wazo stores '' and reads it as null).
 * Other areas reference `users(id)` (group members, user-line associations).
 */
import { type Kysely, sql } from 'kysely';

const forwardChecks = ['busy', 'noanswer', 'unconditional'].map((name) =>
  sql.raw(
    `CONSTRAINT users_forward_${name}_destination CHECK ` +
      `(NOT forward_${name}_enabled OR forward_${name}_destination IS NOT NULL)`,
  ),
);

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE users (
      id serial PRIMARY KEY,
      uuid uuid NOT NULL DEFAULT gen_random_uuid() CONSTRAINT users_uuid_key UNIQUE,
      tenant_uuid uuid NOT NULL REFERENCES tenant (uuid) ON DELETE CASCADE,
      firstname varchar(128) NOT NULL,
      lastname varchar(128),
      fullname text GENERATED ALWAYS AS (trim(firstname || ' ' || coalesce(lastname, ''))) STORED,
      email varchar(254),
      timezone varchar(128),
      language varchar(20),
      description text,
      caller_id varchar(160),
      outgoing_caller_id varchar(80),
      mobile_phone_number varchar(80),
      mobile_fallback_enabled boolean NOT NULL DEFAULT false,
      username varchar(254),
      password varchar(64),
      music_on_hold varchar(128),
      preprocess_subroutine varchar(79),
      userfield varchar(128),
      call_transfer_enabled boolean NOT NULL DEFAULT false,
      dtmf_hangup_enabled boolean NOT NULL DEFAULT false,
      call_record_outgoing_external_enabled boolean NOT NULL DEFAULT false,
      call_record_outgoing_internal_enabled boolean NOT NULL DEFAULT false,
      call_record_incoming_external_enabled boolean NOT NULL DEFAULT false,
      call_record_incoming_internal_enabled boolean NOT NULL DEFAULT false,
      online_call_record_enabled boolean NOT NULL DEFAULT false,
      supervision_enabled boolean NOT NULL DEFAULT true,
      enabled boolean NOT NULL DEFAULT true,
      ring_seconds integer NOT NULL DEFAULT 30 CHECK (ring_seconds BETWEEN 0 AND 10800),
      simultaneous_calls integer NOT NULL DEFAULT 5 CHECK (simultaneous_calls BETWEEN 1 AND 20),
      call_permission_password varchar(16),
      subscription_type integer NOT NULL DEFAULT 0 CHECK (subscription_type BETWEEN 0 AND 10),
      created_at timestamptz NOT NULL DEFAULT now(),
      func_key_template_id integer,
      dnd_enabled boolean NOT NULL DEFAULT false,
      incallfilter_enabled boolean NOT NULL DEFAULT false,
      forward_busy_enabled boolean NOT NULL DEFAULT false,
      forward_busy_destination varchar(128),
      forward_noanswer_enabled boolean NOT NULL DEFAULT false,
      forward_noanswer_destination varchar(128),
      forward_unconditional_enabled boolean NOT NULL DEFAULT false,
      forward_unconditional_destination varchar(128),
      CONSTRAINT users_mobile_fallback_number
        CHECK (NOT mobile_fallback_enabled OR mobile_phone_number IS NOT NULL),
      ${sql.join(forwardChecks)}
    )`.execute(db);
  // Wazo compares e-mails without regard to case, usernames exactly; both are unique platform-wide.
  await sql`CREATE UNIQUE INDEX users_email_lower_key ON users (lower(email))`.execute(db);
  await sql`CREATE UNIQUE INDEX users_username_key ON users (username)`.execute(db);
  await sql`CREATE INDEX users_tenant_uuid_idx ON users (tenant_uuid)`.execute(db);
  // The default order (lastname) and the name sorts are case-insensitive.
  await sql`CREATE INDEX users_lastname_lower_idx ON users (lower(lastname))`.execute(db);
  await sql`CREATE INDEX users_firstname_lower_idx ON users (lower(firstname))`.execute(db);
  await sql`CREATE INDEX users_mobile_phone_number_idx ON users (mobile_phone_number)`.execute(db);
}
