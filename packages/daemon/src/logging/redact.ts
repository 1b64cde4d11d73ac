/**
 * Secrets never reach a log file. Tokens keep their last 8 characters and their dashes, as Wazo
 * prints them, so an operator can still tell two tokens apart; `Authorization` and passwords are
 * hidden entirely.
 */
import type { redactOptions } from 'pino';

const VISIBLE_TOKEN_CHARS = 8;
export const HIDDEN = '<hidden>';

/** `0b6d1c7e-...-9f3a5e2b1c4d` → `XXXXXXXX-XXXX-XXXX-XXXX-XXXX5e2b1c4d`. */
export function maskToken(token: string): string {
  const visibleFrom = token.length - VISIBLE_TOKEN_CHARS;
  let out = '';
  for (let i = 0; i < token.length; i++) {
    const c = token.charAt(i);
    out += i >= visibleFrom || c === '-' ? c : 'X';
  }
  return out;
}

/** Keeps the scheme of an `Authorization` header (useful when debugging) and hides the rest. */
export function maskAuthorization(value: string): string {
  const scheme = /^(Basic|Bearer)\s/i.exec(value)?.[1];
  return scheme ? `${scheme} ${HIDDEN}` : HIDDEN;
}

// Matches `token=` as a whole query parameter name (not `service_token=`), up to the next `&` or `#`.
const TOKEN_PARAM = /([?&;]token=)[^&#;]*/gi;

// The path segment after `/token/` (wazo-auth's `GET|HEAD|DELETE /token/{token}`), not `/tokens/`.
const TOKEN_SEGMENT = /(\/token\/)([^/?#;]+)/gi;

/**
 * Hides the value of a `token` query parameter (Wazo's opt-in `?token=` authentication) and masks
 * a token in a path (`/0.1/token/{token}`, which every daemon's token check calls) as tokens are
 * masked elsewhere.
 */
export function maskUrl(url: string): string {
  return url
    .replace(TOKEN_PARAM, `$1${HIDDEN}`)
    .replace(TOKEN_SEGMENT, (_match, prefix: string, token: string) => `${prefix}${maskToken(token)}`);
}

const TOKEN_HEADERS = ['x-auth-token', 'X-Auth-Token'];
const AUTHORIZATION_HEADERS = ['authorization', 'Authorization'];
const SECRET_FIELDS = ['password', 'service_key'];

function headerPaths(names: string[]): string[] {
  return names.flatMap((n) => [`headers["${n}"]`, `*.headers["${n}"]`]);
}

function censor(value: unknown, path: string[]): unknown {
  const key = (path[path.length - 1] ?? '').toLowerCase();
  if (typeof value !== 'string') return value === undefined ? undefined : HIDDEN;
  if (key === 'x-auth-token') return maskToken(value);
  if (key === 'authorization') return maskAuthorization(value);
  if (key === 'url') return maskUrl(value);
  return HIDDEN;
}

/**
 * pino `redact` options for the usual places secrets appear in log objects: headers of a
 * request or response (at the top or one level down, e.g. `req.headers`), URLs, and credential
 * fields. Values logged inside the message string itself are the caller's business (use the
 * `mask*` functions).
 */
export function secretRedaction(): redactOptions {
  return {
    paths: [
      ...headerPaths(TOKEN_HEADERS),
      ...headerPaths(AUTHORIZATION_HEADERS),
      'url',
      '*.url',
      ...SECRET_FIELDS.flatMap((f) => [f, `*.${f}`]),
    ],
    censor,
  };
}
