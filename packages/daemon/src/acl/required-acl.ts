/**
 * A route's required ACL from its template, e.g. `confd.users.{user_id}.read` with `{user_id: 42}`
 * gives `confd.users.42.read`.
 *
 * Wazo replaces `.` with `_` in each value so a value stays one segment. We also replace `#` and
 * `*`: the matcher's `*` stops at `.` and `#`, so a value such as `a#b` would slip past a negative
 * entry like `!confd.users.*.delete` while a positive `confd.#` still grants it. With the three
 * characters replaced, a value is always one plain segment and can only narrow what is required.
 */

export type AclParams = Readonly<Record<string, unknown>>;

const PLACEHOLDER = /\{([A-Za-z_][A-Za-z0-9_]*)\}/g;
const UNSAFE_IN_VALUE = /[.#*]/g;

/** One parameter value made safe to stand as one segment of a required access. */
export function aclSegmentOf(value: unknown): string {
  return String(value).replace(UNSAFE_IN_VALUE, '_');
}

type Part = string | { param: string };

/** Parses a template once; the returned function substitutes parameters (routes compile at registration). */
export function compileAclTemplate(template: string): (params: AclParams) => string {
  const parts: Part[] = [];
  let last = 0;
  for (const match of template.matchAll(PLACEHOLDER)) {
    parts.push(template.slice(last, match.index), { param: match[1]! });
    last = match.index + match[0].length;
  }
  parts.push(template.slice(last));
  if (parts.length === 1) return () => template;
  return (params) => {
    let out = '';
    for (const part of parts) {
      if (typeof part === 'string') {
        out += part;
        continue;
      }
      const value = params[part.param];
      // A template naming a parameter the route lacks is a programming error, never a client's.
      if (value === undefined || value === null) throw new Error(`ACL parameter ${part.param} is missing`);
      out += aclSegmentOf(value);
    }
    return out;
  };
}

/** `compileAclTemplate(template)(params)`, for one-off use. */
export function requiredAclFor(template: string, params: AclParams): string {
  return compileAclTemplate(template)(params);
}
