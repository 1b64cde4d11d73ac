/** The HTTP ingresses' table, as a Kysely type. Only the ingress daos query it. */
import type { Generated } from 'kysely';

export interface IngressHttpTable {
  uuid: Generated<string>;
  uri: string;
  tenant_uuid: string;
}

export interface IngressHttpTables {
  ingress_http: IngressHttpTable;
}
