/** Checks on external apps: a name of at most 128 characters, once per tenant or per user. */
import type { Tx } from '../db/unit-of-work.js';
import { inputError, resourceExists } from '../errors.js';
import type { ExternalAppsDao, UserExternalAppsDao } from './external-apps.dao.js';
import { EXTERNAL_APP_NAME_MAX } from './external-apps.model.js';

/** The path's name, as Wazo's name schema checks it. */
export function checkAppName(name: string): void {
  if (name.length > EXTERNAL_APP_NAME_MAX)
    throw inputError(`name: ['Longer than maximum length ${EXTERNAL_APP_NAME_MAX}.']`, { field: 'name' });
}

export function createExternalAppsValidator(deps: { dao: ExternalAppsDao; userDao: UserExternalAppsDao }) {
  return {
    async validateNewTenantApp(tx: Tx, tenantUuid: string, name: string): Promise<void> {
      checkAppName(name);
      if (await deps.dao.find(tx, { tenantUuids: [tenantUuid] }, name))
        throw resourceExists('ExternalApp', { tenant_uuid: tenantUuid, name });
    },

    async validateNewUserApp(tx: Tx, userUuid: string, name: string): Promise<void> {
      checkAppName(name);
      if (await deps.userDao.find(tx, userUuid, name))
        throw resourceExists('UserExternalApp', { user_uuid: userUuid, name });
    },
  };
}

export type ExternalAppsValidator = ReturnType<typeof createExternalAppsValidator>;
