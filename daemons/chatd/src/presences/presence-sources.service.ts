/**
 * What other daemons tell chatd, applied to its copy: wazo-auth's tenants, sessions and refresh
 * tokens, confd's users, lines and DND, the telephony engine's endpoints and channels. A change
 * that touches a user's presence commits with its `chatd_presence_updated`; an event about
 * something chatd does not know (a user of a tenant it never saw) is ignored.
 */
import type { Tx, UnitOfWork } from '@wazo-ts/db';
import type { ChannelState, ChatdDatabase, EndpointState } from '../db/schema.js';
import { endpointNameOfChannel } from './line-state.js';
import {
  linesDao,
  refreshTokensDao,
  sessionsDao,
  telephonyDao,
  tenantsDao,
  usersDao,
} from './presences.dao.js';
import type { PresencesNotifier } from './presences.notifier.js';
import { presenceOf } from './presences.service.js';

export interface PresenceSourcesOptions {
  uow: UnitOfWork<ChatdDatabase>;
  notifier: PresencesNotifier;
}

export interface SessionChange {
  uuid: string;
  user_uuid: string;
  tenant_uuid: string;
  mobile?: boolean;
}

export interface RefreshTokenChange {
  client_id: string;
  user_uuid: string;
  mobile: boolean;
}

export interface LineAssociation {
  lineId: number;
  userUuid: string;
  tenantUuid: string;
  endpointName: string | null;
}

export function createPresenceSources({ uow, notifier }: PresenceSourcesOptions) {
  async function notify(tx: Tx<ChatdDatabase>, userUuid: string | undefined): Promise<void> {
    if (!userUuid) return;
    await usersDao.lock(tx.db, userUuid);
    const presence = await presenceOf(tx, userUuid);
    if (presence) notifier.updated(tx, presence);
  }

  /** A user chatd may not know yet (its user_created came before chatd started): known from now on. */
  async function ensureUser(tx: Tx<ChatdDatabase>, uuid: string, tenantUuid: string): Promise<void> {
    await tenantsDao.add(tx.db, tenantUuid);
    await usersDao.add(tx.db, { uuid, tenant_uuid: tenantUuid, state: 'unavailable' });
  }

  async function notifyLinesOfEndpoint(tx: Tx<ChatdDatabase>, endpointName: string): Promise<void> {
    const users = new Set((await linesDao.withEndpoint(tx.db, endpointName)).map((l) => l.user_uuid));
    for (const user of users) await notify(tx, user);
  }

  return {
    tenantAdded: (uuid: string) => uow.run((tx) => tenantsDao.add(tx.db, uuid)),
    tenantDeleted: (uuid: string) => uow.run((tx) => tenantsDao.remove(tx.db, uuid)),

    userCreated: (user: { uuid: string; tenant_uuid: string }) =>
      uow.run((tx) => ensureUser(tx, user.uuid, user.tenant_uuid)),
    userDeleted: (uuid: string) => uow.run(async (tx) => void (await usersDao.remove(tx.db, uuid))),

    sessionCreated: (session: SessionChange) =>
      uow.run(async (tx) => {
        if (!(await usersDao.find(tx.db, session.user_uuid))) return;
        await sessionsDao.add(tx.db, {
          uuid: session.uuid,
          user_uuid: session.user_uuid,
          mobile: !!session.mobile,
        });
        await notify(tx, session.user_uuid);
      }),
    sessionDeleted: (session: Pick<SessionChange, 'uuid'>) =>
      uow.run(async (tx) => notify(tx, await sessionsDao.remove(tx.db, session.uuid))),

    refreshTokenCreated: (token: RefreshTokenChange) =>
      uow.run(async (tx) => {
        if (!(await usersDao.find(tx.db, token.user_uuid))) return;
        await refreshTokensDao.add(tx.db, token);
        await notify(tx, token.user_uuid);
      }),
    refreshTokenDeleted: (token: Pick<RefreshTokenChange, 'client_id' | 'user_uuid'>) =>
      uow.run(async (tx) => {
        if (await refreshTokensDao.remove(tx.db, token.client_id, token.user_uuid))
          await notify(tx, token.user_uuid);
      }),

    lineAssociated: (association: LineAssociation) =>
      uow.run(async (tx) => {
        await ensureUser(tx, association.userUuid, association.tenantUuid);
        const before = await linesDao.find(tx.db, association.lineId);
        const line = {
          id: association.lineId,
          user_uuid: association.userUuid,
          endpoint_name: association.endpointName,
        };
        await linesDao.put(tx.db, line);
        if (before && before.user_uuid !== association.userUuid) await notify(tx, before.user_uuid);
        await notify(tx, association.userUuid);
      }),
    lineDissociated: (lineId: number, userUuid: string) =>
      uow.run(async (tx) => {
        const line = await linesDao.find(tx.db, lineId);
        if (line?.user_uuid !== userUuid) return;
        await notify(tx, await linesDao.remove(tx.db, lineId));
      }),
    /** A line renamed (its endpoint name follows); unknown lines (not a user's) are no presence's. */
    lineEdited: (lineId: number, endpointName: string | null) =>
      uow.run(async (tx) => {
        const line = await linesDao.find(tx.db, lineId);
        if (!line || line.endpoint_name === endpointName) return;
        await linesDao.setEndpoint(tx.db, lineId, endpointName);
        await notify(tx, line.user_uuid);
      }),
    lineDeleted: (lineId: number) => uow.run(async (tx) => notify(tx, await linesDao.remove(tx.db, lineId))),

    dndUpdated: (userUuid: string, enabled: boolean) =>
      uow.run(async (tx) => {
        const user = await usersDao.find(tx.db, userUuid);
        if (!user || user.do_not_disturb === enabled) return;
        await usersDao.update(tx.db, userUuid, { do_not_disturb: enabled });
        await notify(tx, userUuid);
      }),

    /** The engine's device state of an endpoint; an event only when it changed and a line uses it. */
    endpointStateChanged: (endpointName: string, state: EndpointState) =>
      uow.run(async (tx) => {
        if (await telephonyDao.setEndpointState(tx.db, endpointName, state))
          await notifyLinesOfEndpoint(tx, endpointName);
      }),

    /** A channel appeared or changed state; channels of endpoints no line uses are not kept. */
    channelStateChanged: (channelName: string, state: ChannelState) =>
      uow.run(async (tx) => {
        const before = await telephonyDao.findChannel(tx.db, channelName);
        if (before?.state === state) return;
        const line = before
          ? { id: before.line_id }
          : (await linesDao.withEndpoint(tx.db, endpointNameOfChannel(channelName)))[0];
        if (!line) return;
        await telephonyDao.putChannel(tx.db, { name: channelName, state, line_id: line.id });
        await notify(tx, (await linesDao.find(tx.db, line.id))?.user_uuid);
      }),
    channelEnded: (channelName: string) =>
      uow.run(async (tx) => {
        const channel = await telephonyDao.findChannel(tx.db, channelName);
        if (!channel) return;
        await telephonyDao.removeChannel(tx.db, channelName);
        await notify(tx, (await linesDao.find(tx.db, channel.line_id))?.user_uuid);
      }),
  };
}

export type PresenceSources = ReturnType<typeof createPresenceSources>;
