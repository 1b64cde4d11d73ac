/**
 * Wazo's checks on associating an extension with a conference or a parking lot, in its order:
 * one tenant, the owner has no extension, the extension serves nothing else, its context is
 * internal, then the owner kind's own rule (the exten in the context's ranges, the slots free).
 */
import type { ContextsDao } from '../contexts/contexts.dao.js';
import type { Context } from '../contexts/contexts.model.js';
import type { Tx } from '../db/unit-of-work.js';
import { notFound, resourceAssociated } from '../errors.js';
import type { Extension } from '../extensions/extensions.model.js';
import { differentTenants, unhandledContextType } from '../extensions/extensions.validator.js';
import type { TenantScope } from '../search/search.js';
import type { OwnerExtensionsDao, OwnerKind } from './owner-extensions.dao.js';

export interface ExtensionOwner {
  id: number;
  tenant_uuid: string;
}

/** The owner kind's last check, given the extension's context. */
export type ValidateMore<O> = (tx: Tx, owner: O, extension: Extension, context: Context) => Promise<void>;

export interface OwnerExtensionsValidatorDeps<O extends ExtensionOwner> {
  kind: OwnerKind;
  dao: OwnerExtensionsDao;
  contexts: Pick<ContextsDao, 'findByName'>;
  validateMore: ValidateMore<O>;
}

export function createOwnerExtensionsValidator<O extends ExtensionOwner>(
  deps: OwnerExtensionsValidatorDeps<O>,
) {
  const { kind, dao } = deps;
  return {
    async validateAssociation(tx: Tx, scope: TenantScope, owner: O, extension: Extension): Promise<void> {
      if (extension.tenant_uuid !== owner.tenant_uuid) {
        throw differentTenants({
          extension_tenant_uuid: extension.tenant_uuid,
          [`${kind.type}_tenant_uuid`]: owner.tenant_uuid,
        });
      }
      const own = await dao.extensionOf(tx, owner.id);
      if (own !== null) {
        throw resourceAssociated(kind.resource, 'Extension', { [kind.column]: owner.id, extension_id: own });
      }
      const holder = await dao.holderOf(tx, extension.id);
      if (holder?.table === kind.table) {
        throw resourceAssociated(kind.resource, 'Extension', {
          [kind.column]: holder.id,
          extension_id: extension.id,
        });
      }
      if (holder) {
        throw resourceAssociated('Extension', holder.type, {
          extension_id: extension.id,
          associated_id: holder.id,
        });
      }
      const context = await deps.contexts.findByName(tx, scope, extension.context);
      if (!context) throw notFound('Context', { name: extension.context });
      if (context.type !== 'internal') {
        throw unhandledContextType(context.type, { id: extension.id, context: extension.context });
      }
      await deps.validateMore(tx, owner, extension, context);
    },
  };
}

export type OwnerExtensionsValidator<O extends ExtensionOwner> = ReturnType<
  typeof createOwnerExtensionsValidator<O>
>;
