/**
 * Directory configuration: sources (one per backend instance), displays and their columns,
 * profiles with their services and the sources each service searches; and the tenants dird has
 * provisioned (Wazo's dird_tenant, holding the tenant's country).
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE dird_tenant (
      uuid uuid PRIMARY KEY,
      country varchar(2)
    );

    CREATE TABLE dird_source (
      uuid uuid PRIMARY KEY,
      tenant_uuid uuid NOT NULL REFERENCES dird_tenant(uuid) ON DELETE CASCADE,
      name varchar(512) NOT NULL,
      backend varchar(255) NOT NULL,
      searched_columns text[] NOT NULL DEFAULT '{}',
      first_matched_columns text[] NOT NULL DEFAULT '{}',
      format_columns jsonb NOT NULL DEFAULT '{}',
      -- the backend's own fields (auth, confd, file, ldap_uri, phonebook_uuid...), as given
      extern jsonb NOT NULL DEFAULT '{}',
      CONSTRAINT dird_source_tenant_name UNIQUE (tenant_uuid, name)
    );
    CREATE INDEX dird_source_backend_idx ON dird_source (tenant_uuid, backend);

    CREATE TABLE dird_display (
      uuid uuid PRIMARY KEY,
      tenant_uuid uuid NOT NULL REFERENCES dird_tenant(uuid) ON DELETE CASCADE,
      name varchar(512) NOT NULL
    );
    CREATE INDEX dird_display_tenant_idx ON dird_display (tenant_uuid);

    CREATE TABLE dird_display_column (
      display_uuid uuid NOT NULL REFERENCES dird_display(uuid) ON DELETE CASCADE,
      position integer NOT NULL,
      field text,
      title text,
      type text,
      "default" text,
      number_display boolean NOT NULL DEFAULT false,
      PRIMARY KEY (display_uuid, position)
    );

    CREATE TABLE dird_profile (
      uuid uuid PRIMARY KEY,
      tenant_uuid uuid NOT NULL REFERENCES dird_tenant(uuid) ON DELETE CASCADE,
      name varchar(512) NOT NULL,
      display_uuid uuid REFERENCES dird_display(uuid) ON DELETE SET NULL,
      CONSTRAINT dird_profile_tenant_name UNIQUE (tenant_uuid, name)
    );

    -- one row per service of a profile (lookup, reverse, favorites), with its options
    CREATE TABLE dird_profile_service (
      profile_uuid uuid NOT NULL REFERENCES dird_profile(uuid) ON DELETE CASCADE,
      service varchar(128) NOT NULL,
      options jsonb NOT NULL DEFAULT '{}',
      PRIMARY KEY (profile_uuid, service)
    );

    CREATE TABLE dird_profile_service_source (
      profile_uuid uuid NOT NULL,
      service varchar(128) NOT NULL,
      source_uuid uuid NOT NULL REFERENCES dird_source(uuid) ON DELETE CASCADE,
      position integer NOT NULL,
      PRIMARY KEY (profile_uuid, service, source_uuid),
      FOREIGN KEY (profile_uuid, service)
        REFERENCES dird_profile_service(profile_uuid, service) ON DELETE CASCADE
    );
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP TABLE dird_profile_service_source;
    DROP TABLE dird_profile_service;
    DROP TABLE dird_profile;
    DROP TABLE dird_display_column;
    DROP TABLE dird_display;
    DROP TABLE dird_source;
    DROP TABLE dird_tenant;
  `.execute(db);
}
