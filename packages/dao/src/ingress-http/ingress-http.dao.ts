/** SQL of the HTTP ingresses (`ingress_http`). */
import { inTenants, isUuid } from '@wazo-ts/db';
import type { Tx } from '../db/unit-of-work.js';
import { runSearch, type SearchConfig } from '../search/apply.js';
import type { SearchParams, SearchResult, TenantScope } from '../search/search.js';
import type { IngressHttp } from './ingress-http.model.js';

/** xivo-dao's ingress search: `uri` only, sorted by it. */
export const ingressHttpSearchConfig: SearchConfig = {
  columns: { uri: 'ingress_http.uri' },
  search: ['uri'],
  defaultSort: 'uri',
  key: 'ingress_http.uuid',
};

const scoped = (tx: Tx, scope: TenantScope) =>
  tx.db
    .selectFrom('ingress_http')
    .select(['ingress_http.uuid', 'ingress_http.tenant_uuid', 'ingress_http.uri'])
    .where(inTenants('ingress_http.tenant_uuid', scope.tenantUuids));

export function createIngressHttpDao() {
  return {
    search(tx: Tx, scope: TenantScope, params: SearchParams): Promise<SearchResult<IngressHttp>> {
      return runSearch(scoped(tx, scope), ingressHttpSearchConfig, params);
    },

    async find(tx: Tx, scope: TenantScope, uuid: string): Promise<IngressHttp | null> {
      if (!isUuid(uuid)) return null;
      return (await scoped(tx, scope).where('ingress_http.uuid', '=', uuid).executeTakeFirst()) ?? null;
    },

    /** The tenant's ingress, if it has one. */
    async ofTenant(tx: Tx, tenantUuid: string): Promise<IngressHttp | null> {
      return (
        (await tx.db
          .selectFrom('ingress_http')
          .select(['uuid', 'tenant_uuid', 'uri'])
          .where('tenant_uuid', '=', tenantUuid)
          .executeTakeFirst()) ?? null
      );
    },

    async create(tx: Tx, tenantUuid: string, uri: string): Promise<IngressHttp> {
      return tx.db
        .insertInto('ingress_http')
        .values({ tenant_uuid: tenantUuid, uri })
        .returning(['uuid', 'tenant_uuid', 'uri'])
        .executeTakeFirstOrThrow();
    },

    async update(tx: Tx, uuid: string, uri: string): Promise<IngressHttp> {
      return tx.db
        .updateTable('ingress_http')
        .set({ uri })
        .where('uuid', '=', uuid)
        .returning(['uuid', 'tenant_uuid', 'uri'])
        .executeTakeFirstOrThrow();
    },

    async delete(tx: Tx, uuid: string): Promise<void> {
      await tx.db.deleteFrom('ingress_http').where('uuid', '=', uuid).execute();
    },
  };
}

export type IngressHttpDao = ReturnType<typeof createIngressHttpDao>;
