/**
 * An extension, as wazo-confd shows it: a number (or dialplan pattern) in a context. Its tenant
 * is its context's. `commented` is the legacy inverse of `enabled`.
 */
export interface Extension {
  id: number;
  tenant_uuid: string;
  exten: string;
  /** The context's name. */
  context: string;
  enabled: boolean;
  /** Legacy: `!enabled`. */
  commented: boolean;
  /** Lines this extension is assigned to. */
  lines: { id: number; name: string | null }[];
  /** Wazo's other owners, whose resources wazo-ts does not have yet (groups get no extension here): null. */
  conference: null;
  parking_lot: null;
  group: null;
  incall: null;
  outcall: null;
  queue: null;
}

/** The owners an extension cannot have yet, as Wazo renders an absent one. */
export const NO_OTHER_OWNERS = {
  conference: null,
  parking_lot: null,
  group: null,
  incall: null,
  outcall: null,
  queue: null,
} as const;

export interface ExtensionCreate {
  exten: string;
  context: string;
  enabled?: boolean | undefined;
  /** Legacy inverse of `enabled`; `enabled` wins when both are given. */
  commented?: boolean | undefined;
}

export type ExtensionEdit = Partial<ExtensionCreate>;

/** The row the dao writes. */
export interface ExtensionRecord {
  context_id: number;
  exten: string;
  enabled: boolean;
}

/**
 * Wazo's exten patterns: digits (and * #), or a `_` pattern; outcall contexts accept `+` too.
 * Python's `re.match` anchors both alternatives at the start, hence the group.
 */
export const EXTEN_REGEX = /^(?:_[*#0-9_XxZzNn[\].!-]{1,39}$|[*#0-9]{1,40}$)/;
export const EXTEN_OUTCALL_REGEX = /^_?\+?[*#0-9_XxZzNn[\].!-]*$/;

export const isPattern = (exten: string): boolean => exten.startsWith('_');

/** `enabled` from the input, with the legacy `commented` as fallback. */
export function enabledOf(input: ExtensionEdit): boolean | undefined {
  if (input.enabled !== undefined) return input.enabled;
  if (input.commented !== undefined) return !input.commented;
  return undefined;
}

const extensionProperties = {
  exten: { type: 'string', maxLength: 40 },
  context: { type: 'string' },
  enabled: { type: 'boolean' },
  commented: { type: 'boolean' },
} as const;

export const extensionCreateSchema = {
  type: 'object',
  required: ['exten', 'context'],
  properties: extensionProperties,
} as const;

export const extensionEditSchema = { type: 'object', properties: extensionProperties } as const;
