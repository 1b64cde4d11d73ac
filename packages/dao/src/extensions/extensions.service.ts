/**
 * The extensions service: the public API for extensions. An extension is found by its context's
 * name among the caller's tenants and takes that context's tenant.
 */
import type { ContextsDao } from '../contexts/contexts.dao.js';
import type { Tx, UnitOfWork } from '../db/unit-of-work.js';
import { notFound } from '../errors.js';
import type { SearchParams, SearchResult, TenantScope } from '../search/search.js';
import type { ExtensionsDao } from './extensions.dao.js';
import { type Extension, type ExtensionCreate, type ExtensionEdit, enabledOf } from './extensions.model.js';
import type { ExtensionsNotifier } from './extensions.notifier.js';
import type { ExtensionsValidator } from './extensions.validator.js';

export interface ExtensionsServiceDeps {
  uow: UnitOfWork;
  dao: ExtensionsDao;
  validator: ExtensionsValidator;
  notifier: ExtensionsNotifier;
  contexts: Pick<ContextsDao, 'findByName'>;
}

export function createExtensionsService(deps: ExtensionsServiceDeps) {
  const { uow, dao, validator, notifier, contexts } = deps;

  async function getIn(tx: Tx, scope: TenantScope, id: number): Promise<Extension> {
    const extension = await dao.find(tx, scope, id);
    if (!extension) throw notFound('Extension', { id });
    return extension;
  }

  return {
    search: (scope: TenantScope, params: SearchParams): Promise<SearchResult<Extension>> =>
      uow.read((tx) => dao.search(tx, scope, params)),

    get: (scope: TenantScope, id: number): Promise<Extension> => uow.read((tx) => getIn(tx, scope, id)),

    create: (scope: TenantScope, input: ExtensionCreate): Promise<Extension> =>
      uow.run(async (tx) => {
        const context = await contexts.findByName(tx, scope, input.context);
        await validator.validateCreate(tx, input, context);
        const id = await dao.create(tx, scope, {
          context_id: context!.id,
          exten: input.exten,
          enabled: enabledOf(input) ?? true,
        });
        if (id === null) throw notFound('Context', { name: input.context });
        const extension = await getIn(tx, scope, id);
        notifier.created(tx, extension);
        return extension;
      }),

    edit: (scope: TenantScope, id: number, input: ExtensionEdit): Promise<void> =>
      uow.run(async (tx) => {
        const current = await getIn(tx, scope, id);
        const contextName = input.context ?? current.context;
        const context = await contexts.findByName(tx, scope, contextName);
        const enabled = enabledOf(input) ?? current.enabled;
        const edited: Extension = {
          ...current,
          exten: input.exten ?? current.exten,
          context: contextName,
          enabled,
          commented: !enabled,
        };
        await validator.validateEdit(tx, current, edited, context);
        const record = { context_id: context!.id, exten: edited.exten, enabled };
        if (!(await dao.edit(tx, scope, id, record))) throw notFound('Extension', { id });
        notifier.edited(tx, edited);
      }),

    delete: (scope: TenantScope, id: number): Promise<void> =>
      uow.run(async (tx) => {
        const extension = await getIn(tx, scope, id);
        await validator.validateDelete(tx, extension);
        if (!(await dao.delete(tx, scope, id))) throw notFound('Extension', { id });
        notifier.deleted(tx, extension);
      }),
  };
}

export type ExtensionsService = ReturnType<typeof createExtensionsService>;
