/** Table of the trunks, as a Kysely type. Only the trunks' dao queries it. */
import type { Generated } from 'kysely';

export interface TrunkTable {
  id: Generated<number>;
  tenant_uuid: string;
  context_id: number | null;
  twilio_incoming: Generated<boolean>;
  outgoing_caller_id_format: Generated<string>;
  endpoint_sip_uuid: string | null;
  endpoint_iax_id: number | null;
  endpoint_custom_id: number | null;
  register_iax_id: number | null;
}

export interface RegisterIaxTable {
  id: Generated<number>;
  auth_username: string | null;
  auth_password: string | null;
  remote_host: string;
  remote_port: number | null;
  callback_extension: string | null;
  callback_context: string | null;
  enabled: boolean;
}

export interface TrunkTables {
  trunk: TrunkTable;
  register_iax: RegisterIaxTable;
}
