/**
 * The start-up synchronization's last step: chatd's copy made equal to what wazo-auth and
 * wazo-confd say now, in one transaction. Users deleted while chatd was down disappear, sessions
 * ended meanwhile go; users whose presence changed get their `chatd_presence_updated`.
 */
import type { Tx, UnitOfWork } from '@wazo-ts/db';
import type { AuthRefreshToken, AuthSession } from '../clients/auth-source.js';
import type { ConfdUser } from '../clients/confd-source.js';
import type { ChatdDatabase } from '../db/schema.js';
import { linesDao, refreshTokensDao, sessionsDao, tenantsDao, usersDao } from './presences.dao.js';
import type { Presence } from './presences.model.js';
import type { PresencesNotifier } from './presences.notifier.js';
import { presencesOf } from './presences.service.js';

export interface Snapshot {
  tenantUuids: string[];
  users: ConfdUser[];
  sessions: AuthSession[];
  refreshTokens: AuthRefreshToken[];
}

export interface ReconcileOutcome {
  tenants: number;
  users: number;
  sessions: number;
  refresh_tokens: number;
  /** Presences that changed while chatd was away (each announced). */
  changed: number;
}

async function allPresences(tx: Tx<ChatdDatabase>, tenantUuids: string[]): Promise<Map<string, Presence>> {
  const users = await usersDao.list(tx.db, { tenantUuids });
  return new Map((await presencesOf(tx, users)).map((p) => [p.uuid, p]));
}

async function reconcileUsers(tx: Tx<ChatdDatabase>, snapshot: Snapshot): Promise<void> {
  const wanted = new Map(snapshot.users.map((u) => [u.uuid, u]));
  for (const uuid of await usersDao.uuids(tx.db)) if (!wanted.has(uuid)) await usersDao.remove(tx.db, uuid);
  for (const user of snapshot.users) {
    await tenantsDao.add(tx.db, user.tenant_uuid);
    await usersDao.add(tx.db, { uuid: user.uuid, tenant_uuid: user.tenant_uuid, state: 'unavailable' });
    await usersDao.update(tx.db, user.uuid, {
      tenant_uuid: user.tenant_uuid,
      do_not_disturb: user.do_not_disturb,
    });
  }
  const lines = snapshot.users.flatMap((u) => u.lines.map((l) => ({ ...l, user_uuid: u.uuid })));
  const lineIds = new Set(lines.map((l) => l.id));
  for (const line of await linesDao.all(tx.db))
    if (!lineIds.has(line.id)) await linesDao.remove(tx.db, line.id);
  for (const line of lines)
    await linesDao.put(tx.db, { id: line.id, user_uuid: line.user_uuid, endpoint_name: line.endpointName });
}

async function reconcileSessions(
  tx: Tx<ChatdDatabase>,
  snapshot: Snapshot,
  known: Set<string>,
): Promise<void> {
  const sessions = snapshot.sessions.filter((s) => known.has(s.user_uuid));
  const sessionUuids = new Set(sessions.map((s) => s.uuid));
  for (const session of await sessionsDao.all(tx.db))
    if (!sessionUuids.has(session.uuid)) await sessionsDao.remove(tx.db, session.uuid);
  for (const s of sessions)
    await sessionsDao.add(tx.db, { uuid: s.uuid, user_uuid: s.user_uuid, mobile: s.mobile });

  const tokens = snapshot.refreshTokens.filter((t) => known.has(t.user_uuid));
  const tokenKeys = new Set(tokens.map((t) => `${t.user_uuid} ${t.client_id}`));
  for (const token of await refreshTokensDao.all(tx.db))
    if (!tokenKeys.has(`${token.user_uuid} ${token.client_id}`))
      await refreshTokensDao.remove(tx.db, token.client_id, token.user_uuid);
  for (const t of tokens)
    await refreshTokensDao.add(tx.db, { client_id: t.client_id, user_uuid: t.user_uuid, mobile: t.mobile });
}

export async function reconcile(
  uow: UnitOfWork<ChatdDatabase>,
  notifier: PresencesNotifier,
  snapshot: Snapshot,
): Promise<ReconcileOutcome> {
  return uow.run(async (tx) => {
    const before = await allPresences(tx, await tenantsDao.uuids(tx.db));
    const tenants = new Set([...snapshot.tenantUuids, ...snapshot.users.map((u) => u.tenant_uuid)]);
    for (const uuid of await tenantsDao.uuids(tx.db))
      if (!tenants.has(uuid)) await tenantsDao.remove(tx.db, uuid);
    for (const uuid of tenants) await tenantsDao.add(tx.db, uuid);
    await reconcileUsers(tx, snapshot);
    await reconcileSessions(tx, snapshot, new Set(snapshot.users.map((u) => u.uuid)));
    const after = await allPresences(tx, [...tenants]);
    let changed = 0;
    for (const [uuid, presence] of after) {
      const old = before.get(uuid);
      // New users start unavailable and unconnected, as Wazo's user_created: nothing to announce.
      if (!old || JSON.stringify(old) === JSON.stringify(presence)) continue;
      notifier.updated(tx, presence);
      changed += 1;
    }
    return {
      tenants: tenants.size,
      users: snapshot.users.length,
      sessions: snapshot.sessions.length,
      refresh_tokens: snapshot.refreshTokens.length,
      changed,
    };
  });
}
