/**
 * The switchboards' public API: search, get, create, edit, delete; replacing the operators; and
 * reading or replacing the no-answer fallback, each with its events. Operators are users looked
 * up by uuid among the caller's tenants, and must be of the switchboard's tenant. Deleting a
 * switchboard drops every destination pointing at it (fallbacks, schedules' destinations...), as
 * Wazo's dialactions to it go with it.
 */
import { isUuid } from '@wazo-ts/db';
import type { Tx, UnitOfWork } from '../db/unit-of-work.js';
import { notFound, referenceNotFound } from '../errors.js';
import type { FallbacksDao } from '../fallbacks/fallbacks.dao.js';
import type { FindUser, UserRef } from '../group-members/user-ref.js';
import type { SearchParams, SearchResult, TenantScope } from '../search/search.js';
import type { SwitchboardsDao } from './switchboards.dao.js';
import type {
  Switchboard,
  SwitchboardCreate,
  SwitchboardEdit,
  SwitchboardFallbacks,
  SwitchboardFallbacksInput,
  SwitchboardMemberUsers,
  SwitchboardRow,
} from './switchboards.model.js';
import type { SwitchboardsNotifier } from './switchboards.notifier.js';
import type { SwitchboardsValidator } from './switchboards.validator.js';

export interface SwitchboardsServiceDeps {
  uow: UnitOfWork;
  dao: SwitchboardsDao;
  validator: SwitchboardsValidator;
  notifier: SwitchboardsNotifier;
  findUser: FindUser;
  /** Drops the destinations to a deleted switchboard (Wazo's dialactions going with it). */
  fallbacks: Pick<FallbacksDao, 'removeDestinationsTo'>;
}

/** Wazo's defaults: no timeout, no music on hold. */
function rowOf(tenantUuid: string, base: SwitchboardCreate, changes: SwitchboardEdit = {}): SwitchboardRow {
  const input = { ...base, ...changes };
  return {
    tenant_uuid: tenantUuid,
    name: input.name,
    timeout: input.timeout ?? null,
    queue_music_on_hold: input.queue_music_on_hold || null,
    waiting_room_music_on_hold: input.waiting_room_music_on_hold || null,
  };
}

const missing = (uuid: string) => notFound('Switchboard', { uuid });

export function createSwitchboardsService({
  uow,
  dao,
  validator,
  notifier,
  findUser,
  fallbacks,
}: SwitchboardsServiceDeps) {
  async function existing(tx: Tx, scope: TenantScope, uuid: string): Promise<Switchboard> {
    const switchboard = await dao.find(tx, scope, uuid);
    if (!switchboard) throw missing(uuid);
    return switchboard;
  }

  async function usersOf(tx: Tx, scope: TenantScope, uuids: string[]): Promise<UserRef[]> {
    const users: UserRef[] = [];
    for (const uuid of uuids) {
      const user = isUuid(uuid) ? await findUser(tx, scope, uuid) : null;
      if (!user) throw referenceNotFound('users', 'User', { uuid });
      users.push(user);
    }
    return users;
  }

  const service = {
    search(scope: TenantScope, params: SearchParams): Promise<SearchResult<Switchboard>> {
      return uow.read((tx) => dao.search(tx, scope, params));
    },

    get(scope: TenantScope, uuid: string): Promise<Switchboard> {
      return uow.read((tx) => existing(tx, scope, uuid));
    },

    /** Creates in `tenantUuid`, which must be among the caller's tenants (else Tenant not found). */
    create(scope: TenantScope, tenantUuid: string, input: SwitchboardCreate): Promise<Switchboard> {
      return uow.run(async (tx) => {
        if (!scope.tenantUuids.includes(tenantUuid)) throw notFound('Tenant', { uuid: tenantUuid });
        const switchboard = await dao.create(tx, rowOf(tenantUuid, input));
        notifier.created(tx, switchboard);
        return switchboard;
      });
    },

    /** Changes the given fields; the others keep their value. */
    edit(scope: TenantScope, uuid: string, changes: SwitchboardEdit): Promise<Switchboard> {
      return uow.run(async (tx) => {
        const switchboard = await existing(tx, scope, uuid);
        await dao.update(tx, switchboard.uuid, rowOf(switchboard.tenant_uuid, switchboard, changes));
        const edited = await existing(tx, scope, uuid);
        notifier.edited(tx, edited);
        return edited;
      });
    },

    /** Deletes it with its operators, its fallback, and every destination to it. */
    delete(scope: TenantScope, uuid: string): Promise<void> {
      return uow.run(async (tx) => {
        const switchboard = await existing(tx, scope, uuid);
        await fallbacks.removeDestinationsTo(tx, 'switchboard', 'switchboard_uuid', switchboard.uuid);
        await dao.delete(tx, switchboard.uuid);
        notifier.deleted(tx, switchboard);
      });
    },

    /** The switchboard's operators become exactly `users` (a user given twice is one operator). */
    associateMembers(
      scope: TenantScope,
      uuid: string,
      members: SwitchboardMemberUsers['users'],
    ): Promise<void> {
      return uow.run(async (tx) => {
        const switchboard = await existing(tx, scope, uuid);
        const users = await usersOf(
          tx,
          scope,
          members.map((member) => member.uuid),
        );
        validator.validateMembers(switchboard, users);
        const userUuids = users.map((user) => user.uuid);
        await dao.replaceMembers(tx, switchboard.uuid, userUuids);
        notifier.membersAssociated(tx, switchboard, userUuids);
      });
    },

    /**
     * Wazo's user create (`switchboards: [{uuid}]`): the switchboard's operators and this user,
     * associated as a PUT of them all would (same checks, same event).
     */
    addMember(scope: TenantScope, uuid: string, userUuid: string): Promise<void> {
      return uow.run(async (tx) => {
        const switchboard = await existing(tx, scope, uuid);
        const uuids = [...switchboard.members.users.map((user) => user.uuid), userUuid];
        await service.associateMembers(
          scope,
          uuid,
          uuids.map((member) => ({ uuid: member })),
        );
      });
    },

    /**
     * Wazo's recursive user delete: every switchboard the user operates keeps its other
     * operators, each associated again (one event per switchboard).
     */
    removeMemberEverywhere(scope: TenantScope, userUuid: string): Promise<void> {
      return uow.run(async (tx) => {
        for (const uuid of await dao.switchboardsOf(tx, scope, userUuid)) {
          const switchboard = await existing(tx, scope, uuid);
          const others = switchboard.members.users.filter((user) => user.uuid !== userUuid);
          await service.associateMembers(
            scope,
            uuid,
            others.map((user) => ({ uuid: user.uuid })),
          );
        }
      });
    },

    getFallbacks(scope: TenantScope, uuid: string): Promise<SwitchboardFallbacks> {
      return uow.read(async (tx) => (await existing(tx, scope, uuid)).fallbacks);
    },

    /** Replaces the fallbacks: a destination left out or null is none afterwards. */
    updateFallbacks(scope: TenantScope, uuid: string, input: SwitchboardFallbacksInput): Promise<void> {
      return uow.run(async (tx) => {
        const switchboard = await existing(tx, scope, uuid);
        const destination = await validator.fallbackDestination(tx, switchboard, input.noanswer_destination);
        await dao.replaceFallback(tx, switchboard.uuid, destination);
        notifier.fallbackEdited(tx, switchboard);
      });
    },
  };
  return service;
}

export type SwitchboardsService = ReturnType<typeof createSwitchboardsService>;
