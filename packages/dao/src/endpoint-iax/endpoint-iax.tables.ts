/** Tables of the IAX endpoints, as Kysely types. Only their dao queries them. */
import type { Generated, JSONColumnType } from 'kysely';

export interface EndpointIaxTable {
  id: Generated<number>;
  tenant_uuid: string;
  name: string;
  type: string;
  host: string;
  native_options: JSONColumnType<Record<string, string>, string, string>;
  extra_options: JSONColumnType<[string, string][], string, string>;
}

export interface EndpointIaxTables {
  endpoint_iax: EndpointIaxTable;
}
