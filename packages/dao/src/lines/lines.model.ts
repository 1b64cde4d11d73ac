/**
 * A line, as wazo-confd shows it, with its endpoint: a SIP, SCCP or custom endpoint, each a
 * resource of its own (endpoint-sip/, endpoint-sccp/, endpoint-custom/). Its name is the
 * endpoint's (SIP or SCCP name, custom interface), its protocol follows the endpoint, its tenant
 * is its context's.
 */
import { lineApplicationSchema } from '../applications/applications.model.js';
import {
  endpointCustomCreateSchema,
  endpointCustomSchema,
} from '../endpoint-custom/endpoint-custom.model.js';
import { endpointSccpInputSchema, endpointSccpSchema } from '../endpoint-sccp/endpoint-sccp.model.js';
import { type SipOption, sipInputSchema } from '../endpoint-sip/endpoint-sip.model.js';
import { linked, nullable, type Static, stringEnum, stringPair, Type } from '../schema.js';

/** The SIP endpoint as a line shows it: no password, only the username among auth options. */
export const endpointSipSummarySchema = linked(
  'endpoint_sip',
  {
    uuid: Type.String(),
    label: nullable(Type.String()),
    name: Type.String(),
    auth_section_options: Type.Array(stringPair),
  },
  'uuid',
);
export type EndpointSipSummary = Static<typeof endpointSipSummarySchema>;

/** The custom endpoint as a line shows it. */
export const lineEndpointCustomSchema = linked('endpoint_custom', {
  id: Type.Integer(),
  interface: Type.String(),
});

/** The SCCP endpoint as a line shows it. */
export const lineEndpointSccpSchema = linked('endpoint_sccp', { id: Type.Integer() });

export const lineExtensionRefSchema = linked('extensions', {
  id: Type.Integer(),
  exten: Type.String(),
  context: Type.String(),
});
export type LineExtensionRef = Static<typeof lineExtensionRefSchema>;

/** Linked by uuid: Wazo's href ends with the user's id, which this summary does not carry. */
export const lineUserRefSchema = linked(
  'users',
  { uuid: Type.String(), firstname: Type.String(), lastname: nullable(Type.String()) },
  'uuid',
);
export type LineUserRef = Static<typeof lineUserRefSchema>;

const lineAnswerProperties = {
  id: Type.Integer(),
  tenant_uuid: Type.String(),
  name: nullable(Type.String()),
  protocol: nullable(stringEnum(['sip', 'sccp', 'custom'])),
  context: Type.String(),
  provisioning_code: Type.String(),
  /** Same as provisioning_code (read-only, Wazo's alias). */
  provisioning_extension: Type.String(),
  position: Type.Integer(),
  /** Same as position (read-only, Wazo's alias). */
  device_slot: Type.Integer(),
  caller_id_name: nullable(Type.String()),
  caller_id_num: nullable(Type.String()),
  registrar: Type.String(),
  device_id: nullable(Type.String()),
  /** The SIP endpoint's `webrtc` option (its own, else its templates') is `yes`. */
  is_webrtc: Type.Boolean(),
  endpoint_sip: nullable(endpointSipSummarySchema),
  endpoint_sccp: nullable(lineEndpointSccpSchema),
  endpoint_custom: nullable(lineEndpointCustomSchema),
  /** The main extension first. */
  extensions: Type.Array(lineExtensionRefSchema),
  /** The main user first. */
  users: Type.Array(lineUserRefSchema),
  /** The application the line's calls enter (line_application), or null. */
  application: nullable(lineApplicationSchema),
};

/** `GET /lines/{id}`. */
export const lineSchema = linked('lines', lineAnswerProperties);
export type Line = Static<typeof lineSchema>;

/**
 * `POST /lines`: the line with its new SCCP or custom endpoint whole, as Wazo answers it (its
 * nested schemas are the full ones there).
 */
export const lineCreatedSchema = linked('lines', {
  ...lineAnswerProperties,
  endpoint_sccp: nullable(endpointSccpSchema),
  endpoint_custom: nullable(endpointCustomSchema),
});
export type LineCreated = Static<typeof lineCreatedSchema>;

const optional = Type.Optional;

const lineProperties = {
  context: Type.String(),
  /** 6 digits; random and unused when absent. */
  provisioning_code: optional(nullable(Type.String({ pattern: '^[0-9]{6}$' }))),
  position: optional(nullable(Type.Integer({ minimum: 1 }))),
  registrar: optional(nullable(Type.String({ maxLength: 128 }))),
  caller_id_name: optional(nullable(Type.String())),
  caller_id_num: optional(nullable(Type.String({ pattern: '^[0-9]+$' }))),
};

const endpointProperties = {
  /** A new SIP endpoint made with the line, as `POST /endpoints/sip` takes it. */
  endpoint_sip: optional(nullable(sipInputSchema)),
  /** A new SCCP endpoint made with the line, as `POST /endpoints/sccp` takes it. */
  endpoint_sccp: optional(nullable(endpointSccpInputSchema)),
  /** A new custom endpoint made with the line, as `POST /endpoints/custom` takes it. */
  endpoint_custom: optional(nullable(endpointCustomCreateSchema)),
};

/** `POST /lines`. */
export const lineCreateSchema = Type.Object({ ...lineProperties, ...endpointProperties });
export type LineCreate = Static<typeof lineCreateSchema>;

/** `PUT /lines/{id}`: editable fields; the endpoint is chosen at creation. */
export const lineEditSchema = Type.Object({ ...lineProperties, context: optional(lineProperties.context) });
export type LineEdit = Static<typeof lineEditSchema>;

/** The row the dao writes. */
export interface LineRecord {
  context_id: number;
  name: string | null;
  provisioning_code: string;
  position: number;
  registrar: string;
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
