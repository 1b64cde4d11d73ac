/**
 * Voicemails (`/voicemails`) and the voicemail of each user (`/users/{id}/voicemails`). A
 * voicemail is a number in a context, unique there, at most one `global` one per context; its
 * tenant is its context's (kept here, set from the context). A user has at most one voicemail, a
 * voicemail may serve several users; a voicemail still serving a user, and a context still
 * holding a voicemail, cannot be deleted (Wazo refuses both as associated).
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE voicemail (
      id serial PRIMARY KEY,
      tenant_uuid uuid NOT NULL REFERENCES tenant (uuid) ON DELETE CASCADE,
      context_id integer NOT NULL REFERENCES context (id) ON DELETE RESTRICT,
      number varchar(40) NOT NULL CHECK (number ~ '^[0-9]{1,40}$'),
      name varchar(80) NOT NULL,
      password varchar(80) CHECK (password ~ '^[0-9]{1,80}$'),
      email varchar(80),
      pager varchar(80),
      language varchar(20),
      timezone varchar(80),
      max_messages integer CHECK (max_messages >= 0),
      attach_audio boolean,
      delete_messages boolean NOT NULL DEFAULT false,
      ask_password boolean NOT NULL DEFAULT true,
      enabled boolean NOT NULL DEFAULT true,
      options jsonb NOT NULL DEFAULT '[]',
      accesstype text NOT NULL DEFAULT 'personal' CHECK (accesstype IN ('personal', 'global')),
      CONSTRAINT voicemail_number_context_key UNIQUE (number, context_id)
    );
    CREATE INDEX voicemail_tenant_uuid_idx ON voicemail (tenant_uuid);
    CREATE UNIQUE INDEX voicemail_global_per_context ON voicemail (context_id) WHERE accesstype = 'global';

    CREATE TABLE user_voicemail (
      user_uuid uuid PRIMARY KEY REFERENCES users (uuid) ON DELETE RESTRICT,
      voicemail_id integer NOT NULL REFERENCES voicemail (id) ON DELETE RESTRICT
    );
    CREATE INDEX user_voicemail_voicemail_id_idx ON user_voicemail (voicemail_id);
  `.execute(db);
}
