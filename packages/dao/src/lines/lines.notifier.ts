/** Line events: tenant events `line_created|edited|deleted` with `{id, protocol, name, tenant_uuid}`. */
import { type LinePayload, lineCreated, lineDeleted, lineEdited } from '@wazo-ts/bus';
import type { Tx } from '../db/unit-of-work.js';
import type { Line } from './lines.model.js';

// Wazo sends `protocol` and `name` as null for a line without endpoint; the catalogue types them
// as strings, so the nulls are passed through as they are.
const payload = (line: Line): LinePayload => ({
  id: line.id,
  protocol: line.protocol as string,
  name: line.name as string,
  tenant_uuid: line.tenant_uuid,
});

const scoping = (line: Line) => ({ tenantUuid: line.tenant_uuid });

export function createLinesNotifier() {
  return {
    created(tx: Tx, line: Line): void {
      tx.events.add(lineCreated.build(payload(line), scoping(line)));
    },
    edited(tx: Tx, line: Line): void {
      tx.events.add(lineEdited.build(payload(line), scoping(line)));
    },
    deleted(tx: Tx, line: Line): void {
      tx.events.add(lineDeleted.build(payload(line), scoping(line)));
    },
  };
}

export type LinesNotifier = ReturnType<typeof createLinesNotifier>;
