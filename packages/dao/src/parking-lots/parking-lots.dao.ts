/**
 * SQL of the parking lots: `parking_lot`, with its extension (`parking_lot_extension`) read
 * with it; the lots and extensions of a context, for the slot checks. Deleting a lot deletes
 * the function keys to it (parking and park positions), as Wazo's.
 */

import { inTenants } from '@wazo-ts/db';
import { deleteInScope, updateInScope } from '../db/scoped-write.js';
import type { Tx } from '../db/unit-of-work.js';
import { dropFuncKeysTo } from '../func-keys/func-keys.dao.js';
import { ownedExtensions, PARKING_LOT_OWNER } from '../owner-extensions/owner-extensions.dao.js';
import { runSearch, type SearchConfig } from '../search/apply.js';
import type { SearchParams, SearchResult, TenantScope } from '../search/search.js';
import type { ParkingLot, ParkingLotFields, ParkingLotRow } from './parking-lots.model.js';

/** Wazo's parking lot search: the fields, its extension's exten and context; sorted by name. */
export const parkingLotSearchConfig: SearchConfig = {
  columns: {
    id: 'parking_lot.id',
    name: 'parking_lot.name',
    slots_start: 'parking_lot.slots_start',
    slots_end: 'parking_lot.slots_end',
    timeout: 'parking_lot.timeout',
    exten: 'extension.exten',
    context: 'context.name',
  },
  search: ['name', 'slots_start', 'slots_end', 'timeout', 'exten', 'context'],
  defaultSort: 'name',
  key: 'parking_lot.id',
};

function scoped(tx: Tx, scope: TenantScope) {
  return tx.db
    .selectFrom('parking_lot')
    .leftJoin('parking_lot_extension', 'parking_lot_extension.parking_lot_id', 'parking_lot.id')
    .leftJoin('extension', 'extension.id', 'parking_lot_extension.extension_id')
    .leftJoin('context', 'context.id', 'extension.context_id')
    .selectAll('parking_lot')
    .where(inTenants('parking_lot.tenant_uuid', scope.tenantUuids));
}

async function withRelations(tx: Tx, rows: ParkingLotFields[]): Promise<ParkingLot[]> {
  const extensions = await ownedExtensions(
    tx,
    PARKING_LOT_OWNER,
    rows.map((row) => row.id),
  );
  return rows.map((row) => ({ ...row, extensions: extensions.get(row.id) ?? [] }));
}

const one = async (tx: Tx, row: ParkingLotFields | undefined) =>
  row ? (await withRelations(tx, [row]))[0]! : null;

export function createParkingLotsDao() {
  return {
    async create(tx: Tx, scope: TenantScope, row: ParkingLotRow): Promise<ParkingLot | null> {
      if (!scope.tenantUuids.includes(row.tenant_uuid)) return null;
      return one(
        tx,
        await tx.db.insertInto('parking_lot').values(row).returningAll().executeTakeFirstOrThrow(),
      );
    },

    async find(tx: Tx, scope: TenantScope, id: number): Promise<ParkingLot | null> {
      return one(tx, await scoped(tx, scope).where('parking_lot.id', '=', id).executeTakeFirst());
    },

    async search(tx: Tx, scope: TenantScope, params: SearchParams): Promise<SearchResult<ParkingLot>> {
      const page = await runSearch(scoped(tx, scope), parkingLotSearchConfig, params);
      return { total: page.total, items: await withRelations(tx, page.items) };
    },

    async update(tx: Tx, scope: TenantScope, id: number, row: ParkingLotRow): Promise<ParkingLot | null> {
      const { tenant_uuid: _tenant, ...columns } = row;
      const updated = await updateInScope(tx, 'parking_lot', scope, id, columns);
      return one(tx, updated);
    },

    /** Deletes `id` and the function keys to it, if in scope. */
    async delete(tx: Tx, scope: TenantScope, id: number): Promise<boolean> {
      if (!(await deleteInScope(tx, 'parking_lot', scope, id))) return false;
      await dropFuncKeysTo(tx, ['parking', 'park_position'], 'parking_lot_id', id);
      return true;
    },

    /** The extensions (not patterns) of the context named `context`, for the slot checks. */
    async extensionsIn(tx: Tx, context: string): Promise<{ id: number; exten: string }[]> {
      return tx.db
        .selectFrom('extension')
        .innerJoin('context', 'context.id', 'extension.context_id')
        .select(['extension.id', 'extension.exten'])
        .where('context.name', '=', context)
        .where('extension.exten', 'not like', '\\_%')
        .orderBy('extension.id')
        .execute();
    },

    /** The parking lots whose extension is in the context named `context`. */
    async lotsIn(tx: Tx, context: string): Promise<ParkingLotFields[]> {
      return tx.db
        .selectFrom('parking_lot')
        .innerJoin('parking_lot_extension as pe', 'pe.parking_lot_id', 'parking_lot.id')
        .innerJoin('extension', 'extension.id', 'pe.extension_id')
        .innerJoin('context', 'context.id', 'extension.context_id')
        .selectAll('parking_lot')
        .where('context.name', '=', context)
        .orderBy('parking_lot.id')
        .execute();
    },
  };
}

export type ParkingLotsDao = ReturnType<typeof createParkingLotsDao>;
