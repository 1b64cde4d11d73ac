/**
 * Groups (ring groups) with their user members, schedules with their periods, and the schedule
 * of each user and group. Deleting a tenant deletes its groups and schedules; deleting a group,
 * a user or a schedule deletes its memberships and schedule links.
 */
import { type Kysely, sql } from 'kysely';

const HOURS = `'^([01][0-9]|2[0-3]):[0-5][0-9]$'`;
const MONTH_DAYS = `'{${Array.from({ length: 31 }, (_, i) => i + 1).join(',')}}'`;

async function createGroups(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE groups (
      id serial PRIMARY KEY,
      uuid uuid NOT NULL UNIQUE,
      tenant_uuid uuid NOT NULL REFERENCES tenant (uuid) ON DELETE CASCADE,
      name varchar(128) NOT NULL UNIQUE,
      label varchar(128) NOT NULL CHECK (label ~ '^[-_.a-zA-Z0-9 ]+$'),
      ring_strategy text NOT NULL DEFAULT 'all' CHECK (ring_strategy IN
        ('all', 'random', 'least_recent', 'linear', 'fewest_calls', 'memorized_round_robin', 'weight_random')),
      timeout integer CHECK (timeout >= 0),
      user_timeout integer DEFAULT 15 CHECK (user_timeout >= 0),
      retry_delay integer DEFAULT 5 CHECK (retry_delay >= 0),
      music_on_hold varchar(128),
      preprocess_subroutine varchar(79),
      caller_id_mode text CHECK (caller_id_mode IN ('prepend', 'overwrite', 'append')),
      caller_id_name varchar(80),
      dtmf_record_toggle boolean NOT NULL DEFAULT false,
      ring_in_use boolean NOT NULL DEFAULT true,
      mark_answered_elsewhere boolean NOT NULL DEFAULT false,
      enabled boolean NOT NULL DEFAULT true,
      ignore_forward boolean NOT NULL DEFAULT false,
      max_calls integer DEFAULT 0 CHECK (max_calls >= 0)
    )`.execute(db);
  await sql`CREATE INDEX groups_tenant_uuid_idx ON groups (tenant_uuid)`.execute(db);
  await sql`CREATE INDEX groups_label_idx ON groups (label)`.execute(db);
}

async function createSchedules(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE schedules (
      id serial PRIMARY KEY,
      tenant_uuid uuid NOT NULL REFERENCES tenant (uuid) ON DELETE CASCADE,
      name varchar(128),
      timezone varchar(128),
      closed_destination jsonb NOT NULL CHECK (jsonb_typeof(closed_destination -> 'type') = 'string'),
      enabled boolean NOT NULL DEFAULT true
    )`.execute(db);
  await sql`CREATE INDEX schedules_tenant_uuid_idx ON schedules (tenant_uuid)`.execute(db);
  await sql`CREATE INDEX schedules_name_idx ON schedules (name)`.execute(db);
  await sql`
    CREATE TABLE schedule_periods (
      id serial PRIMARY KEY,
      schedule_id integer NOT NULL REFERENCES schedules (id) ON DELETE CASCADE,
      kind text NOT NULL CHECK (kind IN ('open', 'exceptional')),
      position integer NOT NULL,
      hours_start char(5) NOT NULL CHECK (hours_start ~ ${sql.raw(HOURS)}),
      hours_end char(5) NOT NULL CHECK (hours_end ~ ${sql.raw(HOURS)}),
      week_days smallint[] NOT NULL
        CHECK (cardinality(week_days) > 0 AND week_days <@ '{1,2,3,4,5,6,7}'),
      month_days smallint[] NOT NULL
        CHECK (cardinality(month_days) > 0 AND month_days <@ ${sql.raw(MONTH_DAYS)}),
      months smallint[] NOT NULL
        CHECK (cardinality(months) > 0 AND months <@ '{1,2,3,4,5,6,7,8,9,10,11,12}'),
      destination jsonb,
      CHECK (hours_start <= hours_end),
      CHECK ((kind = 'exceptional') = (destination IS NOT NULL)),
      UNIQUE (schedule_id, kind, position)
    )`.execute(db);
}

async function createAssociations(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE group_member_users (
      group_id integer NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
      user_uuid uuid NOT NULL REFERENCES users (uuid) ON DELETE CASCADE,
      priority integer NOT NULL CHECK (priority >= 0),
      position integer NOT NULL,
      PRIMARY KEY (group_id, user_uuid)
    )`.execute(db);
  await sql`CREATE INDEX group_member_users_user_uuid_idx ON group_member_users (user_uuid)`.execute(db);
  await sql`
    CREATE TABLE user_schedules (
      user_uuid uuid PRIMARY KEY REFERENCES users (uuid) ON DELETE CASCADE,
      schedule_id integer NOT NULL REFERENCES schedules (id) ON DELETE CASCADE
    )`.execute(db);
  await sql`
    CREATE TABLE group_schedules (
      group_id integer PRIMARY KEY REFERENCES groups (id) ON DELETE CASCADE,
      schedule_id integer NOT NULL REFERENCES schedules (id) ON DELETE CASCADE
    )`.execute(db);
  await sql`CREATE INDEX user_schedules_schedule_id_idx ON user_schedules (schedule_id)`.execute(db);
  await sql`CREATE INDEX group_schedules_schedule_id_idx ON group_schedules (schedule_id)`.execute(db);
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await createGroups(db);
  await createSchedules(db);
  await createAssociations(db);
}
