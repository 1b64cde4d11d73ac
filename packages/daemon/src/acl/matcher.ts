/**
 * Wazo's ACL matching, compiled once per token. Facts (xivo-lib-python's AccessCheck): each entry
 * of the token's ACL is an anchored pattern where `*` is one segment, possibly empty (no `.`, no
 * `#`), and `#` is anything, dots included. A whole segment `me`, `my_session` or `edit` in the
 * token's entry also accepts the auth id, the session uuid or `update` (never the other way round:
 * a token entry `x.update` does not grant `x.edit`). `!` entries deny before any positive entry
 * allows. No required access means allowed.
 */
import type { TokenInfo } from '../auth/types.js';

/** The identity the reserved words `me` and `my_session` stand for. */
export interface AclIdentity {
  authId: string;
  sessionUuid: string;
}

export interface AclMatcher {
  /** True when `requiredAccess` is granted (null or undefined: nothing required, granted). */
  matches(requiredAccess: string | null | undefined): boolean;
}

/**
 * The entries of one polarity. Most entries are plain strings (`confd.users.read`), checked by a
 * Set lookup; the others are grouped by their literal first segment so a token with hundreds of
 * entries only runs the few patterns that can match (`confd.*` never runs for `calld.x`).
 */
interface CompiledEntries {
  literals: Set<string>;
  byHead: Map<string, RegExp>;
  general: RegExp | null;
}

const RESERVED = new Set(['me', 'my_session', 'edit']);

function escapeRegex(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');
}

function segmentSource(segment: string, identity: AclIdentity): string {
  if (segment === 'me') return `(?:me|${escapeRegex(identity.authId)})`;
  if (segment === 'my_session') return `(?:my_session|${escapeRegex(identity.sessionUuid)})`;
  if (segment === 'edit') return '(?:edit|update)';
  let out = '';
  for (const char of segment) {
    if (char === '*') out += '[^.#]*?';
    else if (char === '#') out += '.*?';
    else out += escapeRegex(char);
  }
  return out;
}

function entrySource(entry: string, identity: AclIdentity): string {
  return entry
    .split('.')
    .map((segment) => segmentSource(segment, identity))
    .join('\\.');
}

function isPlainSegment(segment: string): boolean {
  return !RESERVED.has(segment) && !segment.includes('*') && !segment.includes('#');
}

// The `s` flag lets `#` match line breaks too: Python's `.` does not, which would let a value with a
// newline slip past a `!x.#.y` entry while a `*` entry still accepts it.
function anchored(sources: string[]): RegExp | null {
  return sources.length === 0 ? null : new RegExp(`^(?:${sources.join('|')})$`, 's');
}

function compileEntries(entries: readonly string[], identity: AclIdentity): CompiledEntries {
  const literals = new Set<string>();
  const headSources = new Map<string, string[]>();
  const generalSources: string[] = [];
  for (const entry of entries) {
    const segments = entry.split('.');
    if (segments.every(isPlainSegment)) {
      literals.add(entry);
      continue;
    }
    const head = segments[0] ?? '';
    const source = entrySource(entry, identity);
    if (!isPlainSegment(head)) generalSources.push(source);
    else headSources.set(head, [...(headSources.get(head) ?? []), source]);
  }
  const byHead = new Map<string, RegExp>();
  for (const [head, sources] of headSources) byHead.set(head, anchored(sources)!);
  return { literals, byHead, general: anchored(generalSources) };
}

function headOf(access: string): string {
  const dot = access.indexOf('.');
  return dot < 0 ? access : access.slice(0, dot);
}

function anyMatch(compiled: CompiledEntries, access: string): boolean {
  if (compiled.literals.has(access)) return true;
  if (compiled.byHead.size > 0 && compiled.byHead.get(headOf(access))?.test(access)) return true;
  return compiled.general?.test(access) ?? false;
}

/** Compiles a token's ACL; keep the result for the token's life (see `aclMatcherFor`). */
export function compileAcl(acl: readonly string[], identity: AclIdentity): AclMatcher {
  const positive = compileEntries(
    acl.filter((entry) => !entry.startsWith('!')),
    identity,
  );
  const negative = compileEntries(
    acl.filter((entry) => entry.startsWith('!')).map((entry) => entry.slice(1)),
    identity,
  );
  return {
    matches(requiredAccess) {
      if (requiredAccess === null || requiredAccess === undefined) return true;
      if (anyMatch(negative, requiredAccess)) return false;
      return anyMatch(positive, requiredAccess);
    },
  };
}

// A memo keyed by the token object itself: it holds no state of its own (an entry lives exactly as
// long as its TokenInfo), so sharing it across verifiers and daemons changes no behaviour.
const matchers = new WeakMap<TokenInfo, AclMatcher>();

/** The token's compiled matcher, built on first use and kept as long as the TokenInfo lives. */
export function aclMatcherFor(token: TokenInfo): AclMatcher {
  let matcher = matchers.get(token);
  if (matcher === undefined) {
    matcher = compileAcl(token.acl, { authId: token.auth_id, sessionUuid: token.session_uuid });
    matchers.set(token, matcher);
  }
  return matcher;
}

function matcherOf(caller: AclMatcher | TokenInfo): AclMatcher {
  return 'matches' in caller ? caller : aclMatcherFor(caller);
}

/**
 * Escalation guard (wazo-auth's policy and group edits): an access being added, read as a literal,
 * must be granted to the caller; a negative access (`!x`) only narrows, so anyone may add it.
 */
export function canGrant(caller: AclMatcher | TokenInfo, access: string): boolean {
  return access.startsWith('!') || matcherOf(caller).matches(access);
}

/** Removing an access (negative or not) requires being granted the access itself. */
export function canRevoke(caller: AclMatcher | TokenInfo, access: string): boolean {
  return matcherOf(caller).matches(access.startsWith('!') ? access.slice(1) : access);
}
