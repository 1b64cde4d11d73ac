/**
 * Tenants, users, emails, groups and policies. Everything hangs off a tenant and goes with it
 * (ON DELETE CASCADE), so deleting a tenant purges it in one statement. Logins and addresses are
 * unique without regard to case, across all tenants, as in Wazo.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE tenant (
      uuid uuid PRIMARY KEY,
      parent_uuid uuid NOT NULL REFERENCES tenant(uuid) ON DELETE RESTRICT,
      name varchar(128),
      slug varchar(10) NOT NULL UNIQUE CHECK (slug ~ '^[A-Za-z0-9_]{1,10}$'),
      phone varchar(255),
      contact_uuid uuid,
      address jsonb,
      default_authentication_method varchar(32) NOT NULL DEFAULT 'native',
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX tenant_parent_idx ON tenant (parent_uuid);

    CREATE TABLE tenant_domain (
      uuid uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_uuid uuid NOT NULL REFERENCES tenant(uuid) ON DELETE CASCADE,
      name varchar(253) NOT NULL
    );
    CREATE UNIQUE INDEX tenant_domain_name_key ON tenant_domain (lower(name));

    CREATE TABLE auth_user (
      uuid uuid PRIMARY KEY,
      tenant_uuid uuid NOT NULL REFERENCES tenant(uuid) ON DELETE CASCADE,
      username varchar(256),
      firstname varchar(128),
      lastname varchar(128),
      password_hash text,
      password_salt bytea,
      purpose varchar(16) NOT NULL DEFAULT 'user' CHECK (purpose IN ('user', 'internal', 'external_api')),
      enabled boolean NOT NULL DEFAULT true,
      authentication_method varchar(32) NOT NULL DEFAULT 'default',
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE UNIQUE INDEX auth_user_username_key ON auth_user (lower(username));
    CREATE INDEX auth_user_tenant_idx ON auth_user (tenant_uuid);

    CREATE TABLE email (
      uuid uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      user_uuid uuid NOT NULL REFERENCES auth_user(uuid) ON DELETE CASCADE,
      address varchar(512) NOT NULL,
      main boolean NOT NULL DEFAULT false,
      confirmed boolean NOT NULL DEFAULT false
    );
    CREATE UNIQUE INDEX email_address_key ON email (lower(address));
    CREATE UNIQUE INDEX email_one_main_per_user ON email (user_uuid) WHERE main;

    CREATE TABLE auth_group (
      uuid uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_uuid uuid NOT NULL REFERENCES tenant(uuid) ON DELETE CASCADE,
      name varchar(128) NOT NULL,
      slug varchar(80) NOT NULL,
      system_managed boolean NOT NULL DEFAULT false,
      UNIQUE (tenant_uuid, name),
      UNIQUE (tenant_uuid, slug)
    );

    CREATE TABLE policy (
      uuid uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_uuid uuid NOT NULL REFERENCES tenant(uuid) ON DELETE CASCADE,
      name varchar(80) NOT NULL,
      slug varchar(80) NOT NULL,
      description text,
      shared boolean NOT NULL DEFAULT false,
      config_managed boolean NOT NULL DEFAULT false,
      UNIQUE (tenant_uuid, slug)
    );

    CREATE TABLE policy_access (
      policy_uuid uuid NOT NULL REFERENCES policy(uuid) ON DELETE CASCADE,
      access text NOT NULL,
      position integer NOT NULL,
      PRIMARY KEY (policy_uuid, access)
    );

    CREATE TABLE group_user (
      group_uuid uuid NOT NULL REFERENCES auth_group(uuid) ON DELETE CASCADE,
      user_uuid uuid NOT NULL REFERENCES auth_user(uuid) ON DELETE CASCADE,
      PRIMARY KEY (group_uuid, user_uuid)
    );
    CREATE INDEX group_user_user_idx ON group_user (user_uuid);

    CREATE TABLE group_policy (
      group_uuid uuid NOT NULL REFERENCES auth_group(uuid) ON DELETE CASCADE,
      policy_uuid uuid NOT NULL REFERENCES policy(uuid) ON DELETE CASCADE,
      PRIMARY KEY (group_uuid, policy_uuid)
    );

    CREATE TABLE user_policy (
      user_uuid uuid NOT NULL REFERENCES auth_user(uuid) ON DELETE CASCADE,
      policy_uuid uuid NOT NULL REFERENCES policy(uuid) ON DELETE CASCADE,
      PRIMARY KEY (user_uuid, policy_uuid)
    );
  `.execute(db);
}
