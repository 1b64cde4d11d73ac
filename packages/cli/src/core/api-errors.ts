/**
 * A Wazo error answer as one line. Wazo has three bodies: confd's list of strings, the APIError
 * object `{message, error_id, details}` (details holding per-field messages on a 400), and
 * wazo-auth's legacy `{reason: [message]}`.
 */

export interface ParsedError {
  messages: string[];
  errorId?: string | undefined;
  details?: Record<string, unknown> | undefined;
}

function fieldMessages(details: Record<string, unknown>): string[] {
  return Object.entries(details).flatMap(([field, value]) => {
    if (typeof value === 'string') return [`${field}: ${value}`];
    if (Array.isArray(value)) return [`${field}: ${value.map(String).join(', ')}`];
    if (value && typeof value === 'object') {
      const message = (value as { message?: unknown }).message;
      if (typeof message === 'string') return [`${field}: ${message}`];
      return fieldMessages(value as Record<string, unknown>).map((m) => `${field}.${m}`);
    }
    return [];
  });
}

function rowMessage(error: unknown): string {
  const { message, details } = (error ?? {}) as { message?: unknown; details?: { row_number?: unknown } };
  const row = details?.row_number;
  return row === undefined ? String(message) : `row ${String(row)}: ${String(message)}`;
}

export function parseErrorBody(text: string): ParsedError {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return { messages: text.trim() ? [text.trim().slice(0, 300)] : [] };
  }
  if (Array.isArray(body)) return { messages: body.map(String) };
  if (!body || typeof body !== 'object') return { messages: [String(body)] };
  const object = body as Record<string, unknown>;
  if (Array.isArray(object.reason)) return { messages: object.reason.map(String) };
  // confd's users import: one error per bad CSV row.
  if (Array.isArray(object.errors)) return { messages: object.errors.map(rowMessage) };
  const details = object.details && typeof object.details === 'object' ? object.details : undefined;
  return {
    messages: typeof object.message === 'string' ? [object.message] : [],
    errorId: typeof object.error_id === 'string' ? object.error_id : undefined,
    details: details as Record<string, unknown> | undefined,
  };
}

/** The line for a 400, 403, 404, 409, 429 or 5xx (401 needs the token's state: see session). */
export function describeHttpError(service: string, status: number, parsed: ParsedError): string {
  const said = parsed.messages.join('; ') || 'no message';
  if (status === 400) {
    const fields = parsed.details && parsed.errorId !== undefined ? fieldMessages(parsed.details) : [];
    const all = [...parsed.messages.filter((m) => fields.length === 0 || m !== 'Invalid data'), ...fields];
    return `invalid request: ${all.join('; ') || said}`;
  }
  if (status === 403) return `forbidden: ${said}`;
  if (status === 404) return `not found: ${said}`;
  if (status === 409) return `conflict: ${said}`;
  if (status === 429) return `too many requests: ${said}`;
  if (status >= 500) return `${service} failed (HTTP ${status}): ${said}`;
  return `${service} answered HTTP ${status}: ${said}`;
}
