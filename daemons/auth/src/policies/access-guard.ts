/**
 * The escalation guard (reference §3): what a caller may put into, or take out of, a policy or an
 * association. Services receive it as this interface, so they hold the rule without knowing tokens.
 */
export interface AccessGuard {
  /** The access, read as a literal, is granted to the caller (`!x` always is). */
  mayAdd(access: string): boolean;
  /** The caller is granted the access itself (without its `!`). */
  mayRemove(access: string): boolean;
  /** The 401 to throw when the caller may not add or remove `access`. */
  denied(access: string): Error;
}

/** Throws the guard's 401 on the first access the caller may not add. */
export function assertMayAdd(guard: AccessGuard, acl: Iterable<string>): void {
  for (const access of acl) if (!guard.mayAdd(access)) throw guard.denied(access);
}

/** Throws the guard's 401 on the first access the caller may not remove. */
export function assertMayRemove(guard: AccessGuard, acl: Iterable<string>): void {
  for (const access of acl) if (!guard.mayRemove(access)) throw guard.denied(access);
}
