/** wazo-chatd as the daemon kit sees it: name, port, config keys, plugins and resources. */
import { type BaseConfig, type DaemonDefinition, packageVersion } from '@wazo-ts/daemon';
import { ChatdConfigSchema, type ChatdOwnConfig } from './config.js';
import { presencesPlugin } from './presences/index.js';
import { type ChatdResources, createChatdResources } from './resources.js';
import { roomsPlugin } from './rooms/index.js';

export type ChatdConfig = BaseConfig & ChatdOwnConfig;

export const chatdDaemon: DaemonDefinition<ChatdConfig, ChatdResources> = {
  name: 'chatd',
  apiVersion: '1.0',
  version: packageVersion(import.meta.url),
  defaultPort: 9304,
  configSchema: ChatdConfigSchema,
  // It reads wazo-auth's sessions and confd's users with its own token (auth.key_file).
  serviceToken: 'required',
  errorShape: 'api',
  plugins: [presencesPlugin, roomsPlugin],
  createResources: createChatdResources,
};
