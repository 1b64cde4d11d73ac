/** GET /backends: the backends sources can be configured with (Wazo's loaded backend plugins). */
import type { DaemonPlugin } from '@wazo-ts/daemon';
import { Type } from '@wazo-ts/daemon/schema';
import { listQuerySchema, listResultSchema } from '../common/list.js';
import type { DirdConfig } from '../definition.js';
import type { DirdResources } from '../resources.js';
import { BACKEND_NAMES } from './schemas.js';

const { recurse: _recurse, ...queryProperties } = listQuerySchema(['name'], ['name']).properties;
const BackendListQuery = Type.Object(queryProperties);
const BackendListSchema = listResultSchema(Type.Object({ name: Type.String() }));

interface BackendQuery {
  search?: string;
  name?: string;
  direction: 'asc' | 'desc';
  limit?: number;
  offset: number;
}

/** The backend names matching the query, Wazo's way: search and name filter, sorted, paged. */
export function listBackends(names: readonly string[], query: BackendQuery) {
  const search = query.search?.toLowerCase();
  const filtered = names
    .filter((name) => (search ? name.toLowerCase().includes(search) : true))
    .filter((name) => (query.name ? name === query.name : true))
    .sort();
  if (query.direction === 'desc') filtered.reverse();
  const end = query.limit === undefined ? undefined : query.offset + query.limit;
  return {
    total: names.length,
    filtered: filtered.length,
    items: filtered.slice(query.offset, end).map((name) => ({ name })),
  };
}

export const backendsPlugin: DaemonPlugin<DirdConfig, DirdResources> = {
  name: 'backends',
  load({ api }) {
    api.get(
      '/backends',
      {
        config: { acl: 'dird.backends.read' },
        schema: {
          summary: 'List the backends sources can use',
          tags: ['configuration'],
          querystring: BackendListQuery,
          response: { 200: BackendListSchema },
        },
      },
      async (request) => listBackends(BACKEND_NAMES, request.query as unknown as BackendQuery),
    );
  },
};
