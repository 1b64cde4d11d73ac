/** Loads a daemon's plugins into its API scope, with the dependencies the kit provides. */
import type { Server } from 'node:http';
import { dirname } from 'node:path';
import type { Logger } from 'pino';
import type { ServiceTokenRenewer } from '../auth/service-token.js';
import type { TokenVerifier } from '../auth/types.js';
import type { BaseConfig } from '../config/schema.js';
import type { DaemonDefinition } from '../definition.js';
import { loadPlugins } from '../plugins/index.js';
import type { DaemonApi, DaemonBus, PluginLifecycle } from '../plugins/types.js';
import type { StatusAggregator } from '../status/status.js';

export interface DaemonPluginsOptions<TConfig extends BaseConfig, TResources> {
  definition: DaemonDefinition<TConfig, TResources>;
  config: TConfig;
  logger: Logger;
  status: StatusAggregator;
  api: DaemonApi;
  hooks: PluginLifecycle;
  bus: DaemonBus;
  serviceToken: ServiceTokenRenewer | null;
  resources: TResources;
  server: Server;
  tokenVerifier: TokenVerifier;
}

export async function loadDaemonPlugins<TConfig extends BaseConfig, TResources>(
  options: DaemonPluginsOptions<TConfig, TResources>,
): Promise<void> {
  const { definition, config, logger, status, api, hooks, bus, serviceToken, resources } = options;
  const { server, tokenVerifier } = options;
  const result = await loadPlugins({
    sources: definition.plugins,
    enabled: config.enabled_plugins,
    modules: config.plugin_modules,
    policy: config.plugin_failure,
    baseDir: dirname(config.config_file),
    dependencies: {
      daemon: definition.name,
      config,
      api,
      lifecycle: hooks,
      bus: { transport: bus.transport, publisher: bus.publisher, consumer: bus.consumer },
      serviceToken,
      resources,
      server,
      tokenVerifier,
    },
    logger,
    status,
  });
  logger.info({ plugins: result.loaded, failed: result.failures.map((f) => f.name) }, 'plugins loaded');
}
