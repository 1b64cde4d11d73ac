export { PluginLoadError } from './errors.js';
export {
  type LoadedPlugins,
  type LoadPluginsOptions,
  loadPlugins,
  type PluginFailure,
  type PluginFailurePolicy,
  type SharedPluginDependencies,
} from './loader.js';
export { isDaemonPlugin } from './modules.js';
export type {
  DaemonApi,
  DaemonPlugin,
  PluginDependencies,
  PluginLifecycle,
  PluginSource,
} from './types.js';
