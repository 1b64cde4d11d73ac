/**
 * The plugin contract. A plugin is a module (a local file or an npm package) whose default export,
 * or named export `plugin`, is a `DaemonPlugin`. The daemon's own features are plugins too, listed
 * in its definition; `enabled_plugins` in the config turns any of them on or off.
 */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { BusConsumer, BusPublisher, BusTransport } from '@wazo-ts/bus';
import type { FastifyBaseLogger, FastifyInstance, RawServerDefault } from 'fastify';
import type { Logger } from 'pino';
import type { ServiceTokenRenewer } from '../auth/service-token.js';
import type { TokenVerifier } from '../auth/types.js';
import type { BaseConfig } from '../config/schema.js';
import type { ComponentStatus, StatusAggregator } from '../status/status.js';

/** Lifecycle hooks a plugin may register; stop hooks run in reverse order of registration. */
export interface PluginLifecycle {
  /** Runs once the daemon is connected and serving (e.g. start a bus consumer). */
  onStart(hook: () => Promise<void> | void): void;
  /** Runs on shutdown, before connections close (e.g. stop timers). */
  onStop(hook: () => Promise<void> | void): void;
  /**
   * Runs first on shutdown, once the daemon is deregistered and before the server stops
   * accepting: the place to close long-lived connections (websockets), which would otherwise hold
   * the server open for the whole grace period. Optional for harnesses that build plugins by hand.
   */
  onDrain?(hook: () => Promise<void> | void): void;
}

/**
 * The API scope a plugin adds its routes to, typed by TypeBox: a route's `request.body`,
 * `params`, `querystring` and its reply are inferred from its schemas (see `@wazo-ts/daemon/schema`).
 * Routes with plain JSON Schemas still work; their handlers name their types as generics.
 */
export type DaemonApi = FastifyInstance<
  RawServerDefault,
  IncomingMessage,
  ServerResponse,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>;

/** The bus as the kit gives it to a daemon: one transport, one publisher, one consumer queue. */
export interface DaemonBus {
  transport: BusTransport;
  publisher: BusPublisher;
  consumer: BusConsumer;
}

/** What every plugin receives; a daemon adds its own resources through `TResources`. */
export interface PluginDependencies<TConfig extends BaseConfig = BaseConfig, TResources = unknown> {
  /** The daemon's name, e.g. `confd`. */
  daemon: string;
  config: TConfig;
  /** A child of the daemon's logger with `{plugin: <name>}`. */
  logger: Logger;
  /** The API under `/<version>`: routes added here get validation, ACL checks, OpenAPI. */
  api: DaemonApi;
  /** The daemon's status document; a plugin may add components of its own. */
  status: StatusAggregator;
  /**
   * Replaces this plugin's `plugins.<name>` entry of `/status` (default `{status: 'ok'}` once
   * `load` returns), e.g. `() => ({ status: 'ok', cache_items: cache.size })`.
   */
  reportStatus(provider: () => ComponentStatus): void;
  lifecycle: PluginLifecycle;
  /** The daemon's bus: publish events, subscribe to others' (Wazo's envelope on `wazo-headers`). */
  bus: DaemonBus;
  /**
   * The daemon's own wazo-auth token (service account from `auth.key_file`), renewed before it
   * expires; null when no credentials are configured.
   */
  serviceToken: ServiceTokenRenewer | null;
  /** Daemon-wide resources (database, bus publisher and consumer, clients...). */
  resources: TResources;
  /**
   * The daemon's bound HTTP(S) server, for protocols served beside the REST API on the same port
   * (websocket `upgrade`s). Absent when the API is built without a socket (`inject` tests).
   */
  server?: Server;
  /** The daemon's token verifier (cached wazo-auth lookups), for checks outside HTTP routes. */
  tokenVerifier?: TokenVerifier;
}

export interface DaemonPlugin<TConfig extends BaseConfig = BaseConfig, TResources = unknown> {
  /** Unique within the daemon: the key in `enabled_plugins`, `/status` and the log lines. */
  name: string;
  /** Registers routes, consumers, hooks. A throw (or rejection) is a load failure. */
  load(dependencies: PluginDependencies<TConfig, TResources>): Promise<void> | void;
}

/** A plugin given by value (built in) or by module specifier (npm package or file path). */
export type PluginSource<TConfig extends BaseConfig = BaseConfig, TResources = unknown> =
  | DaemonPlugin<TConfig, TResources>
  | string;
