/** wazo-websocketd as the daemon kit sees it: name, port, config keys and plugins. */
import { type BaseConfig, type DaemonDefinition, packageVersion } from '@wazo-ts/daemon';
import { WebsocketdConfigSchema, type WebsocketdOwnConfig } from './config.js';
import { websocketPlugin } from './websocket.plugin.js';

export type WebsocketdConfig = BaseConfig & WebsocketdOwnConfig;

export const websocketdDaemon: DaemonDefinition<WebsocketdConfig> = {
  name: 'websocketd',
  apiVersion: '1.0',
  version: packageVersion(import.meta.url),
  defaultPort: 9502,
  configSchema: WebsocketdConfigSchema,
  // The master tenant (whose admins see every tenant's events) comes from the service token.
  serviceToken: 'required',
  plugins: [websocketPlugin],
};
