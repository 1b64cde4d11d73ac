/**
 * Subscriptions and their logs, as Wazo's webhookd stores them (webhookd_subscription and its
 * _event, _option, _metadatum and _log tables), so a Wazo user's mental model and SQL carry over.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE webhookd_subscription (
      uuid uuid PRIMARY KEY,
      name varchar(128) NOT NULL,
      service varchar(128) NOT NULL,
      events_user_uuid varchar(36),
      events_wazo_uuid varchar(36),
      owner_user_uuid varchar(36),
      owner_tenant_uuid uuid NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX webhookd_subscription_tenant_idx ON webhookd_subscription (owner_tenant_uuid);
    CREATE INDEX webhookd_subscription_owner_user_idx ON webhookd_subscription (owner_user_uuid);
    CREATE INDEX webhookd_subscription_events_user_idx ON webhookd_subscription (events_user_uuid);

    CREATE TABLE webhookd_subscription_event (
      subscription_uuid uuid NOT NULL REFERENCES webhookd_subscription(uuid) ON DELETE CASCADE,
      event_name varchar(128) NOT NULL,
      PRIMARY KEY (subscription_uuid, event_name)
    );
    CREATE INDEX webhookd_subscription_event_name_idx ON webhookd_subscription_event (event_name);

    CREATE TABLE webhookd_subscription_option (
      subscription_uuid uuid NOT NULL REFERENCES webhookd_subscription(uuid) ON DELETE CASCADE,
      name text NOT NULL,
      value text,
      PRIMARY KEY (subscription_uuid, name)
    );

    CREATE TABLE webhookd_subscription_metadatum (
      subscription_uuid uuid NOT NULL REFERENCES webhookd_subscription(uuid) ON DELETE CASCADE,
      key text NOT NULL,
      value text,
      PRIMARY KEY (subscription_uuid, key)
    );
    CREATE INDEX webhookd_subscription_metadatum_kv_idx ON webhookd_subscription_metadatum (key, value);

    CREATE TABLE webhookd_subscription_log (
      uuid uuid NOT NULL,
      subscription_uuid uuid NOT NULL REFERENCES webhookd_subscription(uuid) ON DELETE CASCADE,
      status varchar(32) NOT NULL CHECK (status IN ('success', 'failure', 'error')),
      started_at timestamptz NOT NULL,
      ended_at timestamptz,
      attempts integer NOT NULL,
      max_attempts integer,
      event jsonb NOT NULL,
      detail jsonb NOT NULL DEFAULT '{}',
      PRIMARY KEY (uuid, attempts)
    );
    CREATE INDEX webhookd_subscription_log_sub_started_idx
      ON webhookd_subscription_log (subscription_uuid, started_at);
    CREATE INDEX webhookd_subscription_log_started_idx ON webhookd_subscription_log (started_at);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP TABLE webhookd_subscription_log;
    DROP TABLE webhookd_subscription_metadatum;
    DROP TABLE webhookd_subscription_option;
    DROP TABLE webhookd_subscription_event;
    DROP TABLE webhookd_subscription;
  `.execute(db);
}
