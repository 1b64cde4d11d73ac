/**
 * Policies' rules: who sees what (own, shared by ancestors, config-managed), read-only policies
 * refuse writes, names and slugs do not clash along the tree, and the escalation guard: a caller
 * adds only accesses it holds and removes only accesses it holds.
 */
import type { Tx, UnitOfWork } from '@wazo-ts/db';
import type { ListParams } from '../db/listing.js';
import type { AuthDatabase } from '../db/schema.js';
import type { TenantTree } from '../tenant-tree/index.js';
import { type AccessGuard, assertMayAdd, assertMayRemove } from './access-guard.js';
import type { PoliciesDao, PolicyFilters } from './policies.dao.js';
import { duplicateAccess, duplicatePolicy, readOnlyPolicy, unknownPolicy } from './policies.errors.js';
import {
  exposePolicy,
  type Policy,
  type PolicyCreateInput,
  type PolicyKey,
  type PolicyRecord,
  type PolicyUpdateInput,
  type PolicyViewer,
  slugFromName,
} from './policies.model.js';

type AuthTx = Tx<AuthDatabase>;

export interface PoliciesServiceDeps {
  uow: UnitOfWork<AuthDatabase>;
  dao: PoliciesDao;
  tenants: TenantTree;
  /** Random slug suffix source, injected so tests are deterministic. */
  randomSlug?: () => string;
}

export interface PolicyScope {
  tenantUuid: string;
  recurse: boolean;
}

export interface ResolvedPolicy {
  record: PolicyRecord;
  viewer: PolicyViewer;
}

const keyText = (key: PolicyKey) => ('uuid' in key ? key.uuid : key.slug);

function randomSlugDefault(): string {
  const chars = 'abcdefghijklmnopqrstuvwxyz0123456789';
  return Array.from({ length: 3 }, () => chars[Math.floor(Math.random() * chars.length)]).join('');
}

export function createPoliciesService(deps: PoliciesServiceDeps) {
  const { uow, dao, tenants } = deps;
  const randomSlug = deps.randomSlug ?? randomSlugDefault;

  const viewerOf = async (tx: AuthTx, tenantUuid: string, wide: boolean): Promise<PolicyViewer> => ({
    tenantUuid,
    tenantUuids: wide ? await tenants.subtreeOf(tx.db, tenantUuid) : [tenantUuid],
  });

  /** A uuid is looked up in the subtree, a slug in the scoping tenant only (as Wazo). */
  const resolve = async (tx: AuthTx, tenantUuid: string, key: PolicyKey): Promise<ResolvedPolicy> => {
    const viewer = await viewerOf(tx, tenantUuid, 'uuid' in key);
    const record = await dao.findVisible(tx, viewer, key);
    if (!record) throw unknownPolicy(keyText(key));
    return { record, viewer };
  };

  const resolveWritable = async (tx: AuthTx, tenantUuid: string, key: PolicyKey) => {
    const resolved = await resolve(tx, tenantUuid, key);
    if (exposePolicy(resolved.record, resolved.viewer).read_only) throw readOnlyPolicy(resolved.record.uuid);
    return resolved;
  };

  const reread = async (tx: AuthTx, viewer: PolicyViewer, uuid: string): Promise<Policy> => {
    const record = await dao.findVisible(tx, viewer, { uuid });
    if (!record) throw unknownPolicy(uuid);
    return exposePolicy(record, viewer);
  };

  const freeSlug = async (tx: AuthTx, tenantUuid: string, name: string): Promise<string> => {
    const fromName = slugFromName(name);
    if (fromName && !(await dao.slugTaken(tx, tenantUuid, fromName))) return fromName;
    for (;;) {
      const slug = randomSlug();
      if (!(await dao.slugTaken(tx, tenantUuid, slug))) return slug;
    }
  };

  return {
    resolve,

    list: (scope: PolicyScope, filters: PolicyFilters, params: ListParams) =>
      uow.read(async (tx) => {
        const viewer = await viewerOf(tx, scope.tenantUuid, scope.recurse);
        const page = await dao.search(tx, viewer, filters, params);
        return { total: page.total, items: page.items.map((record) => exposePolicy(record, viewer)) };
      }),

    get: (tenantUuid: string, key: PolicyKey) =>
      uow.read(async (tx) => {
        const { record, viewer } = await resolve(tx, tenantUuid, key);
        return exposePolicy(record, viewer);
      }),

    create: (tenantUuid: string, input: PolicyCreateInput, guard: AccessGuard) =>
      uow.run(async (tx) => {
        const acl = input.acl ?? [];
        assertMayAdd(guard, acl);
        const slug = input.slug ?? (await freeSlug(tx, tenantUuid, input.name));
        const shared = input.shared ?? false;
        if (await dao.slugTaken(tx, tenantUuid, slug)) throw duplicatePolicy(input.name);
        if (await dao.clashes(tx, tenantUuid, { name: input.name, slug }, shared))
          throw duplicatePolicy(input.name);
        const uuid = await dao.insert(
          tx,
          {
            uuid: input.uuid,
            tenant_uuid: tenantUuid,
            name: input.name,
            slug,
            description: input.description ?? null,
            shared,
            config_managed: false,
          },
          acl,
        );
        return reread(tx, await viewerOf(tx, tenantUuid, false), uuid);
      }),

    update: (tenantUuid: string, key: PolicyKey, input: PolicyUpdateInput, guard: AccessGuard) =>
      uow.run(async (tx) => {
        const acl = input.acl ?? [];
        assertMayAdd(guard, acl);
        const { record, viewer } = await resolveWritable(tx, tenantUuid, key);
        assertMayRemove(
          guard,
          record.acl.filter((access) => !acl.includes(access)),
        );
        await dao.update(tx, record.uuid, { name: input.name, description: input.description ?? null }, acl);
        return reread(tx, viewer, record.uuid);
      }),

    delete: (tenantUuid: string, key: PolicyKey, guard: AccessGuard) =>
      uow.run(async (tx) => {
        const { record } = await resolveWritable(tx, tenantUuid, key);
        assertMayRemove(guard, record.acl);
        await dao.delete(tx, record.uuid);
      }),

    addAccess: (tenantUuid: string, key: PolicyKey, access: string, guard: AccessGuard) =>
      uow.run(async (tx) => {
        assertMayAdd(guard, [access]);
        const { record } = await resolveWritable(tx, tenantUuid, key);
        if (!(await dao.addAccess(tx, record.uuid, access))) throw duplicateAccess(access);
      }),

    removeAccess: (tenantUuid: string, key: PolicyKey, access: string, guard: AccessGuard) =>
      uow.run(async (tx) => {
        assertMayRemove(guard, [access]);
        const { record } = await resolveWritable(tx, tenantUuid, key);
        await dao.removeAccess(tx, record.uuid, access);
      }),
  };
}

export type PoliciesService = ReturnType<typeof createPoliciesService>;
