/** External apps' events: `external_app_*` and `user_external_app_*`, the app's name, to its tenant. */
import {
  externalAppCreated,
  externalAppDeleted,
  externalAppEdited,
  userExternalAppCreated,
  userExternalAppDeleted,
  userExternalAppEdited,
} from '@wazo-ts/bus';
import type { Tx } from '../db/unit-of-work.js';

type Action = 'created' | 'edited' | 'deleted';
const tenantEvents = { created: externalAppCreated, edited: externalAppEdited, deleted: externalAppDeleted };
const userEvents = {
  created: userExternalAppCreated,
  edited: userExternalAppEdited,
  deleted: userExternalAppDeleted,
};

export function createExternalAppsNotifier() {
  return {
    tenantApp: (tx: Tx, action: Action, tenantUuid: string, name: string) =>
      tx.events.add(tenantEvents[action].build({ name }, { tenantUuid })),
    /** A user's app is announced to the user's tenant, as Wazo does. */
    userApp: (tx: Tx, action: Action, tenantUuid: string, name: string) =>
      tx.events.add(userEvents[action].build({ name }, { tenantUuid })),
  };
}

export type ExternalAppsNotifier = ReturnType<typeof createExternalAppsNotifier>;
