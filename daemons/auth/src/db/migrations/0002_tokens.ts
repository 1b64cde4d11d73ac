/**
 * Sessions, tokens (one session per token) and refresh tokens (one per user and client_id).
 * Tokens are opaque UUIDs; expired ones are purged by the daemon.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE session (
      uuid uuid PRIMARY KEY,
      tenant_uuid uuid NOT NULL REFERENCES tenant(uuid) ON DELETE CASCADE,
      user_uuid uuid REFERENCES auth_user(uuid) ON DELETE CASCADE,
      mobile boolean NOT NULL DEFAULT false
    );
    CREATE INDEX session_user_idx ON session (user_uuid);
    CREATE INDEX session_tenant_idx ON session (tenant_uuid);

    CREATE TABLE refresh_token (
      uuid uuid PRIMARY KEY,
      client_id varchar(1024) NOT NULL,
      user_uuid uuid NOT NULL REFERENCES auth_user(uuid) ON DELETE CASCADE,
      tenant_uuid uuid NOT NULL REFERENCES tenant(uuid) ON DELETE CASCADE,
      backend varchar(64),
      login varchar(256),
      mobile boolean NOT NULL DEFAULT false,
      metadata jsonb NOT NULL DEFAULT '{}',
      user_agent text,
      remote_addr text,
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (user_uuid, client_id)
    );

    CREATE TABLE token (
      uuid uuid PRIMARY KEY,
      session_uuid uuid NOT NULL REFERENCES session(uuid) ON DELETE CASCADE,
      auth_id varchar(64) NOT NULL,
      pbx_user_uuid uuid,
      xivo_uuid varchar(64),
      issued_at timestamptz NOT NULL,
      expires_at timestamptz NOT NULL,
      acl text[] NOT NULL DEFAULT '{}',
      metadata jsonb NOT NULL DEFAULT '{}',
      user_agent text,
      remote_addr text,
      refresh_token_uuid uuid REFERENCES refresh_token(uuid) ON DELETE SET NULL
    );
    CREATE INDEX token_expires_idx ON token (expires_at);
    CREATE INDEX token_session_idx ON token (session_uuid);
  `.execute(db);
}
