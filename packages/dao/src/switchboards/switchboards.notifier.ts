/**
 * The switchboards' events, as wazo-confd sends them for wazo-calld: switchboard_created, _edited
 * and _deleted carry the switchboard as its answer shows it (links aside);
 * switchboard_fallback_edited carries what wazo-confd's fallbacks schema dumps of the switchboard
 * itself, `{noanswer_destination: null}`; switchboard_member_user_associated names the operators
 * given, for the tenant and each of them.
 */
import {
  switchboardCreated,
  switchboardDeleted,
  switchboardEdited,
  switchboardFallbackEditedFor,
  switchboardMemberUserAssociated,
} from '@wazo-ts/bus';
import type { Tx } from '../db/unit-of-work.js';
import type { Switchboard } from './switchboards.model.js';

type Identity = Pick<Switchboard, 'uuid' | 'tenant_uuid'>;
const scoping = (switchboard: Identity) => ({ tenantUuid: switchboard.tenant_uuid });

export function createSwitchboardsNotifier() {
  return {
    created(tx: Tx, switchboard: Switchboard): void {
      tx.events.add(switchboardCreated.build(switchboard, scoping(switchboard)));
    },
    edited(tx: Tx, switchboard: Switchboard): void {
      tx.events.add(switchboardEdited.build(switchboard, scoping(switchboard)));
    },
    deleted(tx: Tx, switchboard: Switchboard): void {
      tx.events.add(switchboardDeleted.build(switchboard, scoping(switchboard)));
    },
    fallbackEdited(tx: Tx, switchboard: Identity): void {
      tx.events.add(
        switchboardFallbackEditedFor(
          { noanswer_destination: null },
          switchboard.uuid,
          switchboard.tenant_uuid,
        ),
      );
    },
    membersAssociated(tx: Tx, switchboard: Identity, userUuids: string[]): void {
      const data = { switchboard_uuid: switchboard.uuid, users: userUuids.map((uuid) => ({ uuid })) };
      tx.events.add(
        switchboardMemberUserAssociated.build(data, {
          tenantUuid: switchboard.tenant_uuid,
          userUuids,
        }),
      );
    },
  };
}

export type SwitchboardsNotifier = ReturnType<typeof createSwitchboardsNotifier>;
