/** Tables of the devices resource, as Kysely types. Only the devices dao queries them. */
import type { Generated, JSONColumnType } from 'kysely';

export interface DeviceTable {
  id: Generated<string>;
  tenant_uuid: string;
  is_new: Generated<boolean>;
  status: Generated<string>;
  ip: string | null;
  mac: string | null;
  sn: string | null;
  plugin: string | null;
  vendor: string | null;
  model: string | null;
  version: string | null;
  description: string | null;
  template_id: string | null;
  options: JSONColumnType<{ switchboard?: boolean } | null, string | null, string | null>;
}

export interface DeviceTables {
  device: DeviceTable;
}
