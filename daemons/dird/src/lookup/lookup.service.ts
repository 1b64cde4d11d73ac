/**
 * The lookup, reverse and favorites services of a profile (Wazo's lookup_service,
 * reverse_service and favorites_service): the profile's sources asked in parallel within the
 * service's timeout, their entries formatted and laid out by the profile's display.
 */
import { NotFoundError } from '@wazo-ts/errors';
import type {
  DirdLogger,
  LoadedSource,
  LookupContext,
  SourceConfig,
  SourceEntry,
} from '../backends/backend.js';
import { firstAnswer, gatherAll, type SourceTask } from './gather.js';
import type { LookupProfile, ProfileReader, ServiceName } from './profiles.js';
import { favoriteKey, formatEntry, headersOf, type SourceResult, viewOf } from './results.js';
import type { SourceCache } from './source-cache.js';

export interface LookupServiceOptions {
  profiles: ProfileReader;
  sources: SourceCache;
  /** The user's favorites as `favoriteKey`s. */
  favoriteKeys(userUuid: string): Promise<Set<string>>;
  /** The user's favorite entry ids in each source. */
  favoriteIds(userUuid: string): Promise<Map<string, string[]>>;
  /** The ids of all the user's personal contacts. */
  personalIds(userUuid: string): Promise<string[]>;
  logger: DirdLogger;
  /** Seconds when the profile's service gives none (Wazo: reverse 1 s). */
  defaultTimeouts: Record<ServiceName, number>;
}

/** Who asks and how long it may take; `userUuid` null for a token with no user. */
export type Asker = Omit<LookupContext, 'signal'> & { signal?: AbortSignal };

export interface ReverseAnswer {
  display: string | null;
  exten: string;
  fields: Record<string, unknown>;
  source: string | null;
}

