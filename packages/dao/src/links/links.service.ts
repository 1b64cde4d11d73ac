/**
 * Any owner-to-resource link's public API: associate and dissociate (a no-op when already so, or
 * Wazo's error where the kind refuses a second association) and the lists of either side. Both
 * sides are found in the caller's tenants: owners by id or uuid, resources by their key.
 */
import type { Tx, UnitOfWork } from '../db/unit-of-work.js';
import { notFound, resourceAssociated } from '../errors.js';
import type { TenantScope } from '../search/search.js';
import type { LinkDao } from './links.dao.js';
import type { LinkKey, LinkKind, Tenanted } from './links.kind.js';
import type { LinkNotifier } from './links.notifier.js';
import type { LinkValidator } from './links.validator.js';

type Find<M, K> = (tx: Tx, scope: TenantScope, key: K) => Promise<M | null>;

export interface LinkServiceDeps<O, R, OS, RS, RK extends LinkKey> {
  uow: UnitOfWork;
  kind: LinkKind<O, R, OS, RS>;
  dao: LinkDao<OS, RS>;
  /** The owner by id (number or digits) or uuid among the scope's tenants. */
  findOwner: Find<O, LinkKey>;
  findResource: Find<R, RK>;
  validator: LinkValidator<O, R>;
  notifier: LinkNotifier<O, R>;
}

/** `('id': 42)` for an id (number or digits), `('uuid': '...')` otherwise, as Wazo's 404s. */
const criteriaOf = (key: LinkKey) =>
  typeof key === 'number' || /^[0-9]+$/.test(key) ? { id: Number(key) } : { uuid: key };

export function createLinkService<O extends Tenanted, R extends Tenanted, OS, RS, RK extends LinkKey>(
  deps: LinkServiceDeps<O, R, OS, RS, RK>,
) {
  const { uow, kind, dao, validator, notifier } = deps;
  const ownerKey = (owner: O) => owner[kind.owner.key] as LinkKey;
  const resourceKey = (resource: R) => resource[kind.resource.key] as LinkKey;

  async function ownerOf(tx: Tx, scope: TenantScope, key: LinkKey): Promise<O> {
    const owner = await deps.findOwner(tx, scope, key);
    if (!owner) throw notFound(kind.owner.name, criteriaOf(key));
    return owner;
  }

  async function resourceOf(tx: Tx, scope: TenantScope, key: RK): Promise<R> {
    const resource = await deps.findResource(tx, scope, key);
    if (!resource) throw notFound(kind.resource.name, criteriaOf(key));
    return resource;
  }

  /** The owner left the scope between its read and the write (a race): it is not found. */
  const ownerGone = (owner: O) => notFound(kind.owner.name, { [kind.owner.key]: ownerKey(owner) });

  return {
    associate: (scope: TenantScope, ownerRef: LinkKey, resourceRef: RK): Promise<void> =>
      uow.run(async (tx) => {
        const owner = await ownerOf(tx, scope, ownerRef);
        const resource = await resourceOf(tx, scope, resourceRef);
        if (await dao.exists(tx, scope, ownerKey(owner), resourceKey(resource))) {
          if (kind.whenLinked === 'ignore') return;
          const criteria = kind.linkedCriteria(owner, resourceKey(resource));
          throw resourceAssociated(kind.owner.name, kind.resource.name, criteria);
        }
        await validator.validateAssociation(tx, scope, owner, resource);
        if (!(await dao.associate(tx, scope, ownerKey(owner), resourceKey(resource)))) throw ownerGone(owner);
        notifier.associated(tx, owner, resource);
      }),

    dissociate: (scope: TenantScope, ownerRef: LinkKey, resourceRef: RK): Promise<void> =>
      uow.run(async (tx) => {
        const owner = await ownerOf(tx, scope, ownerRef);
        const resource = await resourceOf(tx, scope, resourceRef);
        if (!(await dao.exists(tx, scope, ownerKey(owner), resourceKey(resource)))) return;
        await validator.validateDissociation(tx, scope, owner, resource);
        if (!(await dao.dissociate(tx, scope, ownerKey(owner), resourceKey(resource))))
          throw ownerGone(owner);
        notifier.dissociated(tx, owner, resource);
      }),

    /** The owner's resources, e.g. a user's `schedules`. */
    resourcesOf: (scope: TenantScope, ownerRef: LinkKey): Promise<RS[]> =>
      uow.read(async (tx) => dao.listByOwner(tx, scope, ownerKey(await ownerOf(tx, scope, ownerRef)))),

    /** The resource's owners, e.g. a schedule's `users`. */
    ownersOf: (scope: TenantScope, resourceRef: RK): Promise<OS[]> =>
      uow.read(async (tx) =>
        dao.listByResource(tx, scope, resourceKey(await resourceOf(tx, scope, resourceRef))),
      ),
  };
}

export type LinkService<O extends Tenanted, R extends Tenanted, OS, RS, RK extends LinkKey> = ReturnType<
  typeof createLinkService<O, R, OS, RS, RK>
>;
