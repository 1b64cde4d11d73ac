/** Tables of the external apps, a tenant's and a user's, as Kysely types. */
import type { JSONColumnType } from 'kysely';

/** Any JSON object, written as its JSON text. */
type Configuration = JSONColumnType<Record<string, unknown> | null, string | null, string | null>;

export interface ExternalAppTable {
  tenant_uuid: string;
  name: string;
  label: string | null;
  configuration: Configuration;
}

export interface UserExternalAppTable {
  user_uuid: string;
  name: string;
  label: string | null;
  configuration: Configuration;
}

export interface ExternalAppTables {
  external_app: ExternalAppTable;
  user_external_app: UserExternalAppTable;
}
