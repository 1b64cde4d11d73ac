/** Checks on group input that need data: the tenant's slug and the music on hold. */

import type { Tx } from '../db/unit-of-work.js';
import { notFound, referenceNotFound } from '../errors.js';
import type { TenantScope } from '../search/search.js';
import type { GroupsDao } from './groups.dao.js';

/** Does the tenant have this music on hold class? Provided by the MOH resource. */
export type MusicOnHoldExists = (tx: Tx, tenantUuid: string, name: string) => Promise<boolean>;

export interface GroupsValidatorDeps {
  dao: Pick<GroupsDao, 'findTenantSlug'>;
  musicOnHoldExists?: MusicOnHoldExists;
}

export function createGroupsValidator({ dao, musicOnHoldExists = async () => true }: GroupsValidatorDeps) {
  async function checkMusicOnHold(tx: Tx, tenantUuid: string, name: string | null | undefined) {
    // `default` always exists, as in Wazo.
    if (!name || name === 'default') return;
    if (!(await musicOnHoldExists(tx, tenantUuid, name))) {
      throw referenceNotFound('music_on_hold', 'MOH', { music_on_hold: name });
    }
  }

  return {
    /** Returns the tenant's slug for the group name; 404 when the tenant is unknown. */
    async validateCreate(
      tx: Tx,
      scope: TenantScope,
      tenantUuid: string,
      input: { music_on_hold?: string | null | undefined },
    ): Promise<string> {
      const slug = await dao.findTenantSlug(tx, scope, tenantUuid);
      if (slug === null) throw notFound('Tenant', { uuid: tenantUuid });
      await checkMusicOnHold(tx, tenantUuid, input.music_on_hold);
      return slug;
    },

    async validateEdit(
      tx: Tx,
      tenantUuid: string,
      changes: { music_on_hold?: string | null | undefined },
    ): Promise<void> {
      await checkMusicOnHold(tx, tenantUuid, changes.music_on_hold);
    },
  };
}

export type GroupsValidator = ReturnType<typeof createGroupsValidator>;
