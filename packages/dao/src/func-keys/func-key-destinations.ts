/**
 * Where a function key points: Wazo's fifteen destination types, each with its parameters. One
 * table drives the JSON Schema of a key's destination, `GET /funckeys/destinations`, the cleaning
 * of a destination to its type's fields, the duplicate check (Wazo compares each destination's
 * identifying parameters) and which keys keep their BLF.
 */

interface Parameter {
  kind: 'integer' | 'string';
  required?: boolean;
  nullable?: boolean;
  values?: readonly string[];
  pattern?: string;
  /** The list a client picks the value from (Wazo's `collection` link). */
  collection?: 'users';
}

/** Wazo's exten of custom and forward keys; surrounding blanks are removed before the check. */
export const FUNC_KEY_EXTEN = '^[A-Z0-9+*]+$';
const exten = (required: boolean): Parameter => ({
  kind: 'string',
  required,
  nullable: !required,
  pattern: '^\\s*[A-Z0-9+*]+\\s*$',
});
const id = (collection?: 'users'): Parameter => ({ kind: 'integer', required: true, collection });
const choice = (...values: string[]): Parameter => ({ kind: 'string', required: true, values });

export const SERVICES = [
  'enablevm',
  'vmusermsg',
  'vmuserpurge',
  'phonestatus',
  'recsnd',
  'directoryaccess',
  'fwdundoall',
  'pickup',
  'callrecord',
  'incallfilter',
  'enablednd',
] as const;

/** Parameters of each type, in Wazo's order (types sorted by name, as `/funckeys/destinations`). */
export const FUNC_KEY_DESTINATIONS = {
  agent: { agent_id: id(), action: choice('login', 'logout', 'toggle') },
  bsfilter: { filter_member_id: id() },
  conference: { conference_id: id() },
  custom: { exten: exten(true) },
  forward: { forward: choice('busy', 'noanswer', 'unconditional'), exten: exten(false) },
  group: { group_id: id() },
  groupmember: { group_id: id(), action: choice('join', 'leave', 'toggle') },
  onlinerec: {},
  paging: { paging_id: id() },
  park_position: { parking_lot_id: id(), position: id() },
  parking: { parking_lot_id: id() },
  queue: { queue_id: id() },
  service: { service: choice(...SERVICES) },
  transfer: { transfer: choice('blind', 'attended') },
  user: { user_id: id('users') },
} as const satisfies Record<string, Record<string, Parameter>>;

export type FuncKeyDestinationType = keyof typeof FUNC_KEY_DESTINATIONS;
export const FUNC_KEY_DESTINATION_TYPES = Object.keys(FUNC_KEY_DESTINATIONS) as FuncKeyDestinationType[];

/** Types a template cannot hold (they need a user): Wazo refuses them on template creation. */
export const USER_ONLY_DESTINATIONS: readonly string[] = ['agent', 'bsfilter'];

/** A destination as given and stored: its type and that type's parameters. */
export type FuncKeyDestinationInput = { type: FuncKeyDestinationType } & Record<string, unknown>;

const parametersOf = (type: string): Record<string, Parameter> =>
  (FUNC_KEY_DESTINATIONS as Record<string, Record<string, Parameter>>)[type] ?? {};

/** Keeps only the type's parameters; blanks around an exten go, a forward's absent exten is null. */
export function cleanDestination(raw: FuncKeyDestinationInput): FuncKeyDestinationInput {
  const clean: FuncKeyDestinationInput = { type: raw.type };
  for (const name of Object.keys(parametersOf(raw.type))) {
    const value = raw[name];
    if (value !== undefined)
      clean[name] = typeof value === 'string' && name === 'exten' ? value.trim() : value;
  }
  if (raw.type === 'forward' && clean.exten === undefined) clean.exten = null;
  return clean;
}

/** What makes two keys of a template the same destination (Wazo's `to_tuple`), as metadata. */
export function destinationIdentity(destination: FuncKeyDestinationInput): Record<string, unknown> {
  if (destination.type === 'onlinerec') return { feature: 'onlinerec' };
  const names = Object.keys(parametersOf(destination.type)).sort();
  return Object.fromEntries(names.map((name) => [name, destination[name] ?? null]));
}

const BLF_TYPES = [
  'agent',
  'bsfilter',
  'conference',
  'custom',
  'forward',
  'groupmember',
  'park_position',
  'user',
];
const BLF_SERVICES = ['callrecord', 'enablednd', 'enablevm', 'incallfilter'];

/** Whether a key to this destination may light up (Wazo turns the others' BLF off). */
export function supportsBlf(destination: FuncKeyDestinationInput): boolean {
  if (destination.type === 'service') return BLF_SERVICES.includes(destination.service as string);
  return BLF_TYPES.includes(destination.type);
}

/** `GET /funckeys/destinations`: each type with its parameters (choices, and where to pick from). */
export function destinationParameters(collectionUrl: (collection: 'users') => string) {
  return FUNC_KEY_DESTINATION_TYPES.map((type) => ({
    type,
    parameters: Object.entries(parametersOf(type)).map(([name, spec]) => ({
      name,
      ...(spec.values ? { values: [...spec.values] } : {}),
      ...(spec.collection ? { collection: collectionUrl(spec.collection) } : {}),
    })),
  }));
}

function parameterSchema(spec: Parameter): Record<string, unknown> {
  const schema: Record<string, unknown> = { type: spec.nullable ? [spec.kind, 'null'] : spec.kind };
  if (spec.values) schema.enum = [...spec.values];
  if (spec.pattern) schema.pattern = spec.pattern;
  return schema;
}

function branch(type: string): Record<string, unknown> {
  const parameters = Object.entries(parametersOf(type));
  const required = parameters.filter(([, spec]) => spec.required).map(([name]) => name);
  const then = {
    properties: Object.fromEntries(parameters.map(([name, spec]) => [name, parameterSchema(spec)])),
    ...(required.length > 0 ? { required } : {}),
  };
  return { if: { properties: { type: { const: type } }, required: ['type'] }, then };
}

/** JSON Schema of a key's destination as given: a type, then that type's parameters. */
export const funcKeyDestinationJsonSchema = {
  type: 'object',
  required: ['type'],
  properties: { type: { type: 'string', enum: FUNC_KEY_DESTINATION_TYPES } },
  allOf: FUNC_KEY_DESTINATION_TYPES.map(branch),
} as const;
