/**
 * What the remote backends (wazo, conference, csv_ws, ldap, google, office365) need beside a
 * source's own fields, handed to `Backend.load` as its `BackendDependencies`.
 */
import type { BackendDependencies, DirdLogger } from './backend.js';
import type { ConfdClient } from './confd-client.js';
import type { RemoteList } from './remote-list.js';

export interface LookupDependencies {
  logger: DirdLogger;
  /**
   * wazo-confd as the daemon's `confd` settings reach it, with dird's service token. A source's
   * own `auth`/`confd` fields are stored (Wazo's contract) but not used: the token is the local
   * stack's, so the confd is the local one too.
   */
  confd: ConfdClient;
  /** Users by confd and tenant, dropped on confd's user events. */
  users: RemoteList;
  /** Conferences by confd and tenant, dropped on confd's conference events. */
  conferences: RemoteList;
  /** The Wazo uuid: a wazo user's `xivo_id`. */
  xivoUuid: string | null;
  /** wazo-auth, to read a user's external tokens (google, office365). */
  authExternalToken(userUuid: string, provider: string, token: string, signal: AbortSignal): Promise<string>;
}

export function lookupDependencies(dependencies: BackendDependencies): LookupDependencies {
  const wanted = ['logger', 'confd', 'users', 'conferences', 'authExternalToken'];
  const missing = wanted.filter((name) => dependencies[name] === undefined);
  if (missing.length > 0) throw new Error(`backend dependencies missing: ${missing.join(', ')}`);
  return dependencies as unknown as LookupDependencies;
}
