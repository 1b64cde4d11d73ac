/**
 * The daemons of the all-in-one platform, each configured as a packaged Wazo daemon would be,
 * with the data folder in place of /etc, /var/log and /var/lib: a generated `config.yml` per
 * daemon (rewritten at each start: the database port changes), a `conf.d/` the user may fill,
 * its own log file, plain HTTP on 127.0.0.1 behind the gateway, and the one in-process bus.
 */
import { join } from 'node:path';
import type { BusTransport } from '@wazo-ts/bus';
import {
  type BaseConfig,
  type DaemonDefinition,
  type RunningDaemon,
  runDaemon,
  type SystemUser,
} from '@wazo-ts/daemon';
import { stringify } from 'yaml';
import { configFileOf, configFolderOf, logFileOf } from './data-dir.js';
import { replaceFile } from './safe-fs.js';

/** The daemons the platform runs, each with its folder in etc/ and its log file. */
export const PLATFORM_DAEMONS = ['auth', 'confd', 'websocketd', 'dird'] as const;

export interface DaemonPlan {
  name: (typeof PLATFORM_DAEMONS)[number];
  port: number;
  /** Own keys of the daemon (db_uri, ...), over the common ones. */
  config?: Record<string, unknown>;
  /** Service account key file, for daemons that call wazo-auth with their own token. */
  keyFile?: string;
  /** Values passed as the environment layer (secrets that must not be written to a file). */
  env?: Record<string, string>;
}

export interface DaemonContext {
  dataDir: string;
  /** The user the daemons run as when the platform starts as root; null otherwise. */
  user: SystemUser | null;
  authPort: number;
  /** What the gateway proves itself with: the daemons believe its X-Forwarded-* only. */
  proxySecret: string;
  transport: BusTransport;
  /** The platform's environment: `WAZO_<DAEMON>__<KEY>` variables reach the daemons. */
  env: NodeJS.ProcessEnv;
}

function configOf(plan: DaemonPlan, context: DaemonContext): Record<string, unknown> {
  const full = `wazo-${plan.name}`;
  return {
    user: context.user?.name ?? null,
    log_filename: logFileOf(context.dataDir, full),
    log_stdout: false,
    extra_config_files: join(configFolderOf(context.dataDir, plan.name), 'conf.d'),
    bus: { transport: 'memory' },
    rest_api: {
      listen: '127.0.0.1',
      port: plan.port,
      certificate: null,
      private_key: null,
      proxy_secret: context.proxySecret,
    },
    auth: {
      host: '127.0.0.1',
      port: context.authPort,
      https: false,
      prefix: null,
      key_file: plan.keyFile ?? null,
    },
    service_discovery: { enabled: false },
    ...plan.config,
  };
}

/**
 * Written before privileges are dropped, for every daemon: as root the file is root's and only
 * readable by the daemons' group (it holds the database password), in a folder they cannot write.
 */
export async function writeDaemonConfig(plan: DaemonPlan, context: DaemonContext): Promise<string> {
  const file = configFileOf(context.dataDir, plan.name);
  const header = '# Written by the platform at each start; put your own settings in conf.d/*.yml.\n';
  const text = header + stringify(configOf(plan, context));
  if (context.user) await replaceFile(file, text, 0o640, { uid: 0, gid: context.user.gid });
  else await replaceFile(file, text, 0o600);
  return file;
}

/** Only the daemon's own `WAZO_<NAME>__` variables (and XIVO_UUID) go to it. */
function daemonEnv(name: string, env: NodeJS.ProcessEnv): Record<string, string> {
  const prefix = `WAZO_${name.toUpperCase()}__`;
  return Object.fromEntries(
    Object.entries(env).filter(
      (entry): entry is [string, string] =>
        entry[1] !== undefined && (entry[0].startsWith(prefix) || entry[0] === 'XIVO_UUID'),
    ),
  );
}

/** Starts a daemon on the config file `writeDaemonConfig` wrote for `plan`. */
export async function startDaemon<TConfig extends BaseConfig, TResources extends object>(
  definition: DaemonDefinition<TConfig, TResources>,
  plan: DaemonPlan,
  context: DaemonContext,
): Promise<RunningDaemon<TConfig>> {
  return runDaemon(definition, {
    argv: ['-c', configFileOf(context.dataDir, plan.name)],
    env: { ...daemonEnv(plan.name, context.env), ...plan.env },
    transport: context.transport,
    handleSignals: false,
  });
}
