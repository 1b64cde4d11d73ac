/**
 * The users notifier: `user_created`, `user_edited` and `user_deleted`, tenant events (every user
 * of the tenant may see users come and go), queued on the unit of work's outbox. Wazo's sysconfd
 * reload requests are the platform's concern, not events, and are not sent from here.
 */
import { type UserPayload, userCreated, userDeleted, userEdited } from '@wazo-ts/bus';
import type { Tx } from '../db/unit-of-work.js';
import type { User } from './users.model.js';

/** wazo-bus writes `str(created_at)`: Python's naive datetime text, a space before the time. */
export function userPayload(user: User): UserPayload {
  return {
    id: user.id,
    uuid: user.uuid,
    subscription_type: user.subscription_type,
    created_at: user.created_at.replace('T', ' '),
    tenant_uuid: user.tenant_uuid,
  };
}

export function createUsersNotifier() {
  const scoping = (user: User) => ({ tenantUuid: user.tenant_uuid });
  return {
    created(tx: Tx, user: User): void {
      tx.events.add(userCreated.build(userPayload(user), scoping(user)));
    },
    edited(tx: Tx, user: User): void {
      tx.events.add(userEdited.build(userPayload(user), scoping(user)));
    },
    deleted(tx: Tx, user: User): void {
      tx.events.add(userDeleted.build(userPayload(user), scoping(user)));
    },
  };
}

export type UsersNotifier = ReturnType<typeof createUsersNotifier>;
