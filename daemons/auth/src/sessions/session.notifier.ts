/** Session events (wazo-bus's auth_session_*), queued in the caller's transaction. */
import { authSessionCreated, authSessionDeleted, authSessionExpireSoon } from '@wazo-ts/bus';
import type { Tx } from '@wazo-ts/db';
import type { AuthDatabase } from '../db/schema.js';
import type { SessionRef } from '../tokens/token.model.js';

type AnyTx = Pick<Tx<AuthDatabase>, 'events'>;

export interface EndedSession extends SessionRef {
  authId: string;
}

// Wazo puts the token's auth_id in user_uuid (a user uuid for every token a login gives).
const userOf = (session: EndedSession) => session.userUuid ?? session.authId;

/** A session that ends (deleted) or is about to (expire_soon): the same body, another event. */
function ended(event: typeof authSessionDeleted | typeof authSessionExpireSoon) {
  return (tx: AnyTx, session: EndedSession): void => {
    const userUuid = userOf(session);
    tx.events.add(
      event.build(
        { uuid: session.uuid, tenant_uuid: session.tenantUuid, user_uuid: userUuid },
        { tenantUuid: session.tenantUuid, userUuid },
      ),
    );
  };
}

export const sessionNotifier = {
  created(tx: AnyTx, session: SessionRef, authId: string): void {
    const userUuid = session.userUuid ?? authId;
    tx.events.add(
      authSessionCreated.build(
        { uuid: session.uuid, tenant_uuid: session.tenantUuid, user_uuid: userUuid, mobile: session.mobile },
        { tenantUuid: session.tenantUuid, userUuid },
      ),
    );
  },
  deleted: ended(authSessionDeleted),
  expireSoon: ended(authSessionExpireSoon),
};

export type SessionNotifier = typeof sessionNotifier;
