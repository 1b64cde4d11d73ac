/**
 * Loaded sources, kept between requests (a wazo source's users, an LDAP client) and loaded again
 * when the source's configuration changes. A source whose backend is unknown here is logged and
 * searched as empty, as Wazo skips sources it cannot load.
 */
import type {
  Backend,
  BackendDependencies,
  DirdLogger,
  LoadedSource,
  SourceConfig,
} from '../backends/backend.js';

export type BackendLoaders = Readonly<Record<string, Pick<Backend, 'name' | 'load'>>>;

export interface SourceCache {
  get(config: SourceConfig): LoadedSource | null;
  close(): Promise<void>;
}

export function createSourceCache(options: {
  backends: BackendLoaders;
  dependencies: BackendDependencies;
  logger: DirdLogger;
}): SourceCache {
  const loaded = new Map<string, { signature: string; source: LoadedSource }>();
  const retire = (source: LoadedSource) =>
    source
      .close?.()
      .catch((error: unknown) => options.logger.warn({ err: error }, 'closing a source failed'));
  return {
    get(config) {
      const signature = JSON.stringify(config);
      const known = loaded.get(config.uuid);
      if (known?.signature === signature) return known.source;
      if (known) void retire(known.source);
      loaded.delete(config.uuid);
      const backend = options.backends[config.backend];
      if (!backend) {
        options.logger.warn(
          { source: config.name, backend: config.backend },
          'no such backend: source skipped',
        );
        return null;
      }
      try {
        const source = backend.load(config, options.dependencies);
        loaded.set(config.uuid, { signature, source });
        return source;
      } catch (error) {
        options.logger.warn({ err: error, source: config.name }, 'source could not be loaded: skipped');
        return null;
      }
    },
    async close() {
      const sources = [...loaded.values()];
      loaded.clear();
      await Promise.all(sources.map(({ source }) => retire(source)));
    },
  };
}
