/**
 * The parking lots service: list, read, create (45 s timeout and the `default` music on hold
 * unless given), edit (what is given changes; a lot with an extension keeps its slots free),
 * delete (with the function keys to it).
 */
import type { Tx, UnitOfWork } from '../db/unit-of-work.js';
import { notFound } from '../errors.js';
import type { SearchParams, SearchResult, TenantScope } from '../search/search.js';
import type { ParkingLotsDao } from './parking-lots.dao.js';
import type { ParkingLot, ParkingLotCreate, ParkingLotEdit, ParkingLotRow } from './parking-lots.model.js';
import type { ParkingLotsNotifier } from './parking-lots.notifier.js';
import type { ParkingLotsValidator } from './parking-lots.validator.js';

export interface ParkingLotsServiceDeps {
  uow: UnitOfWork;
  dao: ParkingLotsDao;
  validator: ParkingLotsValidator;
  notifier: ParkingLotsNotifier;
}

const pick = <T>(given: T | undefined, kept: T): T => (given !== undefined ? given : kept);

function rowOf(
  tenantUuid: string,
  base: Omit<ParkingLotRow, 'tenant_uuid'>,
  changes: ParkingLotEdit,
): ParkingLotRow {
  return {
    tenant_uuid: tenantUuid,
    name: pick(changes.name, base.name),
    slots_start: pick(changes.slots_start, base.slots_start),
    slots_end: pick(changes.slots_end, base.slots_end),
    timeout: pick(changes.timeout, base.timeout),
    music_on_hold: pick(changes.music_on_hold, base.music_on_hold),
  };
}

const missing = (id: number) => notFound('ParkingLot', { id });

export function createParkingLotsService({ uow, dao, validator, notifier }: ParkingLotsServiceDeps) {
  async function existing(tx: Tx, scope: TenantScope, id: number): Promise<ParkingLot> {
    const lot = await dao.find(tx, scope, id);
    if (!lot) throw missing(id);
    return lot;
  }

  return {
    search(scope: TenantScope, params: SearchParams): Promise<SearchResult<ParkingLot>> {
      return uow.read((tx) => dao.search(tx, scope, params));
    },

    get(scope: TenantScope, id: number): Promise<ParkingLot> {
      return uow.read((tx) => existing(tx, scope, id));
    },

    create(scope: TenantScope, tenantUuid: string, input: ParkingLotCreate): Promise<ParkingLot> {
      return uow.run(async (tx) => {
        const defaults = { name: null, timeout: 45, music_on_hold: 'default' };
        const row = rowOf(tenantUuid, { ...defaults, ...input }, {});
        validator.checkSlots(row);
        const lot = await dao.create(tx, scope, row);
        if (!lot) throw notFound('Tenant', { uuid: tenantUuid });
        notifier.created(tx, lot);
        return lot;
      });
    },

    edit(scope: TenantScope, id: number, changes: ParkingLotEdit): Promise<ParkingLot> {
      return uow.run(async (tx) => {
        const lot = await existing(tx, scope, id);
        const row = rowOf(lot.tenant_uuid, lot, changes);
        validator.checkSlots(row);
        await validator.validateEdit(tx, { ...row, id }, lot.extensions);
        const edited = await dao.update(tx, scope, id, row);
        if (!edited) throw missing(id);
        notifier.edited(tx, edited);
        return edited;
      });
    },

    delete(scope: TenantScope, id: number): Promise<void> {
      return uow.run(async (tx) => {
        const lot = await existing(tx, scope, id);
        await dao.delete(tx, scope, id);
        notifier.deleted(tx, lot);
      });
    },
  };
}

export type ParkingLotsService = ReturnType<typeof createParkingLotsService>;
