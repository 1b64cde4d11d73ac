/**
 * A SIP endpoint or SIP template, as wazo-confd shows it: the PJSIP sections' options as
 * `[key, value]` pairs (order kept, keys may repeat), the templates it inherits from (ordered,
 * the last one wins), its transport, and the line (or trunk) that uses it. Templates are the same
 * resource with `template` set: they have no line or trunk and never send their options on the bus.
 */
import { linked, nullable, type Static, stringPair, Type } from '../schema.js';

export type SipOption = [string, string];

/** The PJSIP sections an endpoint carries, as their API field prefix. */
export const SIP_SECTIONS = [
  'aor',
  'auth',
  'endpoint',
  'identify',
  'registration',
  'registration_outbound_auth',
  'outbound_auth',
] as const;
export type SipSection = (typeof SIP_SECTIONS)[number];
export type SipSectionField = `${SipSection}_section_options`;

export const sectionField = (section: SipSection): SipSectionField => `${section}_section_options`;

const sectionAnswers = {
  aor_section_options: Type.Array(stringPair),
  auth_section_options: Type.Array(stringPair),
  endpoint_section_options: Type.Array(stringPair),
  identify_section_options: Type.Array(stringPair),
  registration_section_options: Type.Array(stringPair),
  registration_outbound_auth_section_options: Type.Array(stringPair),
  outbound_auth_section_options: Type.Array(stringPair),
};

export const sipTemplateRefSchema = Type.Object({ uuid: Type.String(), label: nullable(Type.String()) });
export const sipTransportRefSchema = Type.Object({ uuid: Type.String() });

const sipCommonAnswer = {
  uuid: Type.String(),
  tenant_uuid: Type.String(),
  name: Type.String(),
  label: nullable(Type.String()),
  ...sectionAnswers,
  /** The parents, first to last (a later one overrides an earlier one's options). */
  templates: Type.Array(sipTemplateRefSchema),
  transport: nullable(sipTransportRefSchema),
  asterisk_id: nullable(Type.String()),
};

/** `GET /endpoints/sip/templates/{uuid}`. */
export const sipTemplateSchema = linked('endpoint_sip_templates', sipCommonAnswer, 'uuid');
export type SipTemplate = Static<typeof sipTemplateSchema>;

/** `GET /endpoints/sip/{uuid}`; with `view=merged`, each section holds the inherited options too. */
export const endpointSipSchema = linked(
  'endpoint_sip',
  {
    ...sipCommonAnswer,
    /** The trunk using it, if any. */
    trunk: nullable(linked('trunks', { id: Type.Integer() })),
    line: nullable(linked('lines', { id: Type.Integer() })),
  },
  'uuid',
);
export type EndpointSip = Static<typeof endpointSipSchema>;

/** Endpoint or template: what the dao reads. */
export type SipResource = SipTemplate & Partial<Pick<EndpointSip, 'trunk' | 'line'>>;

const option = Type.Unsafe<SipOption>(
  Type.Array(Type.String({ minLength: 1, maxLength: 4092 }), { minItems: 2, maxItems: 2 }),
);
const options = () => Type.Optional(Type.Array(option, { maxItems: 512 }));

/** Asterisk's section names: reserved names refused, as Wazo's PJSIPSection field. */
export const PJSIP_SECTION_NAME = Type.String({
  minLength: 1,
  maxLength: 79,
  pattern: '^[-_.a-zA-Z0-9]+$',
  not: { enum: ['global', 'system'] },
});

export const sipInputSchema = Type.Object({
  /** 8 random lowercase letters and digits, unused, when absent. */
  name: Type.Optional(PJSIP_SECTION_NAME),
  label: Type.Optional(nullable(Type.String({ maxLength: 128 }))),
  aor_section_options: options(),
  auth_section_options: options(),
  endpoint_section_options: options(),
  identify_section_options: options(),
  registration_section_options: options(),
  registration_outbound_auth_section_options: options(),
  outbound_auth_section_options: options(),
  templates: Type.Optional(Type.Array(Type.Object({ uuid: Type.String({ format: 'uuid' }) }))),
  transport: Type.Optional(nullable(Type.Object({ uuid: Type.String({ format: 'uuid' }) }))),
  asterisk_id: Type.Optional(nullable(Type.String({ maxLength: 1024 }))),
});
/** `POST` and `PUT` of endpoints and templates (a PUT changes only the fields it gives). */
export type SipInput = Static<typeof sipInputSchema>;

/** What the dao writes: every field, resolved. */
export interface SipRecord extends Record<SipSectionField, SipOption[]> {
  name: string;
  label: string | null;
  asterisk_id: string | null;
  transport_uuid: string | null;
  template_uuids: string[];
}

/** The sections' options with each template's (recursively merged) options first, as Wazo's `combined_*`. */
export function mergedOptions(own: SipOption[], inherited: SipOption[][]): SipOption[] {
  const accumulator = new Map<string, string>();
  // A key keeps the place of its first occurrence and the value of its last, as Python's dict.
  for (const [key, value] of [...inherited.flat(), ...own]) accumulator.set(key, value);
  return [...accumulator];
}

const ALPHANUMERIC = 'abcdefghijklmnopqrstuvwxyz0123456789';

/**
 * A name for an endpoint or template made without one: 8 random lowercase letters and digits that
 * `taken` says are unused (Wazo's `find_unused_hash`). `random` is uniform in [0, 1).
 */
export async function unusedSipName(
  taken: (name: string) => Promise<boolean>,
  random: () => number,
): Promise<string> {
  for (;;) {
    const name = Array.from({ length: 8 }, () => ALPHANUMERIC[Math.floor(random() * 36)]).join('');
    if (!(await taken(name))) return name;
  }
}
