/**
 * What the remote backends (wazo, conference, csv_ws, ldap, google, office365) need beside a
 * source's own fields, handed to `Backend.load` as its `BackendDependencies`.
 */
import type { BackendDependencies, DirdLogger } from './backend.js';
import type { ConfdClient } from './confd-client.js';
import type { RemoteList } from './remote-list.js';

export interface LookupDependencies {
  logger: DirdLogger;
  /** A client of the confd a source names (its `confd` fields over the daemon's). */
  confdFor(fields: unknown): ConfdClient;
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
  const wanted = ['logger', 'confdFor', 'users', 'conferences', 'authExternalToken'];
  const missing = wanted.filter((name) => dependencies[name] === undefined);
  if (missing.length > 0) throw new Error(`backend dependencies missing: ${missing.join(', ')}`);
  return dependencies as unknown as LookupDependencies;
}
