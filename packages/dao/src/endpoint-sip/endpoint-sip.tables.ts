/** Tables of SIP endpoints and templates, as Kysely types. Only their dao queries them. */
import type { Generated, JSONColumnType } from 'kysely';

type Options = JSONColumnType<[string, string][], string, string>;

export interface EndpointSipTable {
  uuid: string;
  tenant_uuid: string;
  name: string;
  label: string | null;
  asterisk_id: string | null;
  transport_uuid: string | null;
  template: Generated<boolean>;
  aor_section_options: Options;
  auth_section_options: Options;
  endpoint_section_options: Options;
  identify_section_options: Options;
  registration_section_options: Options;
  registration_outbound_auth_section_options: Options;
  outbound_auth_section_options: Options;
}

/** A SIP endpoint's or template's parents, by priority (0 first). */
export interface EndpointSipTemplateTable {
  child_uuid: string;
  parent_uuid: string;
  priority: number;
}

export interface EndpointSipTables {
  endpoint_sip: EndpointSipTable;
  endpoint_sip_template: EndpointSipTemplateTable;
}
