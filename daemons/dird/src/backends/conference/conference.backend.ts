/**
 * The conference backend: the tenant's conference rooms from wazo-confd's REST API, with their
 * numbers (`extensions`) and incall numbers (`incalls`) as lists of extens, kept until a confd
 * conference event says they changed.
 */
import type { Backend, LoadedSource, SourceConfig, SourceEntry } from '../backend.js';
import { lookupDependencies } from '../lookup-dependencies.js';
import {
  firstMatchOf,
  type IndexedEntry,
  indexEntry,
  listByIds,
  matchAllOf,
  plainRelations,
  searchEntries,
} from '../matching.js';
import { conferenceSourceSchema } from '../schemas.js';

export interface ConfdConference {
  id: number;
  name: string | null;
  extensions?: Array<{ exten: string; context: string }>;
  incalls?: Array<{ extensions?: Array<{ exten: string; context: string }> }>;
}

export function conferenceEntry(conference: ConfdConference): SourceEntry {
  return {
    fields: {
      id: conference.id,
      name: conference.name,
      extensions: (conference.extensions ?? []).map((extension) => extension.exten),
      incalls: (conference.incalls ?? []).flatMap((incall) => (incall.extensions ?? []).map((e) => e.exten)),
    },
    relations: plainRelations(String(conference.id)),
  };
}

export const conferenceBackend: Backend = {
  name: 'conference',
  schema: conferenceSourceSchema.fields,
  load(config: SourceConfig, dependencies: Record<string, unknown>): LoadedSource {
    const deps = lookupDependencies(dependencies);
    const confd = deps.confd;
    const never = new AbortController().signal;
    const conferences = (): Promise<IndexedEntry[]> =>
      deps.conferences.entries(`${confd.baseUrl} ${config.tenantUuid}`, async () => {
        const answer = await confd.get<{ items: ConfdConference[] }>(
          '/conferences',
          { recurse: 'true' },
          { tenantUuid: config.tenantUuid, signal: never },
        );
        return answer.items.map((conference) => indexEntry(conferenceEntry(conference)));
      });
    return {
      config,
      search: async (term) => searchEntries(await conferences(), config.searchedColumns, term),
      firstMatch: async (exten) => firstMatchOf(await conferences(), config.firstMatchedColumns, exten),
      matchAll: async (extens) => matchAllOf(await conferences(), config.firstMatchedColumns, extens),
      list: async (ids) => listByIds(await conferences(), ids),
    };
  },
};
