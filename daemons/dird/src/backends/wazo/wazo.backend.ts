/**
 * The wazo backend: the tenant's Wazo users, read from wazo-confd's REST API
 * (`GET /users?view=directory&recurse=true` with dird's service token), kept until a confd user
 * event says they changed, searched in memory as Wazo does.
 */
import type { Backend, LoadedSource, ResultRelations, SourceConfig, SourceEntry } from '../backend.js';
import { lookupDependencies } from '../lookup-dependencies.js';
import {
  firstMatchOf,
  type IndexedEntry,
  indexEntry,
  listByIds,
  matchAllOf,
  searchEntries,
} from '../matching.js';
import { wazoSourceSchema } from '../schemas.js';

export interface DirectoryUser {
  id: number;
  uuid: string;
  line_id: number | null;
  agent_id: number | null;
  firstname: string | null;
  lastname: string | null;
  email: string | null;
  exten: string | null;
  mobile_phone_number: string | null;
  voicemail_number: string | null;
  userfield: string | null;
  description: string | null;
}

export function userEntry(user: DirectoryUser, xivoUuid: string | null): SourceEntry {
  const relations: ResultRelations = {
    xivo_id: xivoUuid,
    agent_id: user.agent_id ?? null,
    user_id: user.id,
    user_uuid: user.uuid,
    endpoint_id: user.line_id ?? null,
    source_entry_id: String(user.id),
  };
  const fields = {
    id: user.id,
    uuid: user.uuid,
    firstname: user.firstname,
    lastname: user.lastname,
    full_name: [user.firstname, user.lastname].filter((part) => part).join(' '),
    email: user.email,
    exten: user.exten,
    mobile_phone_number: user.mobile_phone_number,
    voicemail_number: user.voicemail_number,
    userfield: user.userfield,
    description: user.description,
  };
  return { fields, relations };
}

export const wazoBackend: Backend = {
  name: 'wazo',
  schema: wazoSourceSchema.fields,
  load(config: SourceConfig, dependencies: Record<string, unknown>): LoadedSource {
    const deps = lookupDependencies(dependencies);
    const confd = deps.confd;
    const users = (signal: AbortSignal): Promise<IndexedEntry[]> =>
      deps.users.entries(`${confd.baseUrl} ${config.tenantUuid}`, async () => {
        const answer = await confd.get<{ items: DirectoryUser[] }>(
          '/users',
          { view: 'directory', recurse: 'true' },
          { tenantUuid: config.tenantUuid, signal },
        );
        return answer.items.map((user) => indexEntry(userEntry(user, deps.xivoUuid)));
      });
    // The shared read must outlive one lookup's deadline, so it gets no lookup's signal.
    const never = new AbortController().signal;
    return {
      config,
      async search(term) {
        return searchEntries(await users(never), config.searchedColumns, term);
      },
      async firstMatch(exten) {
        return firstMatchOf(await users(never), config.firstMatchedColumns, exten);
      },
      async matchAll(extens) {
        return matchAllOf(await users(never), config.firstMatchedColumns, extens);
      },
      async list(ids) {
        return listByIds(await users(never), ids);
      },
    };
  },
};
