/** SQL of the devices resource: `device` rows, and the `line.device_id` that ties a line to one. */
import { inTenants } from '@wazo-ts/db';
import type { Selectable } from 'kysely';
import type { Tx } from '../db/unit-of-work.js';
import { runSearch, type SearchConfig } from '../search/apply.js';
import type { SearchParams, SearchResult, TenantScope } from '../search/search.js';
import type { Device, DeviceRow } from './devices.model.js';
import type { DeviceTable } from './devices.tables.js';

const KEYS = ['id', 'ip', 'mac', 'sn', 'plugin', 'vendor', 'model', 'version', 'description'];

/** wazo-confd's device search (provd's keys): every key filters and is searched; sorted by ip. */
export const deviceSearchConfig: SearchConfig = {
  columns: Object.fromEntries(KEYS.map((key) => [key, `device.${key}`])),
  search: KEYS,
  defaultSort: 'ip',
  key: 'device.id',
};

const toDevice = (row: Selectable<DeviceTable>): Device => ({
  ...row,
  status: row.status as Device['status'],
  options: row.options ?? null,
});

const columnsOf = ({ options, ...row }: DeviceRow) => ({
  ...row,
  options: options === null ? null : JSON.stringify(options),
});

export function createDevicesDao() {
  const scoped = (tx: Tx, scope: TenantScope) =>
    tx.db.selectFrom('device').selectAll('device').where(inTenants('device.tenant_uuid', scope.tenantUuids));

  return {
    async find(tx: Tx, scope: TenantScope, id: string): Promise<Device | null> {
      const row = await scoped(tx, scope).where('device.id', '=', id).executeTakeFirst();
      return row ? toDevice(row) : null;
    },

    /** A device not yet given to a tenant (`is_new`), whatever its tenant. */
    async findUnallocated(tx: Tx, id: string): Promise<Device | null> {
      const row = await tx.db
        .selectFrom('device')
        .selectAll()
        .where('id', '=', id)
        .where('is_new', '=', true)
        .executeTakeFirst();
      return row ? toDevice(row) : null;
    },

    async search(
      tx: Tx,
      scope: TenantScope | 'unallocated',
      params: SearchParams,
    ): Promise<SearchResult<Device>> {
      const query =
        scope === 'unallocated'
          ? tx.db.selectFrom('device').selectAll('device').where('device.is_new', '=', true)
          : scoped(tx, scope);
      const page = await runSearch(query, deviceSearchConfig, params);
      return { total: page.total, items: page.items.map(toDevice) };
    },

    /** The device holding `mac` (lowercase), in any tenant: a MAC is unique platform-wide. */
    async idOfMac(tx: Tx, mac: string): Promise<string | null> {
      const row = await tx.db.selectFrom('device').select('id').where('mac', '=', mac).executeTakeFirst();
      return row?.id ?? null;
    },

    async create(tx: Tx, row: DeviceRow): Promise<Device> {
      return toDevice(
        await tx.db.insertInto('device').values(columnsOf(row)).returningAll().executeTakeFirstOrThrow(),
      );
    },

    /** Replaces the fields of device `id` (any tenant: the service found it in scope first). */
    async update(tx: Tx, id: string, row: DeviceRow): Promise<Device> {
      return toDevice(
        await tx.db
          .updateTable('device')
          .set(columnsOf(row))
          .where('id', '=', id)
          .returningAll()
          .executeTakeFirstOrThrow(),
      );
    },

    async delete(tx: Tx, id: string): Promise<void> {
      await tx.db.deleteFrom('device').where('id', '=', id).execute();
    },

    /** The ids of the lines using device `id`, by id. */
    async lineIdsOf(tx: Tx, id: string): Promise<number[]> {
      const rows = await tx.db
        .selectFrom('line')
        .select('id')
        .where('device_id', '=', id)
        .orderBy('id')
        .execute();
      return rows.map((row) => row.id);
    },

    /** The line on device `id` at `position`, if any. */
    async lineAtPosition(tx: Tx, id: string, position: number): Promise<number | null> {
      const row = await tx.db
        .selectFrom('line')
        .select('id')
        .where('device_id', '=', id)
        .where('position', '=', position)
        .executeTakeFirst();
      return row?.id ?? null;
    },

    /** Sets (or clears) the device of line `lineId`. */
    async setLineDevice(tx: Tx, lineId: number, deviceId: string | null): Promise<void> {
      await tx.db.updateTable('line').set({ device_id: deviceId }).where('id', '=', lineId).execute();
    },
  };
}

export type DevicesDao = ReturnType<typeof createDevicesDao>;
