/**
 * A daemon's life, in order: load the config, open the log, bind the port, drop privileges,
 * connect the database and the bus, load the plugins and serve, register in Consul. Stopping
 * undoes it in reverse: deregister, drain in-flight requests, stop plugins, close connections.
 */
import type { BusTransport } from '@wazo-ts/bus';
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { createHttpTokenVerifier } from '../auth/index.js';
import {
  type CommandLine,
  formatWarning,
  loadConfig,
  maskSecrets,
  parseCommandLine,
} from '../config/index.js';
import type { BaseConfig } from '../config/schema.js';
import type { DaemonDefinition, DaemonResources } from '../definition.js';
import { buildDaemonApp } from '../http/app.js';
import { bindServer, type RequestListener } from '../http/bind.js';
import { createDaemonLogger, installCrashHandlers } from '../logging/index.js';
import { dropPrivileges, resolveUser } from '../privileges/index.js';
import { createStatusAggregator } from '../status/status.js';
import { connectBus } from './bus.js';
import { registerInConsul } from './discovery.js';
import { createHooks } from './hooks.js';
import { loadDaemonPlugins } from './plugins.js';
import { startServiceToken } from './service-token.js';

export interface RunOptions {
  argv?: string[];
  /** The parsed command line, when the caller parsed it already (to answer --help first). */
  commandLine?: CommandLine;
  env?: NodeJS.ProcessEnv;
  /** A transport shared by daemons of one process (all-in-one mode); else one per `bus` config. */
  transport?: BusTransport;
  /** Install SIGTERM/SIGINT/SIGHUP handlers (true for a daemon process, false when embedded). */
  handleSignals?: boolean;
}

export interface RunningDaemon<TConfig extends BaseConfig = BaseConfig> {
  config: TConfig;
  logger: Logger;
  app: FastifyInstance;
  /** `http(s)://host:port` the daemon serves on. */
  url: string;
  stop(): Promise<void>;
}

export async function runDaemon<TConfig extends BaseConfig, TResources extends object>(
  definition: DaemonDefinition<TConfig, TResources>,
  options: RunOptions = {},
): Promise<RunningDaemon<TConfig>> {
  const { config, warnings } = loadConfig<TConfig>(definition, {
    commandLine: options.commandLine ?? parseCommandLine(definition, options.argv ?? process.argv.slice(2)),
    env: options.env ?? process.env,
  });
  const logging = createDaemonLogger({ daemon: definition.name, config });
  const logger = logging.logger;
  if (options.handleSignals !== false) installCrashHandlers(logger, logging);
  for (const warning of warnings) logger.warn(formatWarning(warning));

  const bound = await bindServer(config.rest_api);
  if (config.user && process.getuid?.() === 0) logging.chownLogFile(resolveUser(config.user));
  dropPrivileges({ user: config.user, allowRoot: config.allow_root, logger });

  const hooks = createHooks(logger);
  const status = createStatusAggregator();
  const bus = connectBus({ name: definition.name, config, logger, status, transport: options.transport });
  hooks.onStop(() => bus.close());
  const resources = (await definition.createResources?.({ config, logger, status, bus })) as
    | (TResources & DaemonResources)
    | undefined;
  if (resources) hooks.onStop(() => resources.close());
  const verifier =
    definition.createTokenVerifier?.({ config, logger, status, bus, resources: resources as TResources }) ??
    createHttpTokenVerifier({ config: config.auth, logger });
  await bus.followSessions(verifier);
  const serviceToken = startServiceToken({
    config,
    logger,
    status,
    hooks,
    required: definition.serviceToken === 'required',
  });

  let appHandler: RequestListener | undefined;
  const { app } = await buildDaemonApp({
    name: definition.name,
    apiVersion: definition.apiVersion,
    config,
    logger,
    status,
    verifier,
    errorShape: definition.errorShape ?? 'api',
    renderValidationError: definition.renderValidationError,
    // Fastify gets the bound socket now but its handler is attached only once the app is ready
    // (below): until then requests get the bound server's 503 "starting".
    serverFactory: (handler) => {
      appHandler = handler;
      return bound.server;
    },
    maskedConfig: () => maskSecrets(config),
    setDebug: (debug) => {
      config.debug = debug;
      logging.setDebug(debug);
    },
    registerApi: (api) =>
      loadDaemonPlugins({
        definition,
        config,
        logger,
        status,
        api,
        hooks,
        bus,
        serviceToken,
        resources: resources as TResources,
        server: bound.server,
        tokenVerifier: verifier,
      }),
  });
  if (appHandler) bound.attach(appHandler);
  await hooks.start();

  const url = `${bound.tls ? 'https' : 'http'}://${config.rest_api.listen}:${bound.address.port}`;
  const consul = registerInConsul({
    name: definition.name,
    config,
    logger,
    status,
    bus,
    port: bound.address.port,
  });
  logger.info(
    { url, version: definition.apiVersion },
    `wazo-${definition.name} ready on ${url}/${definition.apiVersion}`,
  );

  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      logger.info(`wazo-${definition.name} stopping`);
      await consul?.stop();
      await hooks.drain();
      await bound.close(config.rest_api.shutdown_grace * 1000);
      await app.close();
      await hooks.stop();
      logger.info(`wazo-${definition.name} stopped`);
      await logging.close();
    })();
    return stopping;
  };
  if (options.handleSignals !== false) installSignals({ stop, reopen: logging.reopen, logger });
  return { config, logger, app, url, stop };
}

function installSignals(target: { stop(): Promise<void>; reopen(): void; logger: Logger }): void {
  const onStop = (signal: string) => {
    target.logger.info({ signal }, 'signal received');
    target.stop().then(
      () => process.exit(0),
      (err: unknown) => {
        target.logger.fatal({ err }, 'error while stopping');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => onStop('SIGTERM'));
  process.once('SIGINT', () => onStop('SIGINT'));
  process.on('SIGHUP', () => {
    target.reopen();
    target.logger.info('log file reopened (SIGHUP)');
  });
}
