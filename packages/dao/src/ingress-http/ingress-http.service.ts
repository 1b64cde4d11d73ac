/**
 * The HTTP ingresses' public API: search (with Wazo's `view=fallback`: a tenant without its own
 * lists the master tenant's), get, create (one per tenant), edit, delete, each with its event.
 */
import type { UnitOfWork } from '../db/unit-of-work.js';
import { notFound } from '../errors.js';
import { type SearchParams, type SearchResult, scopeOf, type TenantScope } from '../search/search.js';
import type { IngressHttpDao } from './ingress-http.dao.js';
import type { IngressHttp, IngressHttpInput } from './ingress-http.model.js';
import type { IngressHttpNotifier } from './ingress-http.notifier.js';
import type { IngressHttpValidator } from './ingress-http.validator.js';

export interface IngressHttpServiceDeps {
  uow: UnitOfWork;
  dao: IngressHttpDao;
  validator: IngressHttpValidator;
  notifier: IngressHttpNotifier;
}

export function createIngressHttpService({ uow, dao, validator, notifier }: IngressHttpServiceDeps) {
  const existing = async (tx: Parameters<IngressHttpDao['find']>[0], scope: TenantScope, uuid: string) => {
    const ingress = await dao.find(tx, scope, uuid);
    if (!ingress) throw notFound('IngressHTTP', { uuid });
    return ingress;
  };

  return {
    /** `fallbackTenant`: the master tenant, searched when the scope has no ingress (`view=fallback`). */
    search(
      scope: TenantScope,
      params: SearchParams,
      fallbackTenant: string | null = null,
    ): Promise<SearchResult<IngressHttp>> {
      return uow.read(async (tx) => {
        const found = await dao.search(tx, scope, params);
        if (found.items.length > 0 || !fallbackTenant) return found;
        return dao.search(tx, scopeOf(fallbackTenant), params);
      });
    },

    get(scope: TenantScope, uuid: string): Promise<IngressHttp> {
      return uow.read((tx) => existing(tx, scope, uuid));
    },

    create(tenantUuid: string, input: IngressHttpInput): Promise<IngressHttp> {
      return uow.run(async (tx) => {
        await validator.validateCreate(tx, tenantUuid);
        const ingress = await dao.create(tx, tenantUuid, input.uri);
        notifier.created(tx, ingress);
        return ingress;
      });
    },

    edit(scope: TenantScope, uuid: string, input: IngressHttpInput): Promise<void> {
      return uow.run(async (tx) => {
        await existing(tx, scope, uuid);
        notifier.edited(tx, await dao.update(tx, uuid, input.uri));
      });
    },

    delete(scope: TenantScope, uuid: string): Promise<void> {
      return uow.run(async (tx) => {
        const ingress = await existing(tx, scope, uuid);
        await dao.delete(tx, uuid);
        notifier.deleted(tx, ingress);
      });
    },
  };
}

export type IngressHttpService = ReturnType<typeof createIngressHttpService>;
