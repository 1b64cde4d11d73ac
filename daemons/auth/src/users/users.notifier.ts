/** Users emit no CRUD events in Wazo; revoking their sessions does (`auth_session_deleted`). */
import { authSessionDeleted } from '@wazo-ts/bus';
import type { Tx } from '@wazo-ts/db';
import type { AuthDatabase } from '../db/schema.js';

export function notifySessionsDeleted(
  tx: Tx<AuthDatabase>,
  user: { uuid: string; tenant_uuid: string },
  sessions: readonly { uuid: string }[],
): void {
  for (const session of sessions) {
    tx.events.add(
      authSessionDeleted.build(
        { uuid: session.uuid, tenant_uuid: user.tenant_uuid, user_uuid: user.uuid },
        { tenantUuid: user.tenant_uuid, userUuid: user.uuid },
      ),
    );
  }
}
