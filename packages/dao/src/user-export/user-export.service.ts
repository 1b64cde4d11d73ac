/** The users export: a tenant's users with their telephony, one row of text each (Wazo's columns). */
import type { UnitOfWork } from '../db/unit-of-work.js';
import type { UserExportDao } from './user-export.dao.js';
import type { UserExportRow } from './user-export.model.js';

export interface UserExportServiceDeps {
  uow: UnitOfWork;
  dao: UserExportDao;
}

export function createUserExportService({ uow, dao }: UserExportServiceDeps) {
  return {
    /** The tenant's users only: Wazo exports the detected tenant, never sub-tenants. */
    rowsOf(tenantUuid: string): Promise<UserExportRow[]> {
      return uow.read((tx) => dao.rowsOfTenant(tx, tenantUuid));
    },
  };
}

export type UserExportService = ReturnType<typeof createUserExportService>;
