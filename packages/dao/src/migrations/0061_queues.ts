/**
 * Queues (Wazo's `queuefeatures` with its Asterisk `queue` row): a tenant's call queue, its name
 * unique across tenants (a group's may not take it either, checked by the service); its Asterisk
 * options as `[name, value]` pairs; at most one extension and one schedule; its fallbacks and
 * its wait-time / wait-ratio destinations (Wazo's `qwaittime`/`qwaitratio` dialactions), each
 * row a destination; its members, users and agents, with a penalty and a priority. Deleting a
 * tenant deletes its queues; deleting a queue frees its extension and drops its rows here;
 * deleting a user or an agent drops its memberships.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE queue (
      id serial PRIMARY KEY,
      tenant_uuid uuid NOT NULL REFERENCES tenant (uuid) ON DELETE CASCADE,
      name varchar(128) NOT NULL UNIQUE CHECK (name ~ '^[-_.a-zA-Z0-9]+$' AND name <> 'general'),
      label varchar(128),
      data_quality boolean NOT NULL DEFAULT false,
      dtmf_hangup_callee_enabled boolean NOT NULL DEFAULT false,
      dtmf_hangup_caller_enabled boolean NOT NULL DEFAULT false,
      dtmf_transfer_callee_enabled boolean NOT NULL DEFAULT false,
      dtmf_transfer_caller_enabled boolean NOT NULL DEFAULT false,
      dtmf_record_callee_enabled boolean NOT NULL DEFAULT false,
      dtmf_record_caller_enabled boolean NOT NULL DEFAULT false,
      dtmf_record_toggle boolean NOT NULL DEFAULT false,
      retry_on_timeout boolean NOT NULL DEFAULT true,
      ring_on_hold boolean NOT NULL DEFAULT false,
      timeout integer CHECK (timeout >= 0),
      announce_hold_time_on_entry boolean NOT NULL DEFAULT false,
      ignore_forward boolean NOT NULL DEFAULT true,
      preprocess_subroutine varchar(79),
      music_on_hold varchar(128),
      wait_time_threshold integer CHECK (wait_time_threshold >= 0),
      wait_ratio_threshold double precision CHECK (wait_ratio_threshold >= 0),
      caller_id_mode text CHECK (caller_id_mode IN ('prepend', 'overwrite', 'append')),
      caller_id_name varchar(80),
      mark_answered_elsewhere boolean NOT NULL DEFAULT true,
      enabled boolean NOT NULL DEFAULT true,
      options jsonb NOT NULL DEFAULT '[]'
    );
    CREATE INDEX queue_tenant_uuid_idx ON queue (tenant_uuid);

    CREATE TABLE queue_extension (
      queue_id integer PRIMARY KEY REFERENCES queue (id) ON DELETE CASCADE,
      extension_id integer NOT NULL UNIQUE REFERENCES extension (id)
    );

    CREATE TABLE queue_schedule (
      queue_id integer PRIMARY KEY REFERENCES queue (id) ON DELETE CASCADE,
      schedule_id integer NOT NULL REFERENCES schedules (id) ON DELETE CASCADE
    );
    CREATE INDEX queue_schedule_schedule_id_idx ON queue_schedule (schedule_id);

    CREATE TABLE queue_fallback (
      queue_id integer NOT NULL REFERENCES queue (id) ON DELETE CASCADE,
      event text NOT NULL CHECK (event IN ('noanswer', 'busy', 'congestion', 'fail')),
      destination jsonb NOT NULL,
      PRIMARY KEY (queue_id, event)
    );

    CREATE TABLE queue_wait_destination (
      queue_id integer NOT NULL REFERENCES queue (id) ON DELETE CASCADE,
      event text NOT NULL CHECK (event IN ('qwaittime', 'qwaitratio')),
      destination jsonb NOT NULL,
      PRIMARY KEY (queue_id, event)
    );

    CREATE TABLE queue_member_user (
      queue_id integer NOT NULL REFERENCES queue (id) ON DELETE CASCADE,
      user_id integer NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      priority integer NOT NULL DEFAULT 0 CHECK (priority >= 0),
      PRIMARY KEY (queue_id, user_id)
    );
    CREATE INDEX queue_member_user_user_id_idx ON queue_member_user (user_id);

    CREATE TABLE queue_member_agent (
      queue_id integer NOT NULL REFERENCES queue (id) ON DELETE CASCADE,
      agent_id integer NOT NULL REFERENCES agent (id) ON DELETE CASCADE,
      penalty integer NOT NULL DEFAULT 0 CHECK (penalty >= 0),
      priority integer NOT NULL DEFAULT 0 CHECK (priority >= 0),
      PRIMARY KEY (queue_id, agent_id)
    );
    CREATE INDEX queue_member_agent_agent_id_idx ON queue_member_agent (agent_id);
  `.execute(db);
}
