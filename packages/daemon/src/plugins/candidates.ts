/**
 * Which plugins a daemon loads, and in which order: its built-in plugins in definition order
 * (unless `enabled_plugins` says false), then external plugins sorted by name (only when
 * `enabled_plugins` says true). External plugins are named in `plugin_modules`, or the
 * `enabled_plugins` key is itself the module specifier.
 */
import { importModule, pluginOf } from './modules.js';
import type { DaemonPlugin, PluginSource } from './types.js';

export interface PluginCandidate<P extends DaemonPlugin = DaemonPlugin> {
  /** The name in logs and `/status` until the plugin is imported (then its own name, if unnamed). */
  label: string;
  /** The config gives this name (`plugin_modules` key): it wins over the plugin's own name. */
  fixedName: boolean;
  resolve(): Promise<P>;
}

export interface CandidateOptions<P extends DaemonPlugin> {
  sources: PluginSource[];
  enabled: Record<string, boolean>;
  modules: Record<string, string>;
  baseDir: string;
  /** Types plugins imported from modules as the daemon's plugin type (they are checked by shape). */
  cast: (plugin: DaemonPlugin) => P;
}

function fromModule<P extends DaemonPlugin>(
  specifier: string,
  options: CandidateOptions<P>,
): () => Promise<P> {
  return async () => options.cast(pluginOf(await importModule(specifier, options.baseDir), specifier));
}

function builtIns<P extends DaemonPlugin>(options: CandidateOptions<P>): PluginCandidate<P>[] {
  const out: PluginCandidate<P>[] = [];
  for (const source of options.sources) {
    if (typeof source === 'string') {
      if (options.enabled[source] === false) continue;
      out.push({ label: source, fixedName: false, resolve: fromModule(source, options) });
    } else if (options.enabled[source.name] !== false) {
      const plugin = options.cast(source);
      out.push({ label: source.name, fixedName: true, resolve: async () => plugin });
    }
  }
  return out;
}

function externals<P extends DaemonPlugin>(options: CandidateOptions<P>, taken: Set<string>) {
  const names = Object.keys(options.enabled).filter(
    (name) => options.enabled[name] === true && !taken.has(name),
  );
  return names.sort().map((name): PluginCandidate<P> => {
    const specifier = options.modules[name];
    return specifier === undefined
      ? { label: name, fixedName: false, resolve: fromModule(name, options) }
      : { label: name, fixedName: true, resolve: fromModule(specifier, options) };
  });
}

export function pluginCandidates<P extends DaemonPlugin>(options: CandidateOptions<P>): PluginCandidate<P>[] {
  const taken = new Set(options.sources.map((s) => (typeof s === 'string' ? s : s.name)));
  return [...builtIns(options), ...externals(options, taken)];
}
