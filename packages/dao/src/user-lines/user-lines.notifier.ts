/**
 * User-line events: user events `user_line_associated|dissociated` for the user, with
 * `{user: {id, uuid, tenant_uuid}, line: {id, name, endpoint_sip, endpoint_sccp, endpoint_custom},
 * main_user, main_line}` (endpoints reduced to their identity, null when absent).
 */
import { type UserLinePayload, userLineAssociated, userLineDissociated } from '@wazo-ts/bus';
import type { Tx } from '../db/unit-of-work.js';
import type { Line } from '../lines/lines.model.js';
import type { AssociatedUser, UserLine } from './user-lines.model.js';

function payload(user: AssociatedUser, line: Line, link: UserLine): UserLinePayload {
  return {
    user: { id: user.id, uuid: user.uuid, tenant_uuid: user.tenant_uuid },
    line: {
      id: line.id,
      name: line.name as string,
      endpoint_sip: line.endpoint_sip && { uuid: line.endpoint_sip.uuid },
      endpoint_sccp: line.endpoint_sccp && { id: line.endpoint_sccp.id },
      endpoint_custom: line.endpoint_custom && { id: line.endpoint_custom.id },
    },
    main_user: link.main_user,
    main_line: link.main_line,
  };
}

const scoping = (user: AssociatedUser) => ({ tenantUuid: user.tenant_uuid, userUuid: user.uuid });

export function createUserLinesNotifier() {
  return {
    associated(tx: Tx, user: AssociatedUser, line: Line, link: UserLine): void {
      tx.events.add(userLineAssociated.build(payload(user, line, link), scoping(user)));
    },
    dissociated(tx: Tx, user: AssociatedUser, line: Line, link: UserLine): void {
      tx.events.add(userLineDissociated.build(payload(user, line, link), scoping(user)));
    },
  };
}

export type UserLinesNotifier = ReturnType<typeof createUserLinesNotifier>;
