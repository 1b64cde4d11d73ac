/**
 * What a daemon tells the kit about itself. Everything else (config layers, logs, HTTP, auth,
 * CORS, OpenAPI, status, plugins, privileges, Consul, signals) comes from the kit.
 */

import type { Logger } from 'pino';
import type { TObject } from 'typebox';
import type { TokenVerifier } from './auth/types.js';
import type { CliOption } from './config/cli.js';
import type { BaseConfig } from './config/schema.js';
import type { ListMerge } from './config/tree.js';
import type { ErrorShape } from './http/error-shapes.js';
import type { RequestFailureRenderer } from './http/errors.js';
import type { DaemonBus, PluginSource } from './plugins/types.js';
import type { StatusAggregator } from './status/status.js';

/** Daemon-wide resources, created after privileges are dropped and closed on shutdown. */
export interface DaemonResources {
  close(): Promise<void>;
}

export interface ResourceContext<TConfig extends BaseConfig> {
  config: TConfig;
  logger: Logger;
  status: StatusAggregator;
  /** The daemon's bus (transport, publisher, consumer), e.g. to start an outbox relay. */
  bus: DaemonBus;
}

export interface DaemonDefinition<TConfig extends BaseConfig = BaseConfig, TResources = DaemonResources> {
  /** Short name: `auth` gives `wazo-auth`, `/etc/wazo-auth/config.yml`, `/var/log/wazo-auth.log`. */
  name: string;
  /** API version prefix: `0.1` for auth, `1.1` for confd. */
  apiVersion: string;
  /** Wazo's port for this daemon. */
  defaultPort: number;
  /** The daemon's own top-level config keys (merged with the kit's base schema). */
  configSchema?: TObject;
  /** Defaults for keys of the base schema that differ for this daemon (e.g. `user`). */
  defaults?: Record<string, unknown>;
  /** How lists from two config layers combine: 'replace' (Wazo's rule, default) or 'concat' (wazo-auth). */
  configListMerge?: ListMerge;
  /** Daemon-specific command-line flags (e.g. wazo-auth's `--db-upgrade-on-startup`). */
  cliOptions?: CliOption[];
  /** Shown by `--version`. */
  version?: string;
  /** How errors are rendered unless a route says otherwise: Wazo's `api` body, `confd` list, `legacy`. */
  errorShape?: ErrorShape;
  /**
   * Words schema-validation and unreadable-body failures the daemon's way (wazo-confd answers
   * marshmallow's strings); the error it returns is rendered like any other. Absent: the kit's
   * `invalid-data` with per-field details.
   */
  renderValidationError?: RequestFailureRenderer;
  /** The daemon's own features, loaded as plugins (enabled unless `enabled_plugins` says false). */
  plugins: PluginSource<TConfig, TResources>[];
  /** Whether the daemon cannot work without its own wazo-auth token (then a missing key fails /status). */
  serviceToken?: 'required' | 'optional';
  /** Opens the database pool, bus, clients; called after privileges are dropped. */
  createResources?(context: ResourceContext<TConfig>): Promise<TResources & DaemonResources>;
  /** Token checks; defaults to asking wazo-auth over HTTP with a cache (wazo-auth plugs its own). */
  createTokenVerifier?(context: ResourceContext<TConfig> & { resources: TResources }): TokenVerifier;
}

export function daemonFullName(definition: Pick<DaemonDefinition, 'name'>): string {
  return `wazo-${definition.name}`;
}
