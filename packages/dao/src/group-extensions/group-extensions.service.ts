/**
 * The group-extension association service, as line extensions: associating what is already
 * associated, or dissociating what is not, is a no-op without event. The group (by id or uuid)
 * and the extension must be among the caller's tenants.
 */
import type { ContextsDao } from '../contexts/contexts.dao.js';
import type { Tx, UnitOfWork } from '../db/unit-of-work.js';
import { notFound } from '../errors.js';
import type { ExtensionsDao } from '../extensions/extensions.dao.js';
import type { GroupKey, GroupsDao } from '../groups/groups.dao.js';
import type { TenantScope } from '../search/search.js';
import type { GroupExtensionsDao } from './group-extensions.dao.js';
import type { GroupExtensionsNotifier } from './group-extensions.notifier.js';
import type { GroupExtensionsValidator } from './group-extensions.validator.js';

export interface GroupExtensionsServiceDeps {
  uow: UnitOfWork;
  dao: GroupExtensionsDao;
  validator: GroupExtensionsValidator;
  notifier: GroupExtensionsNotifier;
  groups: Pick<GroupsDao, 'find'>;
  extensions: Pick<ExtensionsDao, 'find'>;
  contexts: Pick<ContextsDao, 'findByName'>;
}

export function createGroupExtensionsService(deps: GroupExtensionsServiceDeps) {
  const { uow, dao, validator, notifier } = deps;

  async function both(tx: Tx, scope: TenantScope, groupKey: GroupKey, extensionId: number) {
    const group = await deps.groups.find(tx, scope, groupKey);
    if (!group) throw notFound('Group', typeof groupKey === 'number' ? { id: groupKey } : { uuid: groupKey });
    const extension = await deps.extensions.find(tx, scope, extensionId);
    if (!extension) throw notFound('Extension', { id: extensionId });
    return { group, extension };
  }

  return {
    associate: (scope: TenantScope, groupKey: GroupKey, extensionId: number): Promise<void> =>
      uow.run(async (tx) => {
        const { group, extension } = await both(tx, scope, groupKey, extensionId);
        if ((await dao.extensionOf(tx, group.id)) === extension.id) return;
        const context = await deps.contexts.findByName(tx, scope, extension.context);
        if (!context) throw notFound('Context', { name: extension.context });
        await validator.validateAssociation(tx, group, extension, context);
        await dao.associate(tx, group.id, extension.id);
        notifier.associated(tx, group, extension.id);
      }),

    dissociate: (scope: TenantScope, groupKey: GroupKey, extensionId: number): Promise<void> =>
      uow.run(async (tx) => {
        const { group, extension } = await both(tx, scope, groupKey, extensionId);
        if ((await dao.extensionOf(tx, group.id)) !== extension.id) return;
        await dao.dissociate(tx, group.id, extension.id);
        notifier.dissociated(tx, group, extension.id);
      }),
  };
}

export type GroupExtensionsService = ReturnType<typeof createGroupExtensionsService>;
