/**
 * A line, as wazo-confd shows it, with its endpoint kept as part of it: a SIP endpoint (the PJSIP
 * sections' options as `[key, value]` pairs) or a custom interface. Its name is the endpoint's
 * (SIP name or custom interface), its protocol follows the endpoint, its tenant is its context's.
 */
export type SipOption = [string, string];

/** The SIP endpoint in full, secrets included: only for who may read the endpoint itself. */
export interface EndpointSip {
  uuid: string;
  tenant_uuid: string;
  name: string;
  label: string | null;
  auth_section_options: SipOption[];
  endpoint_section_options: SipOption[];
  aor_section_options: SipOption[];
}

/** The SIP endpoint as a line shows it: no password, only the username among auth options. */
export interface EndpointSipSummary {
  uuid: string;
  label: string | null;
  name: string;
  auth_section_options: SipOption[];
}

export interface EndpointCustom {
  id: number;
  interface: string;
}

export interface LineExtensionRef {
  id: number;
  exten: string;
  context: string;
}

export interface LineUserRef {
  uuid: string;
  firstname: string;
  lastname: string | null;
}

export interface Line {
  id: number;
  tenant_uuid: string;
  name: string | null;
  protocol: 'sip' | 'sccp' | 'custom' | null;
  context: string;
  provisioning_code: string;
  /** Same as provisioning_code (read-only, Wazo's alias). */
  provisioning_extension: string;
  position: number;
  /** Same as position (read-only, Wazo's alias). */
  device_slot: number;
  caller_id_name: string | null;
  caller_id_num: string | null;
  registrar: string;
  device_id: string | null;
  endpoint_sip: EndpointSipSummary | null;
  /** Not supported here; always null (present because clients test for it). */
  endpoint_sccp: null;
  endpoint_custom: EndpointCustom | null;
  /** The main extension first. */
  extensions: LineExtensionRef[];
  /** The main user first. */
  users: LineUserRef[];
}

export interface EndpointSipInput {
  /** The PJSIP name; 8 random lowercase letters and digits when absent. */
  name?: string | undefined;
  label?: string | null | undefined;
  auth_section_options?: SipOption[] | undefined;
  endpoint_section_options?: SipOption[] | undefined;
  aor_section_options?: SipOption[] | undefined;
}

export interface LineCreate {
  context: string;
  /** 6 digits; random and unused when absent. */
  provisioning_code?: string | null | undefined;
  position?: number | null | undefined;
  registrar?: string | null | undefined;
  caller_id_name?: string | null | undefined;
  caller_id_num?: string | null | undefined;
  endpoint_sip?: EndpointSipInput | null | undefined;
  endpoint_custom?: { interface: string } | null | undefined;
}

/** Editable fields; the endpoint is chosen at creation. */
export type LineEdit = Partial<
  Pick<
    LineCreate,
    'context' | 'provisioning_code' | 'position' | 'registrar' | 'caller_id_name' | 'caller_id_num'
  >
>;

/** The row the dao writes. */
export interface LineRecord {
  context_id: number;
  name: string | null;
  provisioning_code: string;
  position: number;
  registrar: string;
  endpoint_sip: Omit<EndpointSip, 'tenant_uuid'> | null;
  endpoint_custom_interface: string | null;
}

const CALLER_ID = /^"([^"]+)"(?:\s+<(\+?[0-9A-Z]+)?>)?/;

/** `{name, num}` read from a SIP endpoint's `callerid` option (`"Name" <1000>`), as Wazo does. */
export function callerIdOf(options: readonly SipOption[]): { name: string | null; num: string | null } {
  const value = options.find(([key]) => key === 'callerid')?.[1];
  const match = value ? CALLER_ID.exec(value) : null;
  return { name: match?.[1] ?? null, num: match?.[2] ?? null };
}

/** The `callerid` option value for a name and number. */
export function formatCallerId(name: string | null, num: string | null): string {
  return num ? `"${name ?? ''}" <${num}>` : `"${name ?? ''}"`;
}

const option = { type: 'array', items: { type: 'string' }, minItems: 2, maxItems: 2 } as const;
const options = { type: 'array', items: option, maxItems: 512 } as const;

const lineProperties = {
  context: { type: 'string' },
  provisioning_code: { type: ['string', 'null'], pattern: '^[0-9]{6}$' },
  position: { type: ['integer', 'null'], minimum: 1 },
  registrar: { type: ['string', 'null'], maxLength: 128 },
  caller_id_name: { type: ['string', 'null'] },
  caller_id_num: { type: ['string', 'null'], pattern: '^[0-9]+$' },
} as const;

const endpointProperties = {
  endpoint_sip: {
    type: ['object', 'null'],
    properties: {
      name: { type: 'string', pattern: '^[-_.a-zA-Z0-9]{1,79}$', not: { enum: ['global', 'system'] } },
      label: { type: ['string', 'null'], maxLength: 128 },
      auth_section_options: options,
      endpoint_section_options: options,
      aor_section_options: options,
    },
  },
  endpoint_custom: {
    type: ['object', 'null'],
    required: ['interface'],
    properties: { interface: { type: 'string', pattern: '^[a-zA-Z0-9#*./_@:-]{1,128}$' } },
  },
} as const;

export const lineCreateSchema = {
  type: 'object',
  required: ['context'],
  properties: { ...lineProperties, ...endpointProperties },
} as const;

export const lineEditSchema = { type: 'object', properties: lineProperties } as const;
