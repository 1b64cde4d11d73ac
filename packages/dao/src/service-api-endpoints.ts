/**
 * The endpoint services of the Service API: SIP endpoints and SIP templates (one resource, two
 * services), PJSIP transports, and a line's SIP endpoint. Lines use the first and the last to
 * make a line with its endpoint.
 */
import type { UnitOfWork } from './db/unit-of-work.js';
import {
  createEndpointSipNotifier,
  createEndpointSipService,
  createEndpointSipValidator,
  createSipTemplateNotifier,
} from './endpoint-sip/index.js';
import {
  createLineEndpointsNotifier,
  createLineEndpointsService,
  createLineEndpointsValidator,
} from './line-endpoints/index.js';
import { scopeOf } from './search/search.js';
import type { Daos } from './service-api-daos.js';
import { createSipTransportsService } from './sip-transports/index.js';

export function endpointServicesOf(uow: UnitOfWork, daos: Daos) {
  const { endpointSip: dao, sipTransports, lines, userLines } = daos;
  const validator = createEndpointSipValidator({
    dao,
    transportNamed: (tx, name) => sipTransports.findNamed(tx, name),
    transportExists: async (tx, uuid) => (await sipTransports.find(tx, uuid)) !== null,
  });
  const endpointSip = createEndpointSipService({
    uow,
    dao,
    validator,
    notifier: createEndpointSipNotifier(),
    template: false,
  });
  return {
    endpointSip,
    sipTemplates: createEndpointSipService({
      uow,
      dao,
      validator,
      notifier: createSipTemplateNotifier(),
      template: true,
    }),
    sipTransports: createSipTransportsService({
      uow,
      dao: sipTransports,
      sipNamed: (tx, name, template) => dao.findNamed(tx, name, template),
    }),
    lineEndpoints: createLineEndpointsService({
      uow,
      lines,
      findSip: (tx, scope, uuid) => endpointSip.findIn(tx, scope, uuid),
      validator: createLineEndpointsValidator({
        lineOfSip: (tx, uuid) => lines.findBySipEndpoint(tx, uuid),
        // The line was found in the caller's scope; its users are in its own tenant.
        userIdsOf: async (tx, line) =>
          (await userLines.listByLine(tx, scopeOf(line.tenant_uuid), line.id)).map((link) => link.user_id),
      }),
      notifier: createLineEndpointsNotifier(),
    }),
  };
}

export type EndpointServices = ReturnType<typeof endpointServicesOf>;
