/**
 * Every backend's own source fields, as Wazo's `plugins/<backend>_backend/schemas.py` declare them
 * (names, bounds, defaults), for POST/PUT /backends/{backend}/sources. The configuration API
 * uses them for every backend Wazo has, loaded or not; each backend module uses its own here as
 * its `schema`. Unknown fields are ignored, as Wazo's schemas exclude them.
 */
import { Nullable, StringEnum } from '@wazo-ts/daemon/schema';
import { type TObject, type TSchema, Type } from 'typebox';

/** true/false (or their strings), or a CA bundle path (Wazo's VerifyCertificateField). */
const VerifyCertificate = Type.Union([Type.Boolean(), Type.String()], {
  default: true,
  description: 'Check the server certificate: true, false, or a CA bundle path.',
});

const Timeout = Type.Number({ minimum: 0, maximum: 3660, description: 'Seconds per request.' });

/** How a backend reaches a Wazo daemon: Wazo's defaults are those of a remote stack behind nginx. */
function daemonClientFields(prefix: string, version: string) {
  return {
    host: Type.String({ minLength: 1, maxLength: 1024, default: 'localhost' }),
    port: Type.Integer({ minimum: 1, maximum: 65535, default: 443 }),
    https: Type.Boolean({ default: true }),
    verify_certificate: VerifyCertificate,
    prefix: Nullable(Type.String(), { default: prefix }),
    version: Type.String({ minLength: 1, maxLength: 16, default: version }),
    timeout: Type.Optional(Timeout),
  };
}

/** wazo-auth for backends that only need its address (google, office365: the user's token is used). */
export const BaseAuthConfig = Type.Object(daemonClientFields('/api/auth', '0.1'), {
  default: {},
  description: 'wazo-auth, where the external service tokens of the user are kept.',
});

/** wazo-auth with credentials: `key_file`, or `username` and `password` (checked by `authCredentialsError`). */
export const AuthConfig = Type.Object(
  {
    ...daemonClientFields('/api/auth', '0.1'),
    key_file: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 1024 }))),
    username: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 512 }))),
    password: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 512 }))),
  },
  { description: 'wazo-auth and the credentials the source reads the stack with.' },
);

export const ConfdConfig = Type.Object(daemonClientFields('/api/confd', '1.1'), {
  default: {},
  description: 'wazo-confd, read with the token obtained from `auth`.',
});

const UniqueColumn = Nullable(Type.String({ minLength: 1, maxLength: 128 }), {
  default: null,
  description: 'The column whose value identifies an entry (favorites, source_entry_id).',
});

/** The fields every source has, whatever its backend (Wazo's BaseSourceSchema). */
export const CommonSourceFields = {
  name: Type.String({ minLength: 1, maxLength: 512, description: 'Unique in the tenant.' }),
  searched_columns: Type.Array(Type.String({ minLength: 1, maxLength: 128 }), {
    default: [],
    description: 'Columns a lookup searches.',
  }),
  first_matched_columns: Type.Array(Type.String({ minLength: 1, maxLength: 128 }), {
    default: [],
    description: 'Columns a reverse lookup matches exactly.',
  }),
  format_columns: Type.Record(Type.String(), Type.String(), {
    default: {},
    description: 'Computed columns: name → Python format string over the entry (`{firstname} {lastname}`).',
  }),
};

/** What a backend adds to the common fields; `readOnly` fields are answered, never read. */
export interface BackendSourceSchema {
  /** The backend's own fields in a request body. */
  fields: TObject;
  /** Fields the backend answers besides the stored ones (phonebook's name and description). */
  answered?: Record<string, TSchema>;
  /** Wazo's sort columns of the backend's source list, the first being the default. */
  sortColumns: string[];
  /** Wazo's exact-match filters of the list (besides `search`). */
  filterColumns: string[];
  /** The name is the phonebook's, not the client's (phonebook sources). */
  nameFromBackend?: boolean;
}

export const wazoSourceSchema: BackendSourceSchema = {
  fields: Type.Object({ auth: AuthConfig, confd: ConfdConfig }),
  sortColumns: ['name'],
  filterColumns: ['uuid', 'name'],
};

export const conferenceSourceSchema: BackendSourceSchema = {
  fields: Type.Object({ auth: AuthConfig, confd: ConfdConfig }),
  sortColumns: ['name'],
  filterColumns: ['uuid', 'name'],
};

