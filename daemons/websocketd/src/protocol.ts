/**
 * Wazo's websocketd protocol (versions 1 and 2): what a client may send and what the server
 * answers. Anything a client sends outside the protocol is a `ProtocolError`, which closes the
 * connection with 4004 and no reason, as Wazo does.
 */

export const SUPPORTED_VERSIONS = [1, 2] as const;
export type ProtocolVersion = (typeof SUPPORTED_VERSIONS)[number];

export const CloseCode = {
  noToken: 4001,
  // Also "too many sessions" for this token or user: the code @wazo/sdk reports to the
  // application (on_auth_failed) instead of only reconnecting.
  authFailed: 4002,
  authExpired: 4003,
  protocolError: 4004,
  busError: 1011,
  goingAway: 1001,
  tooSlow: 1008,
} as const;

export class ProtocolError extends Error {}

export type ClientMessage =
  | { op: 'subscribe'; value: string }
  | { op: 'token'; value: string }
  | { op: 'ping'; value: string }
  | { op: 'start' };

// Wazo's event names are a few dozen characters; a session remembers each one it subscribes to.
export const MAX_EVENT_NAME_LENGTH = 256;

// The data key each op with a value must carry, a string under `data`.
const VALUE_KEYS: Record<string, string> = { subscribe: 'event_name', token: 'token', ping: 'payload' };

function opValue(op: string, document: Record<string, unknown>): string {
  const key = VALUE_KEYS[op]!;
  const data = document.data;
  if (typeof data !== 'object' || data === null || Array.isArray(data))
    throw new ProtocolError('"data" is missing or not an object');
  const value = (data as Record<string, unknown>)[key];
  if (typeof value !== 'string') throw new ProtocolError(`data "${key}" is missing or not a string`);
  if (op === 'subscribe' && value.length > MAX_EVENT_NAME_LENGTH)
    throw new ProtocolError(`event name longer than ${MAX_EVENT_NAME_LENGTH} characters`);
  return value;
}

/** Reads one client frame; throws `ProtocolError` for anything outside the protocol. */
export function decodeClientMessage(frame: string | Buffer, isBinary: boolean): ClientMessage {
  if (isBinary) throw new ProtocolError('expected a text frame');
  let document: unknown;
  try {
    document = JSON.parse(frame.toString());
  } catch {
    throw new ProtocolError('not a valid JSON document');
  }
  if (typeof document !== 'object' || document === null || Array.isArray(document))
    throw new ProtocolError('JSON root is not an object');
  const op = (document as Record<string, unknown>).op;
  if (typeof op !== 'string') throw new ProtocolError('"op" is missing or not a string');
  if (op === 'start') return { op };
  if (op === 'subscribe' || op === 'token' || op === 'ping')
    return { op, value: opValue(op, document as Record<string, unknown>) };
  throw new ProtocolError(`unknown operation "${op}"`);
}

/** What Python's `int()` takes: optional spaces and sign, digits with single underscores. */
const PYTHON_INT = /^\s*[+-]?\d+(?:_\d+)*\s*$/;

/**
 * `?version=` of the connection URL: 1 when absent or empty (Wazo parses the query dropping blank
 * values), else an integer as Python's `int()` reads it (` 2`, `+2`, `02`), which must be 1 or 2;
 * anything else is refused (`1.0`, `0x1`, `undefined`: Wazo's `int()` raises there).
 */
export function parseVersion(raw: string | null): ProtocolVersion {
  if (raw === null || raw === '') return 1;
  const version = PYTHON_INT.test(raw) ? Number(raw.replaceAll('_', '')) : Number.NaN;
  if (!SUPPORTED_VERSIONS.includes(version as ProtocolVersion))
    throw new ProtocolError('unsupported version');
  return version as ProtocolVersion;
}

export function encodeReply(op: string, data: unknown = null): string {
  return JSON.stringify({ op, code: 0, data });
}

/**
 * An event as a client of `version` receives it: v1 gets the bus body as published, v2 wraps it
 * in `{"op":"event","code":0,"data":<body>}`. The body is spliced in as text, so a message is
 * encoded once per version whatever the number of sessions, without parsing it.
 */
export function encodeEvent(body: string, version: ProtocolVersion): string {
  return version === 1 ? body : `{"op":"event","code":0,"data":${body}}`;
}
