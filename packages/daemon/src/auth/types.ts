/**
 * What the kit knows of a token once wazo-auth has vouched for it. Daemons ask wazo-auth once per
 * token (GET /0.1/token/{token}) and check ACLs locally; wazo-auth itself plugs a verifier that
 * reads its own database. Field names are wazo-auth's.
 */
export interface TokenMetadata {
  uuid?: string | null;
  tenant_uuid?: string | null;
  auth_id?: string;
  pbx_user_uuid?: string | null;
  purpose?: string;
  [key: string]: unknown;
}

export interface TokenInfo {
  token: string;
  auth_id: string;
  session_uuid: string;
  acl: string[];
  /** Expiry as epoch milliseconds (parsed from `utc_expires_at`). */
  expiresAt: number;
  metadata: TokenMetadata;
  xivo_user_uuid?: string | null;
}

export interface TokenLookupOptions {
  /**
   * Asks wazo-auth even when the answer is cached, and caches the new one: for periodic re-checks
   * that must notice a revocation whose `auth_session_deleted` event never arrived.
   */
  fresh?: boolean;
}

export interface TokenVerifier {
  /**
   * The token's details, or `null` when wazo-auth does not know it or it expired. Throws an
   * `unavailable` WazoError when wazo-auth cannot be reached.
   */
  get(token: string, options?: TokenLookupOptions): Promise<TokenInfo | null>;
  /**
   * True when `tenantUuid` is the token's tenant or one of its descendants (asked to wazo-auth
   * once per token and tenant, then cached with the token).
   */
  canAccessTenant(token: TokenInfo, tenantUuid: string): Promise<boolean>;
  /** Forgets every cached token of this session (on `auth_session_deleted`). */
  revokeSession(sessionUuid: string): void;
  /** Forgets a token (on logout seen by this daemon). */
  revokeToken(token: string): void;
  /**
   * Forgets every cached answer, for when revocation events may have been missed (the bus
   * connection was lost). Verifiers without a cache need not have it.
   */
  forgetAll?(): void;
}

/** What a route declares: the ACL it requires (with `{param}` placeholders) or that it is public. */
export type RouteAccess =
  | {
      acl: string;
      /** Also read the token from `?token=` (which wins over `X-Auth-Token`, as Wazo). */
      tokenFromQuery?: boolean;
      /** Also read the tenant from `?tenant=` (which wins over `Wazo-Tenant`, as Wazo's autodetect). */
      tenantFromQuery?: boolean;
    }
  | { public: true };

/** Attached to each authenticated request. */
export interface RequestAuth {
  token: TokenInfo;
  /** The scoping tenant: `Wazo-Tenant` when given and allowed, else the token's tenant. */
  tenantUuid: string | null;
  /** The ACL the route required, with parameters substituted. */
  requiredAcl: string;
}
