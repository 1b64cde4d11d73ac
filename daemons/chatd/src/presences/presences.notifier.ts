/** Builds Wazo's `chatd_presence_updated` and queues it on the unit of work (sent after commit). */
import { chatdPresenceUpdated } from '@wazo-ts/bus';
import type { Tx } from '@wazo-ts/db';
import type { ChatdDatabase } from '../db/schema.js';
import type { Presence } from './presences.model.js';

export interface PresencesNotifier {
  updated(tx: Tx<ChatdDatabase>, presence: Presence): void;
}

export const presencesNotifier: PresencesNotifier = {
  updated(tx, presence) {
    tx.events.add(chatdPresenceUpdated.build(presence, { tenantUuid: presence.tenant_uuid }));
  },
};
