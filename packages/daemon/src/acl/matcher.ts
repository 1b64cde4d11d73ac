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
 * The entries of one polarity, sorted by the cheapest check that decides them. Most entries are
 * plain strings, or plain but for reserved words, which expand to a few strings (`users.me.read`
 * gives `users.me.read` and `users.<auth id>.read`): a Set lookup. Entries `<plain>.#` become a set
 * of prefixes tried at each dot. Only the rest run a regex, grouped by their literal first segment
 * so a token with hundreds of entries runs only the few that can match.
 */
interface CompiledEntries {
  all: boolean;
  literals: Set<string>;
  prefixes: Set<string>;
  byHead: Map<string, RegExp>;
  general: RegExp | null;
}

const RESERVED = new Set(['me', 'my_session', 'edit']);
// Beyond this many reserved segments in one entry, a regex is smaller than the expansion.
const MAX_EXPANDED_RESERVED = 3;

function escapeRegex(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');
}

function alternativesOf(segment: string, identity: AclIdentity): string[] {
  if (segment === 'me') return ['me', identity.authId];
  if (segment === 'my_session') return ['my_session', identity.sessionUuid];
  if (segment === 'edit') return ['edit', 'update'];
  return [segment];
}

function segmentSource(segment: string, identity: AclIdentity): string {
  if (RESERVED.has(segment)) return `(?:${alternativesOf(segment, identity).map(escapeRegex).join('|')})`;
  // escapeRegex leaves `#` alone and turns `*` into `\*`; `#` goes first since `[^.#]` holds one.
  return escapeRegex(segment).replaceAll('#', '.*?').replaceAll('\\*', '[^.#]*?');
}

function entrySource(segments: string[], identity: AclIdentity): string {
  return segments.map((segment) => segmentSource(segment, identity)).join('\\.');
}

function isWildcardFree(segment: string): boolean {
  return !segment.includes('*') && !segment.includes('#');
}

function isPlainSegment(segment: string): boolean {
  return !RESERVED.has(segment) && isWildcardFree(segment);
}

/** Every string the wildcard-free segments stand for, or null when there would be too many. */
function expand(segments: string[], identity: AclIdentity): string[] | null {
  if (segments.filter((s) => RESERVED.has(s)).length > MAX_EXPANDED_RESERVED) return null;
  let out = [''];
  segments.forEach((segment, i) => {
    const options = alternativesOf(segment, identity);
    out = out.flatMap((prefix) => options.map((o) => (i === 0 ? o : `${prefix}.${o}`)));
  });
  return out;
}

// The `s` flag lets `#` match line breaks too: Python's `.` does not, which would let a value with a
// newline slip past a `!x.#.y` entry while a `*` entry still accepts it.
function anchored(sources: string[]): RegExp | null {
  return sources.length === 0 ? null : new RegExp(`^(?:${sources.join('|')})$`, 's');
}

/** Files an entry under the cheapest check; returns false when it needs a regex. */
function addFast(compiled: CompiledEntries, segments: string[], identity: AclIdentity): boolean {
  if (segments.length === 1 && segments[0] === '#') compiled.all = true;
  else if (segments.every(isWildcardFree)) {
    const strings = expand(segments, identity);
    if (strings === null) return false;
    for (const s of strings) compiled.literals.add(s);
  } else if (segments.length > 1 && segments.at(-1) === '#' && segments.slice(0, -1).every(isWildcardFree)) {
    const strings = expand(segments.slice(0, -1), identity);
    if (strings === null) return false;
    for (const s of strings) compiled.prefixes.add(s);
  } else return false;
  return true;
}

function compileEntries(entries: readonly string[], identity: AclIdentity): CompiledEntries {
  const compiled: CompiledEntries = {
    all: false,
    literals: new Set(),
    prefixes: new Set(),
    byHead: new Map(),
    general: null,
  };
  const headSources = new Map<string, string[]>();
  const generalSources: string[] = [];
  for (const entry of entries) {
    const segments = entry.split('.');
    if (addFast(compiled, segments, identity)) continue;
    const head = segments[0] ?? '';
    const source = entrySource(segments, identity);
    if (!isPlainSegment(head)) generalSources.push(source);
    else if (headSources.has(head)) headSources.get(head)!.push(source);
    else headSources.set(head, [source]);
  }
  for (const [head, sources] of headSources) compiled.byHead.set(head, anchored(sources)!);
  compiled.general = anchored(generalSources);
  return compiled;
}

function headOf(access: string): string {
  const dot = access.indexOf('.');
  return dot < 0 ? access : access.slice(0, dot);
}

function hasPrefix(prefixes: Set<string>, access: string): boolean {
  for (let dot = access.indexOf('.'); dot >= 0; dot = access.indexOf('.', dot + 1)) {
    if (prefixes.has(access.slice(0, dot))) return true;
  }
  return false;
}

function anyMatch(compiled: CompiledEntries, access: string): boolean {
  if (compiled.all || compiled.literals.has(access)) return true;
  if (compiled.prefixes.size > 0 && hasPrefix(compiled.prefixes, access)) return true;
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
