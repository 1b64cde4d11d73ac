/**
 * Checks on a line's endpoint, worded as Wazo's: the line and endpoint share a tenant, the line
 * has no endpoint yet and the endpoint serves no other line; a line keeps its endpoint while it
 * has users, extensions or a device.
 */
import type { Tx } from '../db/unit-of-work.js';
import type { SipResource } from '../endpoint-sip/endpoint-sip.model.js';
import { formatCriteria, resourceAssociated, resourceError } from '../errors.js';
import type { Line } from '../lines/lines.model.js';

export interface LineEndpointsValidatorDeps {
  /** The line using that SIP endpoint, or null. */
  lineOfSip(tx: Tx, uuid: string): Promise<number | null>;
  /** The ids of the line's users. */
  userIdsOf(tx: Tx, line: Line): Promise<number[]>;
}

export function createLineEndpointsValidator(deps: LineEndpointsValidatorDeps) {
  return {
    async validateAssociation(tx: Tx, line: Line, sip: SipResource): Promise<void> {
      if (line.tenant_uuid !== sip.tenant_uuid) {
        const criteria = { line_tenant_uuid: line.tenant_uuid, endpoint_tenant_uuid: sip.tenant_uuid };
        throw resourceError(`different tenants (${formatCriteria(criteria)})`, criteria);
      }
      if (line.protocol !== null) {
        const endpointId = line.endpoint_sip?.uuid ?? line.endpoint_custom?.id ?? null;
        throw resourceAssociated('Line', 'Endpoint', {
          line_id: line.id,
          endpoint: line.protocol,
          endpoint_id: endpointId,
        });
      }
      const other = await deps.lineOfSip(tx, sip.uuid);
      if (other !== null) {
        throw resourceAssociated('Line', 'Endpoint', {
          line_id: other,
          endpoint: 'sip',
          endpoint_uuid: sip.uuid,
        });
      }
    },

    async validateDissociation(tx: Tx, line: Line): Promise<void> {
      const userIds = await deps.userIdsOf(tx, line);
      if (userIds.length > 0) {
        throw resourceAssociated('Line', 'User', { line_id: line.id, user_ids: userIds.join(',') });
      }
      if (line.extensions.length > 0) {
        const extensionIds = line.extensions.map((e) => e.id).join(',');
        throw resourceAssociated('Line', 'Extension', { line_id: line.id, extension_ids: extensionIds });
      }
      if (line.device_id !== null) {
        throw resourceAssociated('Line', 'Device', { line_id: line.id, device_id: line.device_id });
      }
    },
  };
}

export type LineEndpointsValidator = ReturnType<typeof createLineEndpointsValidator>;
