/** A blocklist's events: user_blocklist_number_created|edited|deleted, to its owner only. */
import {
  type BlocklistNumberPayload,
  userBlocklistNumberCreated,
  userBlocklistNumberDeleted,
  userBlocklistNumberEdited,
} from '@wazo-ts/bus';
import type { Tx } from '../db/unit-of-work.js';
import type { BlocklistNumberRow } from './blocklists.model.js';

const payloadOf = (row: BlocklistNumberRow): BlocklistNumberPayload => ({
  uuid: row.uuid,
  number: row.number,
  label: row.label,
});
const scopingOf = (row: BlocklistNumberRow) => ({ tenantUuid: row.tenant_uuid, userUuid: row.user_uuid });

export function createBlocklistsNotifier() {
  return {
    created: (tx: Tx, row: BlocklistNumberRow) =>
      tx.events.add(userBlocklistNumberCreated.build(payloadOf(row), scopingOf(row))),
    edited: (tx: Tx, row: BlocklistNumberRow) =>
      tx.events.add(userBlocklistNumberEdited.build(payloadOf(row), scopingOf(row))),
    deleted: (tx: Tx, row: BlocklistNumberRow) =>
      tx.events.add(userBlocklistNumberDeleted.build(payloadOf(row), scopingOf(row))),
  };
}

export type BlocklistsNotifier = ReturnType<typeof createBlocklistsNotifier>;
