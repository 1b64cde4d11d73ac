/** The custom endpoints' table, as a Kysely type. Only their dao queries it. */
import type { Generated } from 'kysely';

export interface EndpointCustomTable {
  id: Generated<number>;
  tenant_uuid: string;
  interface: string;
  /** Wazo's `intfsuffix`: empty for none. */
  interface_suffix: Generated<string>;
  enabled: Generated<boolean>;
}

export interface EndpointCustomTables {
  endpoint_custom: EndpointCustomTable;
}
