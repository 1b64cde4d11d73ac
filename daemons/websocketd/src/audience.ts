/**
 * Who a session may see, decided per event from its AMQP headers, as Wazo's per-session queue
 * bindings and ACL check decide it:
 * - scope: an admin (master tenant token, `metadata.admin`, or purpose `internal`/`external_api`)
 *   sees its tenant's events, every tenant's for the master tenant; a user sees events of its
 *   tenant flagged `user_uuid:<own uuid>` or `user_uuid:*`;
 * - ACL: an event without a `required_acl` header is never sent; a null one is sent to anyone in
 *   scope; otherwise the token's ACL must grant it (`me`, `my_session` and `!` included).
 * `origin_uuid` (this Wazo's uuid) is matched by the daemon's single bus binding.
 */
import { type AclMatcher, aclMatcherFor, type TokenInfo } from '@wazo-ts/daemon';

export type EventHeaders = Record<string, string | number | boolean | null>;

export interface Audience {
  tenantUuid: string | null;
  userUuid: string | null;
  /** Sees every tenant (a master tenant token). */
  global: boolean;
  /** Sees its whole tenant. */
  admin: boolean;
  /** ACL checks, remembered per required ACL (events repeat the same few). */
  allows(requiredAcl: string | null): boolean;
}

const ADMIN_PURPOSES = new Set(['internal', 'external_api']);
// Required ACLs often embed a uuid; the memo is cleared rather than allowed to grow without bound.
const MEMO_LIMIT = 1024;

function memoized(matcher: AclMatcher): (requiredAcl: string | null) => boolean {
  const memo = new Map<string, boolean>();
  return (requiredAcl) => {
    if (requiredAcl === null) return true;
    let granted = memo.get(requiredAcl);
    if (granted === undefined) {
      granted = matcher.matches(requiredAcl);
      if (memo.size >= MEMO_LIMIT) memo.clear();
      memo.set(requiredAcl, granted);
    }
    return granted;
  };
}

export function audienceOf(token: TokenInfo, masterTenantUuid: string): Audience {
  const { metadata } = token;
  const tenantUuid = metadata.tenant_uuid ?? null;
  const global = tenantUuid !== null && tenantUuid === masterTenantUuid;
  const admin =
    global ||
    Boolean(metadata.admin) ||
    (metadata.purpose !== undefined && ADMIN_PURPOSES.has(metadata.purpose));
  return {
    tenantUuid,
    userUuid: metadata.uuid ?? null,
    global,
    admin,
    allows: memoized(aclMatcherFor(token)),
  };
}

function inScope(audience: Audience, headers: EventHeaders): boolean {
  if (audience.global) return true;
  if (audience.tenantUuid === null || headers.tenant_uuid !== audience.tenantUuid) return false;
  if (audience.admin) return true;
  return (
    headers['user_uuid:*'] === true ||
    (audience.userUuid !== null && headers[`user_uuid:${audience.userUuid}`] === true)
  );
}

/** True when the event may be sent to a session of this audience. */
export function canSee(audience: Audience, headers: EventHeaders): boolean {
  if (!Object.hasOwn(headers, 'required_acl')) return false;
  const requiredAcl = headers.required_acl;
  if (requiredAcl !== null && typeof requiredAcl !== 'string') return false;
  return inScope(audience, headers) && audience.allows(requiredAcl ?? null);
}
