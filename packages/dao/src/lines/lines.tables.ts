/** Tables of the lines resource, as Kysely types. Only its dao queries them. */
import type { ColumnType, Generated } from 'kysely';

export interface LineTable {
  id: Generated<number>;
  context_id: number;
  /** The endpoint's name (SIP or SCCP name, custom interface); null without endpoint. */
  name: string | null;
  provisioning_code: string;
  position: Generated<number>;
  registrar: Generated<string>;
  device_id: string | null;
  /** The SIP endpoint (endpoint_sip), whose name the line takes. */
  endpoint_sip_uuid: string | null;
  endpoint_sccp_id: number | null;
  endpoint_custom_id: number | null;
  /** sip | sccp | custom | null, generated from which endpoint is set. */
  protocol: ColumnType<string | null, never, never>;
}

export interface LineTables {
  line: LineTable;
}
