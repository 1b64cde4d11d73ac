/**
 * Tokens as wazo-auth shows them (`{"data": Token}` of POST and GET /token, types derived from
 * token.schemas.ts) and as they are stored (one session per token). Field names and time formats
 * are Wazo's, since every Wazo daemon and the SDK parse them.
 */
import type { Static } from '@wazo-ts/daemon/schema';
import type { TokenMetadataSchema, TokenRequestSchema, TokenSchema } from './token.schemas.js';

export type Purpose = 'user' | 'internal' | 'external_api';

export type TokenMetadata = Static<typeof TokenMetadataSchema>;
export type Token = Static<typeof TokenSchema>;
export type TokenRequest = Static<typeof TokenRequestSchema>;

export interface StoredToken {
  uuid: string;
  sessionUuid: string;
  authId: string;
  pbxUserUuid: string | null;
  xivoUuid: string | null;
  issuedAt: Date;
  expiresAt: Date;
  acl: string[];
  metadata: TokenMetadata;
  userAgent: string | null;
  remoteAddr: string | null;
  refreshTokenUuid: string | null;
}

/** The session a token belongs to, as events and the session list show it. */
export interface SessionRef {
  uuid: string;
  tenantUuid: string;
  userUuid: string | null;
  mobile: boolean;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Python's `datetime.fromtimestamp(t).isoformat()`: local time, no zone, microseconds if any. */
export function localIsoformat(date: Date): string {
  const base =
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}` +
    `T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
  const ms = date.getMilliseconds();
  return ms === 0 ? base : `${base}.${pad(ms, 3)}000`;
}

/** `%Y-%m-%dT%H:%M:%S.%f` in UTC, no zone (what the SDK and the kit's verifier parse). */
export function utcTimestamp(date: Date): string {
  return (
    `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}` +
    `T${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}` +
    `.${pad(date.getUTCMilliseconds(), 3)}000`
  );
}

export function toTokenDocument(stored: StoredToken, refreshToken?: string | null): Token {
  const document: Token = {
    token: stored.uuid,
    auth_id: stored.authId,
    xivo_user_uuid: stored.pbxUserUuid,
    xivo_uuid: stored.xivoUuid,
    issued_at: localIsoformat(stored.issuedAt),
    expires_at: localIsoformat(stored.expiresAt),
    utc_issued_at: utcTimestamp(stored.issuedAt),
    utc_expires_at: utcTimestamp(stored.expiresAt),
    acl: stored.acl,
    metadata: stored.metadata,
    session_uuid: stored.sessionUuid,
    remote_addr: stored.remoteAddr,
    user_agent: stored.userAgent,
  };
  if (refreshToken) document.refresh_token = refreshToken;
  return document;
}

export function isExpired(stored: Pick<StoredToken, 'expiresAt'>, now: number): boolean {
  return now > stored.expiresAt.getTime();
}
