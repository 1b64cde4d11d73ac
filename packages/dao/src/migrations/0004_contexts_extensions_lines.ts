/**
 * Contexts (with their number ranges), extensions, lines (with their SIP or custom endpoint kept
 * on the line row) and the user-line and line-extension associations.
 *
 * Unlike Wazo's tables, which join on context *names*, rows reference a context by id; the API
 * still speaks names. Tenants of extensions and lines are their context's, read through the join,
 * so they cannot disagree. Deleting a context, or an extension still owned by a line, is refused
 * by the database (RESTRICT) as a last guard behind the validators' worded errors.
 */
import { type Kysely, sql } from 'kysely';

const contexts = sql`
  CREATE TABLE context (
    id serial PRIMARY KEY,
    uuid uuid NOT NULL DEFAULT gen_random_uuid() CONSTRAINT context_uuid_key UNIQUE,
    tenant_uuid uuid NOT NULL REFERENCES tenant (uuid) ON DELETE CASCADE,
    name varchar(79) NOT NULL CONSTRAINT context_name_key UNIQUE,
    label varchar(128) NOT NULL CONSTRAINT context_label_check CHECK (length(label) >= 1),
    type varchar(16) NOT NULL DEFAULT 'internal'
      CONSTRAINT context_type_check CHECK (type IN ('internal', 'incall', 'outcall', 'services', 'others')),
    description text,
    enabled boolean NOT NULL DEFAULT true
  );
  CREATE INDEX context_tenant_uuid_idx ON context (tenant_uuid);
  CREATE INDEX context_label_lower_idx ON context (lower(label));

  CREATE TABLE context_range (
    context_id integer NOT NULL REFERENCES context (id) ON DELETE CASCADE,
    kind varchar(16) NOT NULL
      CONSTRAINT context_range_kind_check CHECK (kind IN ('user', 'group', 'queue', 'conference_room', 'incall')),
    position integer NOT NULL,
    start varchar(16) NOT NULL CONSTRAINT context_range_start_check CHECK (start ~ '^[0-9]+$'),
    "end" varchar(16) NOT NULL CONSTRAINT context_range_end_check CHECK ("end" ~ '^[0-9]+$'),
    did_length integer NOT NULL DEFAULT 0 CONSTRAINT context_range_did_length_check CHECK (did_length >= 0),
    PRIMARY KEY (context_id, kind, position),
    CONSTRAINT context_range_length_check CHECK (length(start) = length("end"))
  );
`;

const extensions = sql`
  CREATE TABLE extension (
    id serial PRIMARY KEY,
    context_id integer NOT NULL REFERENCES context (id) ON DELETE RESTRICT,
    exten varchar(40) NOT NULL,
    enabled boolean NOT NULL DEFAULT true,
    CONSTRAINT extension_exten_context_key UNIQUE (exten, context_id)
  );
  CREATE INDEX extension_context_id_idx ON extension (context_id);
`;

const lines = sql`
  CREATE SEQUENCE line_endpoint_custom_id_seq;
  CREATE TABLE line (
    id serial PRIMARY KEY,
    context_id integer NOT NULL REFERENCES context (id) ON DELETE RESTRICT,
    name varchar(128) CONSTRAINT line_name_key UNIQUE,
    provisioning_code varchar(6) NOT NULL CONSTRAINT line_provisioning_code_key UNIQUE
      CONSTRAINT line_provisioning_code_check CHECK (provisioning_code ~ '^[0-9]{6}$'),
    position integer NOT NULL DEFAULT 1 CONSTRAINT line_position_check CHECK (position >= 1),
    registrar varchar(128) NOT NULL DEFAULT 'default',
    device_id varchar(32),
    endpoint_sip_uuid uuid CONSTRAINT line_endpoint_sip_uuid_key UNIQUE,
    endpoint_sip jsonb,
    endpoint_custom_id integer CONSTRAINT line_endpoint_custom_id_key UNIQUE,
    endpoint_custom_interface varchar(128) CONSTRAINT line_endpoint_custom_interface_key UNIQUE,
    protocol varchar(8) GENERATED ALWAYS AS (
      CASE WHEN endpoint_sip_uuid IS NOT NULL THEN 'sip'
           WHEN endpoint_custom_id IS NOT NULL THEN 'custom' END
    ) STORED,
    CONSTRAINT line_one_endpoint_check CHECK (num_nonnulls(endpoint_sip_uuid, endpoint_custom_id) <= 1),
    CONSTRAINT line_endpoint_sip_check CHECK ((endpoint_sip_uuid IS NULL) = (endpoint_sip IS NULL)),
    CONSTRAINT line_endpoint_custom_check
      CHECK ((endpoint_custom_id IS NULL) = (endpoint_custom_interface IS NULL))
  );
  CREATE INDEX line_context_id_idx ON line (context_id);
  CREATE INDEX line_device_id_idx ON line (device_id);

  CREATE TABLE line_extension (
    line_id integer NOT NULL REFERENCES line (id) ON DELETE CASCADE,
    extension_id integer NOT NULL REFERENCES extension (id) ON DELETE RESTRICT,
    main_extension boolean NOT NULL,
    PRIMARY KEY (line_id, extension_id)
  );
  CREATE INDEX line_extension_extension_id_idx ON line_extension (extension_id);
  CREATE UNIQUE INDEX line_extension_main_key ON line_extension (line_id) WHERE main_extension;

  CREATE TABLE user_line (
    user_id integer NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    line_id integer NOT NULL REFERENCES line (id) ON DELETE CASCADE,
    main_user boolean NOT NULL,
    main_line boolean NOT NULL,
    PRIMARY KEY (user_id, line_id)
  );
  CREATE INDEX user_line_line_id_idx ON user_line (line_id);
  CREATE UNIQUE INDEX user_line_main_user_key ON user_line (line_id) WHERE main_user;
  CREATE UNIQUE INDEX user_line_main_line_key ON user_line (user_id) WHERE main_line;
`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await contexts.execute(db);
  await extensions.execute(db);
  await lines.execute(db);
}
