/**
 * The daemons of the all-in-one platform, each configured as a packaged Wazo daemon would be,
 * with the data folder in place of /etc, /var/log and /var/lib: a generated `config.yml` per
 * daemon (rewritten at each start: the database port changes), a `conf.d/` the user may fill,
 * its own log file, plain HTTP on 127.0.0.1 behind the gateway, and the one in-process bus.
 */
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BusTransport } from '@wazo-ts/bus';
import { type BaseConfig, type DaemonDefinition, type RunningDaemon, runDaemon } from '@wazo-ts/daemon';
import { stringify } from 'yaml';

export interface DaemonPlan {
  name: 'auth' | 'confd' | 'websocketd';
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
  user: string | null;
  authPort: number;
  transport: BusTransport;
  /** The platform's environment: `WAZO_<DAEMON>__<KEY>` variables reach the daemons. */
  env: NodeJS.ProcessEnv;
}

export const configFileOf = (dataDir: string, name: string) =>
  join(dataDir, 'etc', `wazo-${name}`, 'config.yml');

function configOf(plan: DaemonPlan, context: DaemonContext): Record<string, unknown> {
  const full = `wazo-${plan.name}`;
  return {
    user: context.user,
    log_filename: join(context.dataDir, 'log', `${full}.log`),
    log_stdout: false,
    extra_config_files: join(context.dataDir, 'etc', full, 'conf.d'),
    bus: { transport: 'memory' },
    rest_api: { listen: '127.0.0.1', port: plan.port, certificate: null, private_key: null },
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

async function writeConfig(plan: DaemonPlan, context: DaemonContext): Promise<string> {
  const file = configFileOf(context.dataDir, plan.name);
  await mkdir(join(file, '..', 'conf.d'), { recursive: true, mode: 0o700 });
  const header = '# Written by the platform at each start; put your own settings in conf.d/*.yml.\n';
  // It holds the database password: readable by the daemons' user only.
  await writeFile(file, header + stringify(configOf(plan, context)), { mode: 0o600 });
  await chmod(file, 0o600);
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

export async function startDaemon<TConfig extends BaseConfig, TResources extends object>(
  definition: DaemonDefinition<TConfig, TResources>,
  plan: DaemonPlan,
  context: DaemonContext,
): Promise<RunningDaemon<TConfig>> {
  const file = await writeConfig(plan, context);
  return runDaemon(definition, {
    argv: ['-c', file],
    env: { ...daemonEnv(plan.name, context.env), ...plan.env },
    transport: context.transport,
    handleSignals: false,
  });
}
