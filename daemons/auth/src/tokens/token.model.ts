/**
 * Tokens as wazo-auth shows them (`{"data": Token}` of POST and GET /token) and as they are
 * stored (one session per token). Field names and time formats are Wazo's, since every Wazo
 * daemon and the SDK parse them.
 */

export type Purpose = 'user' | 'internal' | 'external_api';

export interface TokenMetadata {
  uuid: string | null;
  tenant_uuid: string | null;
  auth_id: string;
  pbx_user_uuid: string | null;
  xivo_uuid: string | null;
  purpose?: string;
  [key: string]: unknown;
}

/** The token document, in Wazo's field order. */
export interface Token {
  token: string;
  auth_id: string;
  xivo_user_uuid: string | null;
  xivo_uuid: string | null;
  issued_at: string;
  expires_at: string;
  utc_issued_at: string;
  utc_expires_at: string;
  acl: string[];
  metadata: TokenMetadata;
  session_uuid: string;
  remote_addr: string | null;
  user_agent: string | null;
  /** Only on an offline login (POST with `access_type: offline`). */
  refresh_token?: string;
}

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

/** The body of POST /token (unknown fields are ignored, as Wazo's schema does). */
export interface TokenRequest {
  backend?: string;
  expiration?: number;
  access_type?: 'online' | 'offline';
  client_id?: string;
  refresh_token?: string;
  saml_session_id?: string;
  tenant_id?: string;
  domain_name?: string;
}

export const TEN_YEARS = 3600 * 24 * 365 * 10;

export const tokenRequestSchema = {
  type: 'object',
  properties: {
    backend: { type: 'string' },
    expiration: { type: 'integer', minimum: 1, maximum: TEN_YEARS },
    access_type: { type: 'string', enum: ['online', 'offline'] },
    client_id: { type: 'string', minLength: 1, maxLength: 1024 },
    refresh_token: { type: 'string' },
    saml_session_id: { type: 'string', minLength: 1, maxLength: 1024 },
    tenant_id: { type: 'string' },
    domain_name: { type: 'string' },
  },
} as const;

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
