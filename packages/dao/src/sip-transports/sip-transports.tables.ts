/** The PJSIP transports table, as a Kysely type. Only its dao queries it. */
import type { JSONColumnType } from 'kysely';

export interface PjsipTransportTable {
  uuid: string;
  name: string;
  options: JSONColumnType<[string, string][], string, string>;
}

export interface SipTransportTables {
  pjsip_transport: PjsipTransportTable;
}