export function createLookupService(options: LookupServiceOptions) {
  const { profiles, logger } = options;

  async function profileOf(tenantUuid: string, name: string): Promise<LookupProfile> {
    const profile = await profiles.byName(tenantUuid, name);
    if (!profile) throw new NotFoundError(`No such profile: ${name}`, { details: { profile: name } });
    return profile;
  }

  function tasksOf<T>(
    sources: SourceConfig[],
    asker: Asker,
    work: (source: LoadedSource, context: LookupContext) => Promise<T>,
  ): SourceTask<T>[] {
    return sources.flatMap((config) => {
      const loaded = options.sources.get(config);
      if (!loaded) return [];
      return [{ source: config, run: (signal: AbortSignal) => work(loaded, { ...asker, signal }) }];
    });
  }

  function timeoutMs(profile: LookupProfile, service: ServiceName) {
    return (profile.services[service]?.timeout ?? options.defaultTimeouts[service]) * 1000;
  }

  async function favoritesOf(asker: Asker): Promise<ReadonlySet<string>> {
    return asker.userUuid ? options.favoriteKeys(asker.userUuid) : new Set();
  }

  function answer(profile: LookupProfile, results: SourceResult[], favorites: ReadonlySet<string>) {
    return {
      ...headersOf(profile.columns),
      results: results.map((result) => viewOf(profile.columns, result, favorites)),
    };
  }

  return {
    async headers(tenantUuid: string, profileName: string) {
      return headersOf((await profileOf(tenantUuid, profileName)).columns);
    },

    async lookup(tenantUuid: string, profileName: string, term: string, asker: Asker) {
      const profile = await profileOf(tenantUuid, profileName);
      const sources = profile.services.lookup?.sources ?? [];
      const [found, favorites] = await Promise.all([
        gatherAll(
          tasksOf(sources, asker, (source, context) => source.search(term, context)),
          { timeoutMs: timeoutMs(profile, 'lookup'), logger, what: 'lookup', signal: asker.signal },
        ),
        favoritesOf(asker),
      ]);
      const results = found.flatMap(({ source, value }) => value.map((entry) => formatEntry(source, entry)));
      return { term, ...answer(profile, results, favorites) };
    },

    async reverse(
      tenantUuid: string,
      profileName: string,
      exten: string,
      asker: Asker,
    ): Promise<ReverseAnswer> {
      const profile = await profileOf(tenantUuid, profileName);
      const found = await firstAnswer(
        tasksOf(profile.services.reverse?.sources ?? [], asker, (source, context) =>
          source.firstMatch(exten, context),
        ),
        { timeoutMs: timeoutMs(profile, 'reverse'), logger, what: 'reverse', signal: asker.signal },
      );
      if (!found) return { display: null, exten, fields: {}, source: null };
      const result = formatEntry(found.source, found.value);
      const display = result.fields.reverse;
      return {
        display: typeof display === 'string' ? display : null,
        exten,
        fields: result.fields,
        source: found.source.name,
      };
    },

    /** Several numbers at once (GraphQL): exten → the first source's entry matching it. */
    async reverseMany(tenantUuid: string, profileName: string, extens: string[], asker: Asker) {
      const profile = await profileOf(tenantUuid, profileName);
      const sources = profile.services.reverse?.sources ?? [];
      const found = await gatherAll(
        tasksOf(sources, asker, async (source, context) => {
          if (source.matchAll) return source.matchAll(extens, context);
          const matches = new Map<string, SourceEntry>();
          await Promise.all(
            extens.map(async (exten) => {
              const entry = await source.firstMatch(exten, context);
              if (entry) matches.set(exten, entry);
            }),
          );
          return matches;
        }),
        { timeoutMs: timeoutMs(profile, 'reverse'), logger, what: 'reverse', signal: asker.signal },
      );
      const byExten = new Map<string, SourceResult>();
      for (const exten of extens) {
        for (const { source, value } of found) {
          const entry = value.get(exten);
          if (entry) {
            byExten.set(exten, formatEntry(source, entry));
            break;
          }
        }
      }
      return byExten;
    },

    async favorites(tenantUuid: string, profileName: string, asker: Asker) {
      const profile = await profileOf(tenantUuid, profileName);
      const service = profile.services.favorites;
      if (!service)
        throw new NotFoundError(`No such profile: ${profileName} has no favorites`, {
          details: { profile: profileName },
        });
      const ids = asker.userUuid ? await options.favoriteIds(asker.userUuid) : new Map<string, string[]>();
      const sources = service.sources.filter((source) => (ids.get(source.uuid)?.length ?? 0) > 0);
      const found = await gatherAll(
        tasksOf(sources, asker, (source, context) => source.list(ids.get(source.config.uuid) ?? [], context)),
        { timeoutMs: timeoutMs(profile, 'favorites'), logger, what: 'favorites', signal: asker.signal },
      );
      const results = found.flatMap(({ source, value }) => value.map((entry) => formatEntry(source, entry)));
      const all = new Set(
        results.map((result) => favoriteKey(result.source.uuid, result.relations.source_entry_id ?? '')),
      );
      return answer(profile, results, all);
    },

    /**
     * `GET /directories/personal/{profile}`: every personal contact of the asking user, from the
     * profile's `personal` sources, laid out by the profile's display (favorites marked).
     */
    async personal(tenantUuid: string, profileName: string, asker: Asker) {
      const profile = await profileOf(tenantUuid, profileName);
      const personal = new Map<string, SourceConfig>();
      for (const service of Object.values(profile.services))
        for (const source of service.sources)
          if (source.backend === 'personal') personal.set(source.uuid, source);
      const ids = asker.userUuid ? await options.personalIds(asker.userUuid) : [];
      const [found, favorites] = await Promise.all([
        ids.length === 0
          ? Promise.resolve([])
          : gatherAll(
              tasksOf([...personal.values()], asker, (source, context) => source.list(ids, context)),
              { timeoutMs: timeoutMs(profile, 'lookup'), logger, what: 'personal', signal: asker.signal },
            ),
        favoritesOf(asker),
      ]);
      const results = found.flatMap(({ source, value }) => value.map((entry) => formatEntry(source, entry)));
      return answer(profile, results, favorites);
    },

    async profileSources(tenantUuid: string, profileName: string): Promise<SourceConfig[]> {
      const profile = await profileOf(tenantUuid, profileName);
      const seen = new Map<string, SourceConfig>();
      for (const service of Object.values(profile.services))
        for (const source of service.sources) seen.set(source.uuid, source);
      return [...seen.values()];
    },
  };
}

export type LookupService = ReturnType<typeof createLookupService>;
