/**
 * Checks on a line's endpoint, worded as Wazo's: the line and endpoint share a tenant, the line
 * has no endpoint yet (of any kind) and the endpoint serves no other line and no trunk; a line keeps its
 * endpoint while it has users, extensions or a device.
 */
import type { Tx } from '../db/unit-of-work.js';
import { formatCriteria, resourceAssociated, resourceError } from '../errors.js';
import type { Line } from '../lines/lines.model.js';
import { type EndpointKey, type EndpointKind, keyOnLine, type LineEndpoint } from './line-endpoints.kinds.js';

export interface LineEndpointsValidatorDeps {
  /** The ids of the line's users. */
  userIdsOf(tx: Tx, line: Line): Promise<number[]>;
  /** The trunk (any tenant) using a SIP or custom endpoint, or null (no trunks: never). */
  trunkUsing?(tx: Tx, protocol: 'sip' | 'custom', key: EndpointKey): Promise<number | null>;
}

export function createLineEndpointsValidator(deps: LineEndpointsValidatorDeps) {
  return {
    async validateAssociation<E extends LineEndpoint>(
      tx: Tx,
      kind: EndpointKind<E>,
      line: Line,
      endpoint: E,
    ): Promise<void> {
      if (line.tenant_uuid !== endpoint.tenant_uuid) {
        const criteria = { line_tenant_uuid: line.tenant_uuid, endpoint_tenant_uuid: endpoint.tenant_uuid };
        throw resourceError(`different tenants (${formatCriteria(criteria)})`, criteria);
      }
      if (line.protocol !== null) {
        throw resourceAssociated('Line', 'Endpoint', {
          line_id: line.id,
          endpoint: line.protocol,
          endpoint_id: keyOnLine(line, line.protocol) as EndpointKey,
        });
      }
      const key = kind.keyOf(endpoint);
      const other = await kind.lineUsing(tx, key);
      if (other !== null) {
        throw resourceAssociated('Line', 'Endpoint', {
          line_id: other,
          endpoint: kind.protocol,
          [`endpoint_${kind.keyName}`]: key,
        });
      }
      // An endpoint serves a line or a trunk, not both (SCCP endpoints serve lines only).
      const trunk =
        kind.protocol === 'sccp' ? null : ((await deps.trunkUsing?.(tx, kind.protocol, key)) ?? null);
      if (trunk !== null) {
        throw resourceAssociated('Trunk', 'Endpoint', {
          trunk_id: trunk,
          endpoint: kind.protocol,
          [`endpoint_${kind.keyName}`]: key,
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
