/**
 * What a directory backend is, for the lookup, reverse and favorites services (Wazo's
 * BaseSourcePlugin): each configured source is loaded into a `LoadedSource` that searches,
 * matches one number, and lists entries by id. Backends register in `BACKENDS`
 * (./registry.ts); the configuration API validates a source's backend fields with `schema`.
 */
import type { PluginDependencies } from '@wazo-ts/daemon';
import type { TSchema } from 'typebox';

/** The daemon's (pino) logger, as plugins receive it. */
export type DirdLogger = PluginDependencies['logger'];

/** A source row as the configuration API stores it (db/schema.ts `dird_source`). */
export interface SourceConfig {
  uuid: string;
  tenantUuid: string;
  name: string;
  backend: string;
  searchedColumns: string[];
  firstMatchedColumns: string[];
  formatColumns: Record<string, string>;
  /** The backend's own fields (auth, confd, file, ldap_uri, phonebook_uuid, ...). */
  extern: Record<string, unknown>;
}

/** Who asks: a lookup is made for a user of a tenant, with the request's token. */
export interface LookupContext {
  tenantUuid: string;
  userUuid: string | null;
  token: string;
  /** Aborted when the profile's service timeout passes: stop the work, answer nothing. */
  signal: AbortSignal;
}

/** Wazo's relations of a result (source_result.py). */
export interface ResultRelations {
  xivo_id: string | null;
  agent_id: number | null;
  user_id: number | null;
  user_uuid: string | null;
  endpoint_id: number | null;
  source_entry_id: string | null;
}

/** One entry found by a source, before `format_columns` and the display are applied. */
export interface SourceEntry {
  fields: Record<string, unknown>;
  relations: ResultRelations;
}

export interface LoadedSource {
  readonly config: SourceConfig;
  /** Entries whose searched columns match `term` (Wazo: case- and accent-insensitive substring). */
  search(term: string, context: LookupContext): Promise<SourceEntry[]>;
  /** The first entry whose first-matched columns equal `exten` exactly, or null. */
  firstMatch(exten: string, context: LookupContext): Promise<SourceEntry | null>;
  /** Several numbers at once (GraphQL's reverse of many extens): exten → entry. */
  matchAll?(extens: string[], context: LookupContext): Promise<Map<string, SourceEntry>>;
  /** The entries with these unique ids (favorites). */
  list(ids: string[], context: LookupContext): Promise<SourceEntry[]>;
  close?(): Promise<void>;
}

/** What a backend may use to build a source: shared clients, the database, a logger. */
export interface BackendDependencies {
  readonly [name: string]: unknown;
}

export interface Backend {
  /** Wazo's backend name: wazo, personal, phonebook, csv, csv_ws, ldap, conference, google, office365. */
  readonly name: string;
  /** The backend's own fields for POST/PUT /backends/{name}/sources (besides the common ones). */
  readonly schema: TSchema;
  /** Defaults merged into a source's `extern` when the client leaves them out. */
  readonly defaults?: Record<string, unknown>;
  load(source: SourceConfig, dependencies: BackendDependencies): LoadedSource;
}
