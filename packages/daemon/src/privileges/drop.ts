/**
 * Gives up root once the daemon has bound its ports and opened its files. The kernel checks
 * privileges when a port is bound, not when it is used, so a socket bound as root keeps working
 * after the drop while the rest of the process can no longer touch what root owns.
 */
import type { Logger } from 'pino';
import { PrivilegesError } from './errors.js';
import { type PasswdSource, resolveUser, type SystemUser } from './users.js';

/** The POSIX identity calls of `process`, injectable so the decisions are testable without root. */
export interface ProcessIdentity {
  getuid(): number;
  geteuid(): number;
  getgid(): number;
  getegid(): number;
  initgroups(user: string, extraGroup: number): void;
  setgid(id: number): void;
  setuid(id: number): void;
}

export type PrivilegesLogger = Pick<Logger, 'info' | 'warn'>;

export interface DropPrivilegesOptions {
  /** Account to run as (config `user` or -u); null/undefined when none is configured. */
  user?: string | null | undefined;
  /** Config `allow_root`: accept running as root when no user (or root itself) is configured. */
  allowRoot?: boolean;
  logger?: PrivilegesLogger;
  /** Defaults to the real `process`; null on platforms without POSIX ids (Windows). */
  identity?: ProcessIdentity | null;
  passwd?: PasswdSource;
}

export type PrivilegesOutcome =
  | { action: 'dropped'; user: SystemUser }
  | { action: 'root-allowed' }
  | { action: 'unchanged'; uid: number }
  | { action: 'cannot-switch'; uid: number; wanted: string }
  | { action: 'unsupported' };

export const ROOT_REFUSED_MESSAGE =
  'refusing to run as root: set `user` in the config or -u, or allow_root: true';

// @types/node omits process.initgroups although Node has it on POSIX since 0.9.
type PosixProcess = NodeJS.Process & {
  initgroups?: (user: string | number, extraGroup: string | number) => void;
};

function processIdentity(): ProcessIdentity | null {
  const p = process as PosixProcess;
  if (!p.getuid || !p.geteuid || !p.getgid || !p.getegid || !p.setuid || !p.setgid || !p.initgroups) {
    return null;
  }
  return {
    getuid: p.getuid,
    geteuid: p.geteuid,
    getgid: p.getgid,
    getegid: p.getegid,
    initgroups: p.initgroups,
    setgid: p.setgid,
    setuid: p.setuid,
  };
}

/**
 * Settles the identity the daemon runs under. As root: switch to `user`, or refuse to start
 * unless `allowRoot`. Not root: nothing can be switched, so a different configured user only
 * earns a warning (a developer running a daemon from a checkout is the usual case).
 */
export function dropPrivileges(options: DropPrivilegesOptions): PrivilegesOutcome {
  const identity = options.identity === undefined ? processIdentity() : options.identity;
  if (!identity) return { action: 'unsupported' };
  const wanted = options.user || null;
  if (identity.geteuid() !== 0) return checkUnprivileged(identity, wanted, options);
  const user = wanted ? resolveUser(wanted, options.passwd) : null;
  if (!user || user.uid === 0) {
    if (!options.allowRoot) throw new PrivilegesError('root-refused', ROOT_REFUSED_MESSAGE, { user: wanted });
    options.logger?.warn('running as root (allow_root is true)');
    return { action: 'root-allowed' };
  }
  switchTo(identity, user);
  verifyDropped(identity, user);
  options.logger?.info({ user: user.name, uid: user.uid, gid: user.gid }, 'dropped root privileges');
  return { action: 'dropped', user };
}

function checkUnprivileged(
  identity: ProcessIdentity,
  wanted: string | null,
  options: DropPrivilegesOptions,
): PrivilegesOutcome {
  const uid = identity.geteuid();
  if (!wanted) return { action: 'unchanged', uid };
  let wantedUid: number | null = null;
  try {
    wantedUid = resolveUser(wanted, options.passwd).uid;
  } catch {
    // An unknown account cannot be switched to either; the warning below says so.
  }
  if (wantedUid === uid) return { action: 'unchanged', uid };
  options.logger?.warn(
    { user: wanted, uid },
    `configured to run as "${wanted}" but started as uid ${uid} without root: cannot switch, running as uid ${uid}`,
  );
  return { action: 'cannot-switch', uid, wanted };
}

// Supplementary groups and the gid must change while we are still root; setuid comes last
// because after it none of the other calls is allowed.
function switchTo(identity: ProcessIdentity, user: SystemUser): void {
  try {
    identity.initgroups(user.name, user.gid);
    identity.setgid(user.gid);
    identity.setuid(user.uid);
  } catch (err) {
    throw new PrivilegesError('drop-failed', `could not switch to user "${user.name}": ${String(err)}`, {
      user: user.name,
    });
  }
}

function verifyDropped(identity: ProcessIdentity, user: SystemUser): void {
  const ids = {
    uid: identity.getuid(),
    euid: identity.geteuid(),
    gid: identity.getgid(),
    egid: identity.getegid(),
  };
  const idsMatch =
    ids.uid === user.uid && ids.euid === user.uid && ids.gid === user.gid && ids.egid === user.gid;
  let regainedRoot = false;
  try {
    identity.setuid(0);
    regainedRoot = true;
  } catch {
    // Expected: an unprivileged process cannot become root again.
  }
  if (!idsMatch || regainedRoot) {
    throw new PrivilegesError('drop-failed', `privileges of "${user.name}" not in effect after the switch`, {
      expected: { uid: user.uid, gid: user.gid },
      actual: ids,
      regainedRoot,
    });
  }
}
