/**
 * The daemon's own wazo-auth token, from the service account of `auth.key_file` (or
 * `auth.username`/`auth.password`). Started in the background: a daemon must start, and answer
 * `/status`, even while wazo-auth is down; the renewer retries with backoff.
 */
import type { Logger } from 'pino';
import { createServiceTokenRenewer, type ServiceTokenRenewer } from '../auth/index.js';
import type { BaseConfig } from '../config/schema.js';
import type { StatusAggregator } from '../status/status.js';
import type { DaemonHooks } from './hooks.js';

export function startServiceToken(options: {
  config: BaseConfig;
  logger: Logger;
  status: StatusAggregator;
  hooks: DaemonHooks;
  required: boolean;
}): ServiceTokenRenewer | null {
  const { config, logger, status, hooks } = options;
  if (!config.auth.username || !config.auth.password) {
    if (options.required) {
      status.add('service_token', () => ({
        status: 'fail',
        reason: 'no service account: set auth.key_file',
      }));
    }
    return null;
  }
  const renewer = createServiceTokenRenewer({
    config: config.auth,
    logger: logger.child({ component: 'service_token' }),
  });
  status.add('service_token', () => renewer.status());
  hooks.onStart(() => {
    void renewer.start();
  });
  hooks.onStop(() => renewer.stop());
  return renewer;
}
