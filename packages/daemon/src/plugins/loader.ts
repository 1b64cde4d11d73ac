/**
 * Loads a daemon's plugins one after the other, in a stable order, and reports each under
 * `plugins.<name>` in `/status`. A failure either stops the daemon (`abort`, the default: a
 * half-featured daemon is a surprise) or is logged and reported while the others load
 * (`degrade`, Wazo's behaviour).
 */
import type { Logger } from 'pino';
import type { BaseConfig } from '../config/schema.js';
import type { ComponentStatus, StatusAggregator } from '../status/status.js';
import { pluginCandidates } from './candidates.js';
import { PluginLoadError, reasonOf } from './errors.js';
import type { DaemonPlugin, PluginDependencies, PluginSource } from './types.js';

export type PluginFailurePolicy = 'abort' | 'degrade';

/** What the caller provides; the loader adds `logger`, `status` and `reportStatus` per plugin. */
export type SharedPluginDependencies<TConfig extends BaseConfig, TResources> = Omit<
  PluginDependencies<TConfig, TResources>,
  'logger' | 'status' | 'reportStatus'
>;

export interface LoadPluginsOptions<TConfig extends BaseConfig = BaseConfig, TResources = unknown> {
  /** The daemon's built-in plugins (its definition's `plugins`). */
  sources: PluginSource<TConfig, TResources>[];
  /** `enabled_plugins` from the config. */
  enabled: Record<string, boolean>;
  /** `plugin_modules` from the config: external plugin name to module specifier. */
  modules?: Record<string, string>;
  /** `plugin_failure` from the config. */
  policy: PluginFailurePolicy;
  /** Folder relative file paths start from: the config file's folder (cwd by default). */
  baseDir?: string;
  dependencies: SharedPluginDependencies<TConfig, TResources>;
  logger: Logger;
  status: StatusAggregator;
}

export interface PluginFailure {
  name: string;
  reason: string;
  error: unknown;
}

export interface LoadedPlugins {
  /** Names of the plugins whose `load` succeeded, in load order. */
  loaded: string[];
  /** Plugins that failed under the `degrade` policy. */
  failures: PluginFailure[];
}

type StatusEntries = Map<string, () => ComponentStatus>;

function pluginsStatus(entries: StatusEntries): Record<string, ComponentStatus> {
  const out: Record<string, ComponentStatus> = {};
  for (const [name, provider] of entries) {
    try {
      out[name] = provider();
    } catch (err) {
      out[name] = { status: 'fail', reason: reasonOf(err) };
    }
  }
  return out;
}

export async function loadPlugins<TConfig extends BaseConfig = BaseConfig, TResources = unknown>(
  options: LoadPluginsOptions<TConfig, TResources>,
): Promise<LoadedPlugins> {
  type Plugin = DaemonPlugin<TConfig, TResources>;
  const entries: StatusEntries = new Map();
  options.status.add('plugins', () => pluginsStatus(entries));
  const candidates = pluginCandidates<Plugin>({
    sources: options.sources as PluginSource[],
    enabled: options.enabled,
    modules: options.modules ?? {},
    baseDir: options.baseDir ?? process.cwd(),
    // Imported plugins are checked by shape only; their types are the daemon's promise to keep.
    cast: (plugin) => plugin as unknown as Plugin,
  });
  const result: LoadedPlugins = { loaded: [], failures: [] };
  for (const candidate of candidates) {
    let name = candidate.label;
    try {
      const plugin = await candidate.resolve();
      if (!candidate.fixedName) name = plugin.name;
      if (!candidate.fixedName && options.enabled[name] === false) continue;
      if (entries.has(name)) throw new Error('another plugin with this name is already loaded');
      await loadOne(plugin, name, entries, options);
      result.loaded.push(name);
    } catch (err) {
      result.failures.push(fail(name, err, entries, options));
    }
  }
  return result;
}

async function loadOne<TConfig extends BaseConfig, TResources>(
  plugin: DaemonPlugin<TConfig, TResources>,
  name: string,
  entries: StatusEntries,
  options: LoadPluginsOptions<TConfig, TResources>,
): Promise<void> {
  const logger = options.logger.child({ plugin: name });
  let reported: (() => ComponentStatus) | undefined;
  await plugin.load({
    ...options.dependencies,
    logger,
    status: options.status,
    reportStatus: (provider) => {
      reported = provider;
      // Once loaded, a plugin's later reports (e.g. from a timer) show at once.
      if (entries.has(name)) entries.set(name, provider);
    },
  });
  entries.set(name, reported ?? (() => ({ status: 'ok' })));
  logger.debug('plugin loaded');
}

/** Records the failure; throws under `abort`, returns it under `degrade`. */
function fail<TConfig extends BaseConfig, TResources>(
  name: string,
  err: unknown,
  entries: StatusEntries,
  options: LoadPluginsOptions<TConfig, TResources>,
): PluginFailure {
  const reason = reasonOf(err);
  // A duplicate name must not hide the status of the plugin loaded first under that name.
  if (!entries.has(name)) entries.set(name, () => ({ status: 'fail', reason }));
  if (options.policy === 'abort') throw new PluginLoadError(name, reason, err);
  options.logger.error({ plugin: name, err }, `plugin "${name}" failed to load; continuing without it`);
  return { name, reason, error: err };
}
