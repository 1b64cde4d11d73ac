/** Displays: named lists of columns a profile's lookups answer with (Wazo's display service). */
import { randomUUID } from 'node:crypto';
import { isUuid, type UnitOfWork } from '@wazo-ts/db';
import { noSuchDisplay } from '../common/errors.js';
import type { ListParams } from '../common/list.js';
import type { DirdDatabase } from '../db/schema.js';
import { ensureTenant } from '../tenants/tenants.dao.js';
import { type DisplayColumn, type DisplayDocument, displaysDao as dao } from './displays.dao.js';

export interface DisplayBody {
  name: string;
  columns: Partial<DisplayColumn>[];
}

const columnOf = (column: Partial<DisplayColumn>): DisplayColumn => ({
  field: column.field ?? null,
  title: column.title ?? null,
  type: column.type ?? null,
  default: column.default ?? null,
  number_display: column.number_display ?? null,
});

export function createDisplaysService({ uow }: { uow: UnitOfWork<DirdDatabase> }) {
  async function findOrThrow(uuid: string, tenants: readonly string[]): Promise<DisplayDocument> {
    const found = isUuid(uuid) ? await uow.read((tx) => dao.find(tx.db, uuid, tenants)) : undefined;
    if (!found) throw noSuchDisplay(uuid);
    return found;
  }

  return {
    list: (tenants: readonly string[], params: ListParams) =>
      uow.read((tx) => dao.list(tx.db, tenants, params)),

    get: findOrThrow,

    async create(tenantUuid: string, body: DisplayBody): Promise<DisplayDocument> {
      const uuid = randomUUID();
      await uow.run(async (tx) => {
        await ensureTenant(tx.db, tenantUuid);
        await dao.insert(
          tx.db,
          { uuid, tenant_uuid: tenantUuid, name: body.name },
          body.columns.map(columnOf),
        );
      });
      return findOrThrow(uuid, [tenantUuid]);
    },

    async edit(uuid: string, tenants: readonly string[], body: DisplayBody): Promise<void> {
      await findOrThrow(uuid, tenants);
      await uow.run((tx) => dao.update(tx.db, uuid, body.name, body.columns.map(columnOf)));
    },

    async delete(uuid: string, tenants: readonly string[]): Promise<void> {
      await findOrThrow(uuid, tenants);
      await uow.run((tx) => dao.delete(tx.db, uuid));
    },
  };
}

export type DisplaysService = ReturnType<typeof createDisplaysService>;
