/**
 * SQL of any owner-to-resource link, from its declaration: the link table joined to both sides'
 * tables, so that every read and write stays within the caller's tenants on both sides (an empty
 * scope sees and changes nothing). Keys are the values of the sides' `key` fields.
 */
import { inTenants } from '@wazo-ts/db';
import type { Kysely } from 'kysely';
import type { Tx } from '../db/unit-of-work.js';
import type { TenantScope } from '../search/search.js';
import type { LinkKey, LinkKind } from './links.kind.js';

// biome-ignore lint/suspicious/noExplicitAny: the tables are named by the declaration, not known to Kysely's types
type AnyDb = Kysely<any>;

/** A side as SQL sees it: names only. */
type Side = { table: string; key: string; column: string; summary: readonly string[] };

export function createLinkDao<O, R, OS, RS>(
  kind: Pick<LinkKind<O, R, OS, RS>, 'table' | 'owner' | 'resource'>,
) {
  const { table } = kind;
  const owner: Side = kind.owner;
  const resource: Side = kind.resource;
  const db = (tx: Tx) => tx.db as unknown as AnyDb;
  // Keys of the side's rows among the scope's tenants (callers guard against an empty scope).
  const keysIn = (tx: Tx, side: Side, scope: TenantScope) =>
    db(tx)
      .selectFrom(side.table)
      .select(`${side.table}.${side.key}`)
      .where(inTenants(`${side.table}.tenant_uuid`, scope.tenantUuids));
  const links = (tx: Tx, scope: TenantScope) =>
    db(tx)
      .selectFrom(table)
      .where(owner.column, 'in', keysIn(tx, owner, scope))
      .where(resource.column, 'in', keysIn(tx, resource, scope));

  /** One side's summaries linked to a key of the other side, ordered by the listed side's key. */
  async function listOf<S>(tx: Tx, scope: TenantScope, listed: Side, other: Side, otherKey: LinkKey) {
    const rows = await db(tx)
      .selectFrom(`${table} as link`)
      .innerJoin(`${listed.table} as side`, `side.${listed.key}`, `link.${listed.column}`)
      .select(listed.summary.map((column) => `side.${column}`))
      .where(`link.${other.column}`, '=', otherKey)
      .where(inTenants('side.tenant_uuid', scope.tenantUuids))
      .where(`link.${other.column}`, 'in', keysIn(tx, other, scope))
      .orderBy(`side.${listed.key}`)
      .execute();
    return rows as S[];
  }

  return {
    async exists(tx: Tx, scope: TenantScope, ownerKey: LinkKey, resourceKey: LinkKey): Promise<boolean> {
      const row = await links(tx, scope)
        .select(owner.column)
        .where(owner.column, '=', ownerKey)
        .where(resource.column, '=', resourceKey)
        .executeTakeFirst();
      return row !== undefined;
    },

    /** Keys of the owner's resources within the scope. */
    async resourceKeysOf(tx: Tx, scope: TenantScope, ownerKey: LinkKey): Promise<LinkKey[]> {
      const rows = await links(tx, scope)
        .select(resource.column)
        .where(owner.column, '=', ownerKey)
        .orderBy(resource.column)
        .execute();
      return rows.map((row) => row[resource.column] as LinkKey);
    },

    /** False when the owner or the resource is not in the scope: nothing is written. */
    async associate(tx: Tx, scope: TenantScope, ownerKey: LinkKey, resourceKey: LinkKey): Promise<boolean> {
      const inserted = await db(tx)
        .insertInto(table)
        .columns([owner.column, resource.column])
        .expression(
          keysIn(tx, owner, scope)
            .select((eb) => eb.val(resourceKey).as(resource.column))
            .where(`${owner.table}.${owner.key}`, '=', ownerKey)
            .where((eb) => eb(eb.val(resourceKey), 'in', keysIn(tx, resource, scope))),
        )
        .executeTakeFirst();
      return (inserted.numInsertedOrUpdatedRows ?? 0n) > 0n;
    },

    /** False when no link of an owner and a resource in the scope was removed. */
    async dissociate(tx: Tx, scope: TenantScope, ownerKey: LinkKey, resourceKey: LinkKey): Promise<boolean> {
      const deleted = await db(tx)
        .deleteFrom(table)
        .where(owner.column, '=', ownerKey)
        .where(resource.column, '=', resourceKey)
        .where(owner.column, 'in', keysIn(tx, owner, scope))
        .where(resource.column, 'in', keysIn(tx, resource, scope))
        .executeTakeFirst();
      return deleted.numDeletedRows > 0n;
    },

    /** The owner's resources (their summaries) within the scope. */
    listByOwner: (tx: Tx, scope: TenantScope, ownerKey: LinkKey): Promise<RS[]> =>
      listOf<RS>(tx, scope, resource, owner, ownerKey),

    /** The resource's owners (their summaries) within the scope. */
    listByResource: (tx: Tx, scope: TenantScope, resourceKey: LinkKey): Promise<OS[]> =>
      listOf<OS>(tx, scope, owner, resource, resourceKey),
  };
}

export type LinkDao<OS, RS> = ReturnType<typeof createLinkDao<unknown, unknown, OS, RS>>;
