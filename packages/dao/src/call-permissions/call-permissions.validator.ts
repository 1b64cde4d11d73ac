/** Checks on call permission input that need data: a name is unique within its tenant. */
import type { Tx } from '../db/unit-of-work.js';
import { resourceExists } from '../errors.js';
import type { CallPermissionsDao } from './call-permissions.dao.js';

export interface CallPermissionsValidatorDeps {
  dao: Pick<CallPermissionsDao, 'idByName'>;
}

export function createCallPermissionsValidator({ dao }: CallPermissionsValidatorDeps) {
  return {
    /** `id`: the call permission being edited, which may keep its own name. */
    async validateName(tx: Tx, tenantUuid: string, name: string | undefined, id?: number): Promise<void> {
      if (name === undefined) return;
      const holder = await dao.idByName(tx, tenantUuid, name);
      if (holder !== null && holder !== id) throw resourceExists('CallPermission', { name });
    },
  };
}

export type CallPermissionsValidator = ReturnType<typeof createCallPermissionsValidator>;
