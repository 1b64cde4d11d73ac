/**
 * Associating an extension with a conference or a parking lot, as wazo-confd's
 * conference_extension and parking_lot_extension: associating what is already associated, or
 * dissociating what is not, is a no-op without event. Both must be among the caller's tenants.
 */
import type { Tx, UnitOfWork } from '../db/unit-of-work.js';
import { notFound } from '../errors.js';
import type { ExtensionsDao } from '../extensions/extensions.dao.js';
import type { TenantScope } from '../search/search.js';
import type { OwnerExtensionsDao, OwnerKind } from './owner-extensions.dao.js';
import type { OwnerExtensionsNotifier } from './owner-extensions.notifier.js';
import type { ExtensionOwner, OwnerExtensionsValidator } from './owner-extensions.validator.js';

export interface OwnerExtensionsServiceDeps<O extends ExtensionOwner> {
  uow: UnitOfWork;
  kind: OwnerKind;
  dao: OwnerExtensionsDao;
  validator: OwnerExtensionsValidator<O>;
  notifier: OwnerExtensionsNotifier;
  findOwner: (tx: Tx, scope: TenantScope, id: number) => Promise<O | null>;
  extensions: Pick<ExtensionsDao, 'find'>;
}

export function createOwnerExtensionsService<O extends ExtensionOwner>(deps: OwnerExtensionsServiceDeps<O>) {
  const { uow, kind, dao, validator, notifier } = deps;

  async function both(tx: Tx, scope: TenantScope, ownerId: number, extensionId: number) {
    const owner = await deps.findOwner(tx, scope, ownerId);
    if (!owner) throw notFound(kind.resource, { id: ownerId });
    const extension = await deps.extensions.find(tx, scope, extensionId);
    if (!extension) throw notFound('Extension', { id: extensionId });
    return { owner, extension };
  }

  return {
    associate: (scope: TenantScope, ownerId: number, extensionId: number): Promise<void> =>
      uow.run(async (tx) => {
        const { owner, extension } = await both(tx, scope, ownerId, extensionId);
        if ((await dao.extensionOf(tx, owner.id)) === extension.id) return;
        await validator.validateAssociation(tx, scope, owner, extension);
        await dao.associate(tx, owner.id, extension.id);
        notifier.associated(tx, owner, extension.id);
      }),

    dissociate: (scope: TenantScope, ownerId: number, extensionId: number): Promise<void> =>
      uow.run(async (tx) => {
        const { owner, extension } = await both(tx, scope, ownerId, extensionId);
        if ((await dao.extensionOf(tx, owner.id)) !== extension.id) return;
        await dao.dissociate(tx, owner.id, extension.id);
        notifier.dissociated(tx, owner, extension.id);
      }),
  };
}

export type OwnerExtensionsService = ReturnType<typeof createOwnerExtensionsService>;
