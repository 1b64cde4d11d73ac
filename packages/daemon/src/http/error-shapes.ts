/**
 * Wazo's error bodies. Wazo daemons use three shapes, and clients parse each where Wazo uses it:
 * - `api`: `{message, error_id, details, timestamp, resource?}` (xivo-lib-python's APIException);
 * - `confd`: a JSON list of strings, e.g. `["Resource Not Found - User was not found ('id': 42)"]`;
 * - `legacy`: wazo-auth's `{reason: [message], timestamp: [t], status_code}` (token and a few others).
 */
import type { ErrorCode, WazoError } from '@wazo-ts/errors';

export type ErrorShape = 'api' | 'confd' | 'legacy';

const statusByCode: Record<ErrorCode, number> = {
  'invalid-data': 400,
  unauthorized: 401,
  forbidden: 403,
  'not-found': 404,
  'not-allowed': 405,
  conflict: 409,
  'too-many-requests': 429,
  internal: 500,
  unavailable: 503,
};

/** The one place where an error category becomes an HTTP status. */
export function httpStatusOf(error: WazoError): number {
  return statusByCode[error.code];
}

/**
 * confd answers one string per failing field; an error carrying several lists them as strings
 * in `details.messages`, otherwise its message is the only one.
 */
function confdMessages(error: WazoError): string[] {
  const messages = (error.details as { messages?: unknown } | undefined)?.messages;
  const valid =
    Array.isArray(messages) && messages.length > 0 && messages.every((m) => typeof m === 'string');
  return valid ? (messages as string[]) : [error.message];
}

export function renderError(error: WazoError, shape: ErrorShape, now: number = Date.now()): unknown {
  const timestamp = now / 1000;
  switch (shape) {
    case 'confd':
      return confdMessages(error);
    case 'legacy':
      return { reason: [error.message], timestamp: [timestamp], status_code: httpStatusOf(error) };
    case 'api': {
      const body: Record<string, unknown> = {
        message: error.message,
        error_id: error.errorId,
        details: error.details,
        timestamp,
      };
      if (error.resource !== undefined) body.resource = error.resource;
      return body;
    }
  }
}