export const personalSourceSchema: BackendSourceSchema = {
  fields: Type.Object({}),
  sortColumns: ['name'],
  filterColumns: ['uuid', 'name'],
};

export const phonebookSourceSchema: BackendSourceSchema = {
  fields: Type.Object({
    phonebook_uuid: Type.String({ format: 'uuid', description: "The tenant's phonebook searched." }),
  }),
  answered: {
    phonebook_name: Type.String(),
    phonebook_description: Nullable(Type.String()),
  },
  sortColumns: ['name'],
  filterColumns: ['uuid', 'name'],
  nameFromBackend: true,
};

export const csvSourceSchema: BackendSourceSchema = {
  fields: Type.Object({
    file: Type.String({ minLength: 1, description: 'Path of the CSV file on the dird host.' }),
    separator: Type.String({ minLength: 1, maxLength: 1, default: ',' }),
    unique_column: UniqueColumn,
  }),
  sortColumns: ['name', 'file'],
  filterColumns: ['uuid', 'name', 'file'],
};

export const csvWsSourceSchema: BackendSourceSchema = {
  fields: Type.Object({
    lookup_url: Type.String({
      format: 'uri',
      description: 'Called with `?<column>=<term>` per searched column.',
    }),
    list_url: Nullable(Type.String({ format: 'uri' }), { default: null }),
    verify_certificate: VerifyCertificate,
    delimiter: Type.String({ minLength: 1, maxLength: 1, default: ',' }),
    timeout: Type.Number({ minimum: 0, default: 10 }),
    unique_column: UniqueColumn,
  }),
  sortColumns: ['name', 'lookup_url', 'list_url'],
  filterColumns: ['uuid', 'name', 'lookup_url', 'list_url'],
};

export const ldapSourceSchema: BackendSourceSchema = {
  fields: Type.Object({
    ldap_uri: Type.String({ minLength: 1, maxLength: 256 }),
    ldap_base_dn: Type.String({ minLength: 1, maxLength: 1024 }),
    ldap_username: Nullable(Type.String({ minLength: 1 }), { default: null }),
    ldap_password: Nullable(Type.String({ minLength: 1 }), { default: null }),
    ldap_custom_filter: Nullable(Type.String({ minLength: 1, maxLength: 1024 }), { default: null }),
    ldap_network_timeout: Type.Number({ minimum: 0, default: 0.3 }),
    ldap_timeout: Type.Number({ minimum: 0, default: 1.0 }),
    unique_column: UniqueColumn,
    unique_column_format: StringEnum(['string', 'binary_uuid'], { default: 'string' }),
  }),
  sortColumns: ['name', 'ldap_uri', 'ldap_base_dn', 'ldap_username'],
  filterColumns: ['uuid', 'name', 'ldap_uri', 'ldap_base_dn', 'ldap_username'],
};

export const googleSourceSchema: BackendSourceSchema = {
  fields: Type.Object({ auth: BaseAuthConfig }),
  sortColumns: ['name'],
  filterColumns: ['uuid', 'name'],
};

export const office365SourceSchema: BackendSourceSchema = {
  fields: Type.Object({
    auth: BaseAuthConfig,
    endpoint: Type.String({
      minLength: 1,
      maxLength: 255,
      default: 'https://graph.microsoft.com/v1.0/me/contacts',
    }),
  }),
  sortColumns: ['name'],
  filterColumns: ['uuid', 'name'],
};

/** Every backend Wazo has, by name, in the order GET /backends lists them. */
export const BACKEND_SOURCE_SCHEMAS: Record<string, BackendSourceSchema> = {
  conference: conferenceSourceSchema,
  csv: csvSourceSchema,
  csv_ws: csvWsSourceSchema,
  google: googleSourceSchema,
  ldap: ldapSourceSchema,
  office365: office365SourceSchema,
  personal: personalSourceSchema,
  phonebook: phonebookSourceSchema,
  wazo: wazoSourceSchema,
};

export const BACKEND_NAMES = Object.keys(BACKEND_SOURCE_SCHEMAS);

/**
 * Wazo's cross-field rule of a source's `auth` (wazo, conference): a `key_file`, or a `username`
 * (with its password), never both. The message when it is broken, else null.
 */
export function authCredentialsError(auth: {
  key_file?: string | null;
  username?: string | null;
}): string | null {
  const keyFile = Boolean(auth.key_file);
  const username = Boolean(auth.username);
  return keyFile !== username ? null : 'a "key_file" or a "username" and "password" must be specified';
}
