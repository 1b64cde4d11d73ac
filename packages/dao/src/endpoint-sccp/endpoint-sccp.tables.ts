/** The SCCP endpoints' table (Wazo's `sccpline`), as a Kysely type. Only their dao queries it. */
import type { Generated } from 'kysely';

export interface EndpointSccpTable {
  id: Generated<number>;
  tenant_uuid: string;
  /** 8 random letters and digits; the line using the endpoint takes it as its name. */
  name: string;
  /** Empty for none, as Wazo stores them. */
  cid_name: Generated<string>;
  cid_num: Generated<string>;
  /** Null for none. */
  allow: string | null;
  disallow: string | null;
}

export interface EndpointSccpTables {
  endpoint_sccp: EndpointSccpTable;
}
