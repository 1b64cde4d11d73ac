/**
 * The external apps' public API. A tenant's app is named in the caller's tenant only (a name is
 * no identifier across tenants, as Wazo's note says); a user's app belongs to a user found among
 * the caller's tenants, and `view=fallback` reads the user's apps over its tenant's.
 */
import type { Tx, UnitOfWork } from '../db/unit-of-work.js';
import { notFound } from '../errors.js';
import type { FindUser } from '../group-members/user-ref.js';
import type { SearchParams, SearchResult, TenantScope } from '../search/search.js';
import { userNotFound } from '../users/user-key.js';
import type { UserKey } from '../users/users.model.js';
import type { ExternalAppsDao, UserExternalAppsDao } from './external-apps.dao.js';
import type { ExternalApp, ExternalAppBody, UserExternalApp } from './external-apps.model.js';
import type { ExternalAppsNotifier } from './external-apps.notifier.js';
import type { ExternalAppsValidator } from './external-apps.validator.js';

export interface ExternalAppsServiceDeps {
  uow: UnitOfWork;
  dao: ExternalAppsDao;
  userDao: UserExternalAppsDao;
  findUser: FindUser;
  validator: ExternalAppsValidator;
  notifier: ExternalAppsNotifier;
}

/** Wazo's `fallback` view: the user's own value of an app, else its tenant's. */
export type UserAppView = 'fallback' | undefined;

const fieldsOf = (body: ExternalAppBody) => ({
  label: body.label ?? null,
  configuration: body.configuration ?? null,
});
const userAppOf = ({ name, label, configuration }: UserExternalApp): UserExternalApp => ({
  name,
  label,
  configuration,
});

export function createExternalAppsService(deps: ExternalAppsServiceDeps) {
  const { uow, dao, userDao, findUser, validator, notifier } = deps;

  const tenantApp = async (tx: Tx, scope: TenantScope, name: string): Promise<ExternalApp> => {
    const app = await dao.find(tx, scope, name);
    if (!app) throw notFound('ExternalApp', { name });
    return app;
  };
  const user = async (tx: Tx, scope: TenantScope, key: UserKey) => {
    const found = await findUser(tx, scope, key);
    if (!found) throw userNotFound(key);
    return found;
  };
  const userApp = async (tx: Tx, userUuid: string, name: string): Promise<UserExternalApp> => {
    const app = await userDao.find(tx, userUuid, name);
    if (!app) throw notFound('UserExternalApp', { name });
    return app;
  };

  return {
    search: (scope: TenantScope, params: SearchParams = {}): Promise<SearchResult<ExternalApp>> =>
      uow.read((tx) => dao.search(tx, scope, params)),

    get: (scope: TenantScope, name: string): Promise<ExternalApp> =>
      uow.read((tx) => tenantApp(tx, scope, name)),

    create: (tenantUuid: string, name: string, body: ExternalAppBody): Promise<ExternalApp> =>
      uow.run(async (tx) => {
        await validator.validateNewTenantApp(tx, tenantUuid, name);
        const app = { tenant_uuid: tenantUuid, name, ...fieldsOf(body) };
        await dao.insert(tx, app);
        notifier.tenantApp(tx, 'created', tenantUuid, name);
        return app;
      }),

    edit: (scope: TenantScope, name: string, changes: ExternalAppBody): Promise<void> =>
      uow.run(async (tx) => {
        const app = { ...(await tenantApp(tx, scope, name)), ...changes };
        await dao.update(tx, app);
        notifier.tenantApp(tx, 'edited', app.tenant_uuid, name);
      }),

    delete: (scope: TenantScope, name: string): Promise<void> =>
      uow.run(async (tx) => {
        const app = await tenantApp(tx, scope, name);
        await dao.remove(tx, app);
        notifier.tenantApp(tx, 'deleted', app.tenant_uuid, name);
      }),

    /** A user's apps; with `fallback`, its tenant's apps it has no own value of too, unpaged. */
    searchOfUser: (
      scope: TenantScope,
      key: UserKey,
      params: SearchParams = {},
      view?: UserAppView,
    ): Promise<SearchResult<UserExternalApp>> =>
      uow.read(async (tx) => {
        const { uuid, tenant_uuid } = await user(tx, scope, key);
        if (view !== 'fallback') return userDao.search(tx, uuid, params);
        const byName = new Map<string, UserExternalApp>();
        const tenantApps = await dao.search(tx, { tenantUuids: [tenant_uuid] }, {});
        for (const app of tenantApps.items) byName.set(app.name, userAppOf(app));
        for (const app of (await userDao.search(tx, uuid, {})).items) byName.set(app.name, app);
        const items = [...byName.values()];
        return { total: items.length, items };
      }),

    getOfUser: (
      scope: TenantScope,
      key: UserKey,
      name: string,
      view?: UserAppView,
    ): Promise<UserExternalApp> =>
      uow.read(async (tx) => {
        const { uuid, tenant_uuid } = await user(tx, scope, key);
        const own = await userDao.find(tx, uuid, name);
        if (own) return own;
        const shared =
          view === 'fallback' ? await dao.find(tx, { tenantUuids: [tenant_uuid] }, name) : undefined;
        if (shared) return userAppOf(shared);
        throw notFound('UserExternalApp', { name });
      }),

    createOfUser: (
      scope: TenantScope,
      key: UserKey,
      name: string,
      body: ExternalAppBody,
    ): Promise<UserExternalApp & { user_uuid: string }> =>
      uow.run(async (tx) => {
        const { uuid, tenant_uuid } = await user(tx, scope, key);
        await validator.validateNewUserApp(tx, uuid, name);
        const app = { name, ...fieldsOf(body) };
        await userDao.insert(tx, uuid, app);
        notifier.userApp(tx, 'created', tenant_uuid, name);
        return { ...app, user_uuid: uuid };
      }),

    editOfUser: (scope: TenantScope, key: UserKey, name: string, changes: ExternalAppBody): Promise<void> =>
      uow.run(async (tx) => {
        const { uuid, tenant_uuid } = await user(tx, scope, key);
        const app = { ...(await userApp(tx, uuid, name)), ...changes };
        await userDao.update(tx, uuid, app);
        notifier.userApp(tx, 'edited', tenant_uuid, name);
      }),

    deleteOfUser: (scope: TenantScope, key: UserKey, name: string): Promise<void> =>
      uow.run(async (tx) => {
        const { uuid, tenant_uuid } = await user(tx, scope, key);
        await userApp(tx, uuid, name);
        await userDao.remove(tx, uuid, name);
        notifier.userApp(tx, 'deleted', tenant_uuid, name);
      }),
  };
}

export type ExternalAppsService = ReturnType<typeof createExternalAppsService>;
