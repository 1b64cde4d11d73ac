/**
 * Rules every link keeps, as wazo-confd words them: both sides in one tenant, and at most one
 * resource per owner where the kind says so; then the kind's own rules, if it has any.
 */
import type { Tx } from '../db/unit-of-work.js';
import { formatCriteria, resourceAssociated, resourceError } from '../errors.js';
import type { TenantScope } from '../search/search.js';
import type { LinkDao } from './links.dao.js';
import type { LinkKey, LinkKind, Tenanted } from './links.kind.js';

/** A kind's own rules, beyond the common ones (e.g. a line needs an endpoint). */
export interface LinkRules<O, R> {
  validateAssociation?(tx: Tx, scope: TenantScope, owner: O, resource: R): Promise<void> | void;
  validateDissociation?(tx: Tx, scope: TenantScope, owner: O, resource: R): Promise<void> | void;
}

export interface LinkValidatorDeps<O, R, OS, RS> {
  kind: LinkKind<O, R, OS, RS>;
  dao: Pick<LinkDao<OS, RS>, 'resourceKeysOf'>;
  rules?: LinkRules<O, R>;
}

/** `User` → `user`, `CallPermission` → `call_permission`: Wazo's criteria prefixes. */
const snake = (name: string) => name.replace(/(?<!^)([A-Z])/g, '_$1').toLowerCase();

export function createLinkValidator<O extends Tenanted, R extends Tenanted, OS, RS>(
  deps: LinkValidatorDeps<O, R, OS, RS>,
) {
  const { kind, dao, rules } = deps;
  return {
    async validateAssociation(tx: Tx, scope: TenantScope, owner: O, resource: R): Promise<void> {
      if (owner.tenant_uuid !== resource.tenant_uuid) {
        const criteria = {
          [`${snake(kind.owner.name)}_tenant_uuid`]: owner.tenant_uuid,
          [`${snake(kind.resource.name)}_tenant_uuid`]: resource.tenant_uuid,
        };
        throw resourceError(`different tenants (${formatCriteria(criteria)})`, criteria);
      }
      if (kind.perOwner === 'one') {
        const [current] = await dao.resourceKeysOf(tx, scope, owner[kind.owner.key] as LinkKey);
        if (current !== undefined)
          throw resourceAssociated(kind.owner.name, kind.resource.name, kind.linkedCriteria(owner, current));
      }
      await rules?.validateAssociation?.(tx, scope, owner, resource);
    },

    async validateDissociation(tx: Tx, scope: TenantScope, owner: O, resource: R): Promise<void> {
      await rules?.validateDissociation?.(tx, scope, owner, resource);
    },
  };
}

export type LinkValidator<O, R> = {
  validateAssociation(tx: Tx, scope: TenantScope, owner: O, resource: R): Promise<void>;
  validateDissociation(tx: Tx, scope: TenantScope, owner: O, resource: R): Promise<void>;
};
