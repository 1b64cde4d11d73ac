/**
 * The applications' public API: search, get, create, edit, delete. As Wazo's schema does, a PUT
 * keeps the name it does not give but always sets the destination: a PUT without `destination`
 * removes it. Deleting an application takes it off its lines and drops the fallbacks that sent
 * calls to it (Wazo's dialactions go with it); a schedule naming it keeps the dangling uuid.
 */
import type { Tx, UnitOfWork } from '../db/unit-of-work.js';
import { notFound } from '../errors.js';
import { type SearchParams, type SearchResult, scopeOf, type TenantScope } from '../search/search.js';
import type { ApplicationsDao } from './applications.dao.js';
import type { Application, ApplicationBody } from './applications.model.js';
import type { ApplicationsNotifier } from './applications.notifier.js';
import type { ApplicationsValidator } from './applications.validator.js';

export interface ApplicationsServiceDeps {
  uow: UnitOfWork;
  dao: ApplicationsDao;
  validator: ApplicationsValidator;
  notifier: ApplicationsNotifier;
  /** Drops the fallbacks whose destination is application `uuid` (the fallbacks' dao). */
  dropFallbacksTo(tx: Tx, uuid: string): Promise<void>;
}

export function createApplicationsService(deps: ApplicationsServiceDeps) {
  const { uow, dao, validator, notifier } = deps;

  async function existing(tx: Tx, scope: TenantScope, uuid: string): Promise<Application> {
    const application = await dao.find(tx, scope, uuid);
    if (!application) throw notFound('Application', { uuid });
    return application;
  }

  return {
    search: (scope: TenantScope, params: SearchParams): Promise<SearchResult<Application>> =>
      uow.read((tx) => dao.search(tx, scope, params)),

    get: (scope: TenantScope, uuid: string): Promise<Application> =>
      uow.read((tx) => existing(tx, scope, uuid)),

    /** The application by uuid among the scope's tenants, or null (a link's lookup). */
    find: (tx: Tx, scope: TenantScope, uuid: string): Promise<Application | null> =>
      dao.find(tx, scope, uuid),

    create: (tenantUuid: string, body: ApplicationBody): Promise<Application> =>
      uow.run(async (tx) => {
        const node = validator.nodeOf(body);
        await validator.checkMusicOnHold(tx, tenantUuid, node);
        const uuid = await dao.create(tx, tenantUuid, { name: body.name ?? null, node });
        const application = await existing(tx, scopeOf(tenantUuid), uuid);
        notifier.created(tx, application);
        return application;
      }),

    edit: (scope: TenantScope, uuid: string, body: ApplicationBody): Promise<void> =>
      uow.run(async (tx) => {
        const current = await existing(tx, scope, uuid);
        const node = validator.nodeOf(body);
        await validator.checkMusicOnHold(tx, current.tenant_uuid, node);
        const name = body.name === undefined ? current.name : body.name;
        await dao.update(tx, uuid, { name, node });
        notifier.edited(tx, await existing(tx, scope, uuid));
      }),

    delete: (scope: TenantScope, uuid: string): Promise<void> =>
      uow.run(async (tx) => {
        const application = await existing(tx, scope, uuid);
        await deps.dropFallbacksTo(tx, uuid);
        await dao.delete(tx, uuid);
        notifier.deleted(tx, application);
      }),
  };
}

export type ApplicationsService = ReturnType<typeof createApplicationsService>;
