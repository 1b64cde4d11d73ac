/**
 * Presences as clients read and set them: one user's, a tenant's list, and the user's own state
 * and status. Every change commits with its `chatd_presence_updated`.
 */
import type { Tx, UnitOfWork } from '@wazo-ts/db';
import type { ChatdDatabase } from '../db/schema.js';
import { assemblePresence } from './presences.assemble.js';
import {
  linesDao,
  refreshTokensDao,
  sessionsDao,
  telephonyDao,
  type UserRow,
  usersDao,
} from './presences.dao.js';
import { unknownUser } from './presences.errors.js';
import type { Presence, PresenceList, PresenceUpdate } from './presences.model.js';
import type { PresencesNotifier } from './presences.notifier.js';

export interface PresencesServiceOptions {
  uow: UnitOfWork<ChatdDatabase>;
  notifier: PresencesNotifier;
  now?: () => Date;
}

/** Reads the presences of `users` with their sessions, tokens, lines and channels. */
export async function presencesOf(tx: Tx<ChatdDatabase>, users: readonly UserRow[]): Promise<Presence[]> {
  const uuids = users.map((u) => u.uuid);
  const [sessions, refreshTokens, lines] = await Promise.all([
    sessionsDao.of(tx.db, uuids),
    refreshTokensDao.of(tx.db, uuids),
    linesDao.of(tx.db, uuids),
  ]);
  const channels = await telephonyDao.channelsOf(
    tx.db,
    lines.map((l) => l.id),
  );
  return users.map((user) => assemblePresence(user, { sessions, refreshTokens, lines, channels }));
}

/** The presence of one user, or undefined when chatd does not know it. */
export async function presenceOf(tx: Tx<ChatdDatabase>, uuid: string): Promise<Presence | undefined> {
  const user = await usersDao.find(tx.db, uuid);
  return user ? (await presencesOf(tx, [user]))[0] : undefined;
}

export function createPresencesService({ uow, notifier, now = () => new Date() }: PresencesServiceOptions) {
  async function visibleUser(tx: Tx<ChatdDatabase>, uuid: string, tenantUuids: readonly string[]) {
    const user = await usersDao.find(tx.db, uuid);
    if (!user || !tenantUuids.includes(user.tenant_uuid)) throw unknownUser(uuid);
    return user;
  }

  return {
    /** `tenantUuids`: the tenants the caller sees; a user of another tenant is unknown. */
    get(uuid: string, tenantUuids: readonly string[]): Promise<Presence> {
      return uow.read(
        async (tx) => (await presencesOf(tx, [await visibleUser(tx, uuid, tenantUuids)]))[0] as Presence,
      );
    },

    list(filter: { tenantUuids: readonly string[]; uuids?: readonly string[] }): Promise<PresenceList> {
      return uow.read(async (tx) => {
        const users = await usersDao.list(tx.db, filter);
        const total = await usersDao.count(tx.db, { tenantUuids: filter.tenantUuids });
        return { items: await presencesOf(tx, users), filtered: users.length, total };
      });
    },

    /** The user's own state and status; `last_activity` becomes now. */
    update(uuid: string, tenantUuids: readonly string[], change: PresenceUpdate): Promise<void> {
      return uow.run(async (tx) => {
        await visibleUser(tx, uuid, tenantUuids);
        const patch = { state: change.state, last_activity: now() };
        await usersDao.update(
          tx.db,
          uuid,
          change.status === undefined ? patch : { ...patch, status: change.status },
        );
        notifier.updated(tx, (await presenceOf(tx, uuid)) as Presence);
      });
    },
  };
}

export type PresencesService = ReturnType<typeof createPresencesService>;
