/**
 * Trunks and outcalls (Wazo's `trunkfeatures`, `outcall`, `outcalltrunk` and the outcall's
 * `dialpattern` rows).
 *
 * A trunk has at most one endpoint (SIP, IAX or custom; a CHECK), an endpoint serves at most one
 * trunk (unique keys) and deleting an endpoint leaves its trunk without one (ON DELETE SET NULL,
 * as Wazo). Its context is the context's id (Wazo keeps the name; names never change here).
 *
 * An outcall's name is unique on the whole platform (Wazo's `outcall_name_key`). Its trunks are
 * ordered (`priority`); deleting the outcall or the trunk drops the row. An outcall's extension
 * (Wazo's dial pattern) belongs to one outcall at most and goes with the outcall; an extension
 * an outcall uses cannot be deleted (Wazo refuses it). An outcall has at most one schedule
 * (`outcall_schedules`) and any number of call permissions (`outcall_call_permissions`); either
 * link goes with either side.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE trunk (
      id serial PRIMARY KEY,
      tenant_uuid uuid NOT NULL REFERENCES tenant (uuid) ON DELETE CASCADE,
      context_id integer REFERENCES context (id) ON DELETE SET NULL,
      twilio_incoming boolean NOT NULL DEFAULT false,
      outgoing_caller_id_format text NOT NULL DEFAULT '+E164'
        CHECK (outgoing_caller_id_format IN ('+E164', 'E164', 'national')),
      endpoint_sip_uuid uuid REFERENCES endpoint_sip (uuid) ON DELETE SET NULL
        CONSTRAINT trunk_endpoint_sip_uuid_key UNIQUE,
      endpoint_iax_id integer REFERENCES endpoint_iax (id) ON DELETE SET NULL
        CONSTRAINT trunk_endpoint_iax_id_key UNIQUE,
      endpoint_custom_id integer REFERENCES endpoint_custom (id) ON DELETE SET NULL
        CONSTRAINT trunk_endpoint_custom_id_key UNIQUE,
      CONSTRAINT trunk_endpoints_check CHECK (
        (endpoint_sip_uuid IS NOT NULL)::int + (endpoint_iax_id IS NOT NULL)::int
        + (endpoint_custom_id IS NOT NULL)::int <= 1)
    );
    CREATE INDEX trunk_tenant_uuid_idx ON trunk (tenant_uuid);
    CREATE INDEX trunk_context_id_idx ON trunk (context_id);

    CREATE TABLE outcall (
      id serial PRIMARY KEY,
      tenant_uuid uuid NOT NULL REFERENCES tenant (uuid) ON DELETE CASCADE,
      name varchar(128) NOT NULL CONSTRAINT outcall_name_key UNIQUE,
      internal_caller_id boolean NOT NULL DEFAULT false,
      preprocess_subroutine varchar(79),
      ring_time integer CHECK (ring_time > 0),
      description text,
      enabled boolean NOT NULL DEFAULT true
    );
    CREATE INDEX outcall_tenant_uuid_idx ON outcall (tenant_uuid);

    CREATE TABLE outcall_trunk (
      outcall_id integer NOT NULL REFERENCES outcall (id) ON DELETE CASCADE,
      trunk_id integer NOT NULL REFERENCES trunk (id) ON DELETE CASCADE,
      priority integer NOT NULL DEFAULT 0,
      PRIMARY KEY (outcall_id, trunk_id)
    );
    CREATE INDEX outcall_trunk_trunk_id_idx ON outcall_trunk (trunk_id);

    CREATE TABLE outcall_extension (
      extension_id integer PRIMARY KEY REFERENCES extension (id),
      outcall_id integer NOT NULL REFERENCES outcall (id) ON DELETE CASCADE,
      caller_id varchar(80),
      external_prefix varchar(64),
      prefix varchar(32),
      strip_digits integer CHECK (strip_digits >= 0)
    );
    CREATE INDEX outcall_extension_outcall_id_idx ON outcall_extension (outcall_id);

    CREATE TABLE outcall_schedules (
      outcall_id integer PRIMARY KEY REFERENCES outcall (id) ON DELETE CASCADE,
      schedule_id integer NOT NULL REFERENCES schedules (id) ON DELETE CASCADE
    );
    CREATE INDEX outcall_schedules_schedule_id_idx ON outcall_schedules (schedule_id);

    CREATE TABLE outcall_call_permissions (
      outcall_id integer NOT NULL REFERENCES outcall (id) ON DELETE CASCADE,
      call_permission_id integer NOT NULL REFERENCES call_permissions (id) ON DELETE CASCADE,
      PRIMARY KEY (outcall_id, call_permission_id)
    );
    CREATE INDEX outcall_call_permissions_call_permission_id_idx
      ON outcall_call_permissions (call_permission_id);
  `.execute(db);
}
