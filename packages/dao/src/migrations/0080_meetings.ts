/**
 * Meetings (Wazo's `meeting`, `meeting_owner`, `meeting_authorization`) and the HTTP ingresses
 * (`ingress_http`, the public URI meeting guests reach the system by; one per tenant). A meeting
 * has a number unique in its tenant, its owners (users: deleting a user removes it from the
 * owners) and the SIP endpoint its guests call with (deleting the endpoint leaves the meeting
 * without one; the meeting's service deletes the endpoint with the meeting). A guest's
 * authorization goes with its meeting. Deleting a tenant deletes all of them.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE ingress_http (
      uuid uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      uri text NOT NULL,
      tenant_uuid uuid NOT NULL CONSTRAINT ingress_http_tenant_uuid_key UNIQUE
        REFERENCES tenant (uuid) ON DELETE CASCADE
    );

    CREATE TABLE meeting (
      uuid uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      name text,
      guest_endpoint_sip_uuid uuid REFERENCES endpoint_sip (uuid) ON DELETE SET NULL,
      tenant_uuid uuid NOT NULL REFERENCES tenant (uuid) ON DELETE CASCADE,
      created_at timestamptz NOT NULL DEFAULT now(),
      persistent boolean NOT NULL DEFAULT false,
      number text NOT NULL,
      require_authorization boolean NOT NULL DEFAULT false,
      CONSTRAINT meeting_number_tenant_uuid_key UNIQUE (number, tenant_uuid)
    );
    CREATE INDEX meeting__idx__guest_endpoint_sip_uuid ON meeting (guest_endpoint_sip_uuid);
    CREATE INDEX meeting__idx__tenant_uuid ON meeting (tenant_uuid);
    CREATE INDEX meeting__idx__created_at ON meeting (created_at) WHERE NOT persistent;

    CREATE TABLE meeting_owner (
      meeting_uuid uuid NOT NULL REFERENCES meeting (uuid) ON DELETE CASCADE,
      user_uuid uuid NOT NULL REFERENCES users (uuid) ON DELETE CASCADE,
      position integer NOT NULL DEFAULT 0,
      PRIMARY KEY (meeting_uuid, user_uuid)
    );
    CREATE INDEX meeting_owner__idx__user_uuid ON meeting_owner (user_uuid);

    CREATE TABLE meeting_authorization (
      uuid uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      guest_uuid uuid NOT NULL,
      meeting_uuid uuid NOT NULL REFERENCES meeting (uuid) ON DELETE CASCADE,
      guest_name text,
      status text NOT NULL CHECK (status IN ('accepted', 'pending', 'rejected')),
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX meeting_authorization__idx__guest_uuid ON meeting_authorization (guest_uuid);
    CREATE INDEX meeting_authorization__idx__meeting_uuid ON meeting_authorization (meeting_uuid);
    CREATE INDEX meeting_authorization__idx__created_at ON meeting_authorization (created_at);
  `.execute(db);
}
