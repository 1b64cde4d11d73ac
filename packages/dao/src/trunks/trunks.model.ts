/**
 * A trunk as wazo-confd shows it (`/trunks`): the context its incoming calls enter, how the
 * caller id of outgoing calls is formatted, and the endpoint (SIP, IAX or custom, at most one)
 * carrying its calls, with the outcalls using it and its IAX registration.
 */
import { linked, nullable, type Static, stringEnum, stringPair, Type } from '../schema.js';

export const OUTGOING_CALLER_ID_FORMATS = ['+E164', 'E164', 'national'] as const;

/** The trunk's SIP endpoint: Wazo shows only its username and client uri options. */
export const trunkEndpointSipSchema = linked(
  'endpoint_sip',
  {
    uuid: Type.String(),
    label: nullable(Type.String()),
    name: Type.String(),
    auth_section_options: Type.Array(stringPair),
    registration_section_options: Type.Array(stringPair),
  },
  'uuid',
);
export const trunkEndpointIaxSchema = linked('endpoint_iax', { id: Type.Integer(), name: Type.String() });
export const trunkEndpointCustomSchema = linked('endpoint_custom', {
  id: Type.Integer(),
  interface: Type.String(),
});
export const trunkOutcallSchema = linked('outcalls', { id: Type.Integer(), name: Type.String() });

const trunkFields = {
  id: Type.Integer(),
  tenant_uuid: Type.String(),
  context: nullable(Type.String()),
  twilio_incoming: Type.Boolean(),
  outgoing_caller_id_format: stringEnum(OUTGOING_CALLER_ID_FORMATS),
};

/** `GET /trunks/{id}`. */
export const trunkSchema = linked('trunks', {
  ...trunkFields,
  endpoint_sip: nullable(trunkEndpointSipSchema),
  endpoint_custom: nullable(trunkEndpointCustomSchema),
  endpoint_iax: nullable(trunkEndpointIaxSchema),
  outcalls: Type.Array(trunkOutcallSchema),
  register_iax: nullable(linked('register_iax', { id: Type.Integer() })),
});
export type Trunk = Static<typeof trunkSchema>;

/** A trunk's own fields and endpoint keys, as the dao reads them. */
export interface TrunkRow {
  id: number;
  tenant_uuid: string;
  context: string | null;
  twilio_incoming: boolean;
  outgoing_caller_id_format: (typeof OUTGOING_CALLER_ID_FORMATS)[number];
  endpoint_sip_uuid: string | null;
  endpoint_iax_id: number | null;
  endpoint_custom_id: number | null;
  register_iax_id: number | null;
}

const optional = Type.Optional;
const inputProperties = {
  context: optional(nullable(Type.String())),
  twilio_incoming: optional(nullable(Type.Boolean())),
  outgoing_caller_id_format: optional(stringEnum(OUTGOING_CALLER_ID_FORMATS)),
};

/** `POST /trunks` body: every field is optional. */
export const trunkCreateSchema = Type.Object(inputProperties);
export type TrunkCreate = Static<typeof trunkCreateSchema>;

/** `PUT /trunks/{id}` body: what is given changes, the rest stays. */
export const trunkEditSchema = Type.Object(inputProperties);
export type TrunkEdit = Static<typeof trunkEditSchema>;

/** What the dao writes. */
export interface TrunkRecord {
  context_id: number | null;
  twilio_incoming: boolean;
  outgoing_caller_id_format: (typeof OUTGOING_CALLER_ID_FORMATS)[number];
}

/** The kinds of endpoint a trunk takes, and the column holding each. */
export type TrunkEndpointProtocol = 'sip' | 'iax' | 'custom';
export const TRUNK_ENDPOINT_COLUMNS = {
  sip: 'endpoint_sip_uuid',
  iax: 'endpoint_iax_id',
  custom: 'endpoint_custom_id',
} as const;
