/**
 * One `users_<kind>_<name>_updated` user event per setting announced, for the user and the
 * tenant, with the setting's state after the change.
 */
import type { Tx } from '../db/unit-of-work.js';
import type { UserRef } from '../users/users.model.js';
import type { UserSettingKind, UserSettings } from './user-settings.kind.js';

export function createUserSettingsNotifier<N extends string, S extends object>(
  events: UserSettingKind<N, S>['events'],
) {
  return {
    updated(tx: Tx, user: UserRef, names: readonly N[], settings: UserSettings<N, S>): void {
      for (const name of names) {
        const data = {
          user_id: user.id,
          user_uuid: user.uuid,
          tenant_uuid: user.tenant_uuid,
          ...settings[name],
        };
        tx.events.add(events[name].build(data, { tenantUuid: user.tenant_uuid, userUuid: user.uuid }));
      }
    },
  };
}

export type UserSettingsNotifier<N extends string, S extends object> = ReturnType<
  typeof createUserSettingsNotifier<N, S>
>;
