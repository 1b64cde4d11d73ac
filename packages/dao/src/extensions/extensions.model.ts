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
}

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
