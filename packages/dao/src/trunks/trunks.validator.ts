/**
 * Checks on trunks, worded as wazo-confd words them: a trunk's context exists (anywhere: Wazo
 * looks it up platform-wide) and is in the trunk's tenant; an endpoint joins a trunk of its own
 * tenant that has no endpoint yet, and serves no other trunk and no line.
 */
import type { Tx } from '../db/unit-of-work.js';
import { formatCriteria, referenceNotFound, resourceAssociated, resourceError } from '../errors.js';
import type { TrunksDao } from './trunks.dao.js';
import type { TrunkEndpointProtocol, TrunkRow } from './trunks.model.js';

export interface TrunksValidatorDeps {
  dao: Pick<TrunksDao, 'contextNamed' | 'trunkUsing'>;
  /** The line (any tenant) using that SIP or custom endpoint, or null. */
  lineUsing(tx: Tx, protocol: 'sip' | 'custom', key: string | number): Promise<number | null>;
}

const differentTenants = (criteria: Record<string, string>) =>
  resourceError(`different tenants (${formatCriteria(criteria)})`, criteria);

/** The endpoint key a trunk holds, with its kind, or null. */
export function endpointOf(trunk: TrunkRow): [TrunkEndpointProtocol, string | number] | null {
  if (trunk.endpoint_sip_uuid) return ['sip', trunk.endpoint_sip_uuid];
  if (trunk.endpoint_iax_id) return ['iax', trunk.endpoint_iax_id];
  if (trunk.endpoint_custom_id) return ['custom', trunk.endpoint_custom_id];
  return null;
}

/** A trunk takes one IAX registration, serving no other trunk, and then no SIP or custom endpoint. */
export function validateRegister(
  trunk: TrunkRow,
  register: { id: number; trunk: { id: number } | null },
): void {
  if (trunk.register_iax_id !== null)
    throw resourceAssociated('Trunk', 'IAXRegister', {
      trunk_id: trunk.id,
      register_iax_id: trunk.register_iax_id,
    });
  if (register.trunk)
    throw resourceAssociated('Trunk', 'IAXRegister', {
      trunk_id: register.trunk.id,
      register_iax_id: register.id,
    });
  const own = endpointOf(trunk);
  if (own && own[0] !== 'iax')
    throw resourceAssociated('Trunk', 'Endpoint', { trunk_id: trunk.id, protocol: own[0] });
}

export function createTrunksValidator({ dao, lineUsing }: TrunksValidatorDeps) {
  return {
    validateRegister,

    /** The id of the context named `name` (null: none asked), checked against the trunk's tenant. */
    async contextId(tx: Tx, tenantUuid: string, name: string | null): Promise<number | null> {
      if (name === null) return null;
      const context = await dao.contextNamed(tx, name);
      if (!context) throw referenceNotFound('context', 'Context', { context: name });
      if (context.tenant_uuid !== tenantUuid)
        throw differentTenants({ trunk_tenant_uuid: tenantUuid, context_tenant_uuid: context.tenant_uuid });
      return context.id;
    },

    async validateEndpoint(
      tx: Tx,
      trunk: TrunkRow,
      protocol: TrunkEndpointProtocol,
      endpoint: { tenant_uuid: string },
      key: string | number,
    ): Promise<void> {
      if (trunk.tenant_uuid !== endpoint.tenant_uuid)
        throw differentTenants({
          trunk_tenant_uuid: trunk.tenant_uuid,
          endpoint_tenant_uuid: endpoint.tenant_uuid,
        });
      const own = endpointOf(trunk);
      if (own)
        throw resourceAssociated('Trunk', 'Endpoint', {
          trunk_id: trunk.id,
          endpoint: own[0],
          endpoint_id: own[1],
        });
      const other = await dao.trunkUsing(tx, protocol, key);
      if (other !== null)
        throw resourceAssociated('Trunk', 'Endpoint', {
          trunk_id: other,
          endpoint: protocol,
          endpoint_id: key,
        });
      if (protocol !== 'iax' && trunk.register_iax_id !== null)
        // Wazo names the registration `register_sip_id` for a SIP endpoint.
        throw resourceAssociated('Trunk', 'IAXRegister', {
          trunk_id: trunk.id,
          [protocol === 'sip' ? 'register_sip_id' : 'register_iax_id']: trunk.register_iax_id,
        });
      if (protocol !== 'iax') {
        const line = await lineUsing(tx, protocol, key);
        // Wazo names the line's id `trunk_id` in this error.
        if (line !== null)
          throw resourceAssociated('Line', 'Endpoint', {
            trunk_id: line,
            endpoint: protocol,
            endpoint_id: key,
          });
      }
    },
  };
}

export type TrunksValidator = ReturnType<typeof createTrunksValidator>;
