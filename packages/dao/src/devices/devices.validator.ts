/**
 * Checks on devices and a line's device, worded as wazo-confd: a MAC used once; no delete while a
 * line uses the device; and to put a line on a device, the same tenant (unless the device is
 * new), a line without another device, a free position, and a line with an endpoint, an extension
 * and a user.
 */
import type { Tx } from '../db/unit-of-work.js';
import { formatCriteria, resourceAssociated, resourceError, resourceExists } from '../errors.js';
import type { Line } from '../lines/lines.model.js';
import type { DevicesDao } from './devices.dao.js';
import type { Device } from './devices.model.js';

const missingAssociation = (resource: string, other: string, criteria: Record<string, unknown>) =>
  resourceError(`${resource} must be associated with a ${other} (${formatCriteria(criteria)})`, criteria);

export function createDevicesValidator({ dao }: { dao: DevicesDao }) {
  return {
    async validateMac(tx: Tx, mac: string | null, selfId?: string): Promise<void> {
      if (!mac) return;
      const owner = await dao.idOfMac(tx, mac);
      if (owner !== null && owner !== selfId) throw resourceExists('Device', { mac });
    },

    async validateDelete(tx: Tx, device: Device): Promise<void> {
      const lineIds = await dao.lineIdsOf(tx, device.id);
      if (lineIds.length > 0) {
        // Wazo words the ids as a Python tuple.
        const tuple = lineIds.length === 1 ? `(${lineIds[0]},)` : `(${lineIds.join(', ')})`;
        throw resourceError(
          `Device is associated with a Line ('device_id': '${device.id}', 'line_ids': ${tuple})`,
          { device_id: device.id, line_ids: lineIds },
        );
      }
    },

    async validateLineAssociation(tx: Tx, line: Line, device: Device): Promise<void> {
      if (!device.is_new && line.tenant_uuid !== device.tenant_uuid) {
        const criteria = { line_tenant_uuid: line.tenant_uuid, device_tenant_uuid: device.tenant_uuid };
        throw resourceError(`different tenants (${formatCriteria(criteria)})`, criteria);
      }
      if (line.device_id !== null) {
        throw resourceAssociated('Line', 'Device', { line_id: line.id, device_id: line.device_id });
      }
      if ((await dao.lineAtPosition(tx, device.id, line.position)) !== null) {
        throw resourceError(`Cannot associate 2 lines with same position (position: ${line.position})`);
      }
      if (line.protocol === null) {
        throw missingAssociation('Line', 'Endpoint', { line_id: line.id });
      }
      if (line.extensions.length === 0) throw missingAssociation('Line', 'Extension', { line_id: line.id });
      if (line.users.length === 0) throw missingAssociation('User', 'Line', { line_id: line.id });
    },
  };
}

export type DevicesValidator = ReturnType<typeof createDevicesValidator>;
