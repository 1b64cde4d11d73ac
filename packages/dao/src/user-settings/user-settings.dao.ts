/**
 * The user settings dao: a kind's columns of the users table, read and written within the
 * caller's tenants (a user of another tenant is neither found nor changed).
 */
import { inTenants } from '@wazo-ts/db';
import type { Tx } from '../db/unit-of-work.js';
import type { TenantScope } from '../search/search.js';
import { findUserRow } from '../users/users.dao.js';
import type { UserKey, UserRef } from '../users/users.model.js';
import type { UserSettingKind, UserSettings } from './user-settings.kind.js';

export interface UserWithSettings<N extends string, S> {
  user: UserRef;
  settings: UserSettings<N, S>;
}

export function createUserSettingsDao<N extends string, S extends object>(
  kind: Pick<UserSettingKind<N, S>, 'names' | 'fields' | 'column'>,
) {
  const { names, fields, column } = kind;
  return {
    async find(tx: Tx, scope: TenantScope, key: UserKey): Promise<UserWithSettings<N, S> | undefined> {
      const row = (await findUserRow(tx, scope, key)) as (UserRef & Record<string, unknown>) | undefined;
      if (!row) return undefined;
      const settingOf = (name: N) => Object.fromEntries(fields.map((f) => [f, row[column(name, f)]])) as S;
      return {
        user: { id: row.id, uuid: row.uuid, tenant_uuid: row.tenant_uuid },
        settings: Object.fromEntries(names.map((name) => [name, settingOf(name)])) as UserSettings<N, S>,
      };
    },

    /** Writes the settings given, whole (every field). */
    async update(
      tx: Tx,
      scope: TenantScope,
      userId: number,
      changed: Partial<UserSettings<N, S>>,
    ): Promise<void> {
      const changes: Record<string, unknown> = {};
      for (const [name, setting] of Object.entries(changed) as [N, S][]) {
        for (const field of fields) changes[column(name, field)] = setting[field];
      }
      if (Object.keys(changes).length === 0) return;
      await tx.db
        .updateTable('users')
        .set(changes)
        .where('id', '=', userId)
        .where(inTenants('tenant_uuid', scope.tenantUuids))
        .execute();
    },
  };
}

export type UserSettingsDao<N extends string, S extends object> = ReturnType<
  typeof createUserSettingsDao<N, S>
>;
