/**
 * A line's SIP endpoint (`PUT|DELETE /lines/{id}/endpoints/sip/{uuid}`): associating what is
 * already associated, or dissociating what is not, does nothing, as in Wazo. The line takes the
 * endpoint's name. `associateIn` joins a caller's transaction (a line made with its endpoint).
 */
import type { Tx, UnitOfWork } from '../db/unit-of-work.js';
import type { SipResource } from '../endpoint-sip/endpoint-sip.model.js';
import { notFound } from '../errors.js';
import type { LinesDao } from '../lines/lines.dao.js';
import type { Line } from '../lines/lines.model.js';
import type { TenantScope } from '../search/search.js';
import type { LineEndpointsNotifier } from './line-endpoints.notifier.js';
import type { LineEndpointsValidator } from './line-endpoints.validator.js';

export interface LineEndpointsServiceDeps {
  uow: UnitOfWork;
  lines: Pick<LinesDao, 'find' | 'setEndpointSip'>;
  findSip(tx: Tx, scope: TenantScope, uuid: string): Promise<SipResource | null>;
  validator: LineEndpointsValidator;
  notifier: LineEndpointsNotifier;
}

export function createLineEndpointsService(deps: LineEndpointsServiceDeps) {
  const { uow, lines, validator, notifier } = deps;

  async function both(
    tx: Tx,
    scope: TenantScope,
    lineId: number,
    uuid: string,
  ): Promise<[Line, SipResource]> {
    const line = await lines.find(tx, scope, lineId);
    if (!line) throw notFound('Line', { id: lineId });
    const sip = await deps.findSip(tx, scope, uuid);
    if (!sip) throw notFound('SIPEndpoint', { uuid });
    return [line, sip];
  }

  async function associateIn(tx: Tx, scope: TenantScope, lineId: number, uuid: string): Promise<void> {
    const [line, sip] = await both(tx, scope, lineId, uuid);
    if (line.endpoint_sip?.uuid === sip.uuid) return;
    await validator.validateAssociation(tx, line, sip);
    await lines.setEndpointSip(tx, line.id, sip);
    notifier.associated(tx, { ...line, name: sip.name }, sip);
  }

  return {
    associateIn,

    associateSip: (scope: TenantScope, lineId: number, uuid: string): Promise<void> =>
      uow.run((tx) => associateIn(tx, scope, lineId, uuid)),

    dissociateSip: (scope: TenantScope, lineId: number, uuid: string): Promise<void> =>
      uow.run(async (tx) => {
        const [line, sip] = await both(tx, scope, lineId, uuid);
        if (line.endpoint_sip?.uuid !== sip.uuid) return;
        await validator.validateDissociation(tx, line);
        await lines.setEndpointSip(tx, line.id, null);
        notifier.dissociated(tx, { ...line, name: null }, sip);
      }),
  };
}

export type LineEndpointsService = ReturnType<typeof createLineEndpointsService>;
