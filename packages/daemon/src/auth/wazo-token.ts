/**
 * Reading wazo-auth's token document (`{"data": Token}` of GET and POST /0.1/token).
 */
import type { TokenInfo, TokenMetadata } from './types.js';

// wazo-auth writes `%Y-%m-%dT%H:%M:%S.%f` in UTC with no zone; tolerate a zone in case a proxy or a
// newer version adds one.
const WAZO_UTC = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}:?\d{2})?$/;

/** Epoch milliseconds of a wazo-auth `utc_*` timestamp, or NaN when it is not one. */
export function parseWazoUtc(text: string): number {
  const m = WAZO_UTC.exec(text);
  if (!m) return Number.NaN;
  const [, y, mo, d, h, mi, s, frac = '0', zone] = m;
  const ms = Math.floor(Number(`0.${frac}`) * 1000);
  const utc = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), ms);
  if (zone === undefined || zone === 'Z') return utc;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  const offsetMinutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2));
  return utc - sign * offsetMinutes * 60_000;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function optionalString(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

/** The token inside a wazo-auth response body, or an Error saying what is wrong with it. */
export function parseTokenDocument(body: unknown): TokenInfo | Error {
  const data = isRecord(body) ? body.data : undefined;
  if (!isRecord(data)) return new Error('wazo-auth answered without a token document');
  const { token, auth_id, session_uuid, acl, utc_expires_at, metadata } = data;
  if (typeof token !== 'string' || typeof auth_id !== 'string')
    return new Error('token document lacks token or auth_id');
  if (acl !== null && acl !== undefined && !(Array.isArray(acl) && acl.every((a) => typeof a === 'string'))) {
    return new Error('token document has a malformed acl');
  }
  const expiresAt = typeof utc_expires_at === 'string' ? parseWazoUtc(utc_expires_at) : Number.NaN;
  if (Number.isNaN(expiresAt)) return new Error('token document has no valid utc_expires_at');
  return {
    token,
    auth_id,
    session_uuid: optionalString(session_uuid) ?? '',
    acl: (acl as string[] | null | undefined) ?? [],
    expiresAt,
    metadata: isRecord(metadata) ? (metadata as TokenMetadata) : {},
    xivo_user_uuid: optionalString(data.xivo_user_uuid),
  };
}
