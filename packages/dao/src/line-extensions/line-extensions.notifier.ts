/** Line-extension events: tenant events `line_extension_associated|dissociated` with `{line_id, extension_id}`. */
import { lineExtensionAssociated, lineExtensionDissociated } from '@wazo-ts/bus';
import type { Tx } from '../db/unit-of-work.js';
import type { Line } from '../lines/lines.model.js';

const payload = (line: Line, extensionId: number) => ({ line_id: line.id, extension_id: extensionId });

export function createLineExtensionsNotifier() {
  return {
    associated(tx: Tx, line: Line, extensionId: number): void {
      tx.events.add(
        lineExtensionAssociated.build(payload(line, extensionId), { tenantUuid: line.tenant_uuid }),
      );
    },
    dissociated(tx: Tx, line: Line, extensionId: number): void {
      tx.events.add(
        lineExtensionDissociated.build(payload(line, extensionId), { tenantUuid: line.tenant_uuid }),
      );
    },
  };
}

export type LineExtensionsNotifier = ReturnType<typeof createLineExtensionsNotifier>;
