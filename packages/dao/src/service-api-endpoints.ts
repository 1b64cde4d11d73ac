/**
 * The endpoint services of the Service API: SIP endpoints and SIP templates (one resource, two
 * services), PJSIP transports, SCCP and custom endpoints, and a line's endpoint of any kind. Lines
 * use the endpoint services and the association to make (and delete) a line with its endpoint.
 */
import { isUuid } from '@wazo-ts/db';
import { NotFoundError } from '@wazo-ts/errors';
import type { UnitOfWork } from './db/unit-of-work.js';
import {
  createEndpointCustomNotifier,
  createEndpointCustomService,
  createEndpointCustomValidator,
} from './endpoint-custom/index.js';
import {
  createEndpointSccpNotifier,
  createEndpointSccpService,
  createEndpointSccpValidator,
} from './endpoint-sccp/index.js';
import {
  createEndpointSipNotifier,
  createEndpointSipService,
  createEndpointSipValidator,
  createSipTemplateNotifier,
  type EndpointSip,
} from './endpoint-sip/index.js';
import { notFound } from './errors.js';
import {
  createLineEndpointsNotifier,
  createLineEndpointsService,
  createLineEndpointsValidator,
} from './line-endpoints/index.js';
import { scopeOf, type TenantScope } from './search/search.js';
import type { Daos } from './service-api-daos.js';
import { createSipTransportsService } from './sip-transports/index.js';

// Wazo answers a user's line without SIP endpoint with this bare text, not a resource error.
const noAssociatedEndpoint = () => new NotFoundError('Resource Not Found.', { errorId: 'not-found' });

export function endpointServicesOf(uow: UnitOfWork, daos: Daos) {
  const { endpointSip: dao, sipTransports, lines, userLines } = daos;
  const endpointCustom = createEndpointCustomService({
    uow,
    dao: daos.endpointCustom,
    validator: createEndpointCustomValidator({ dao: daos.endpointCustom }),
    notifier: createEndpointCustomNotifier(),
  });
  const endpointSccp = createEndpointSccpService({
    uow,
    dao: daos.endpointSccp,
    validator: createEndpointSccpValidator(),
    notifier: createEndpointSccpNotifier(),
  });
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
  /**
   * The SIP endpoint of a user's line (`main`: the user's main line), as the user's softphone
   * reads it; `merged` adds the templates' options.
   */
  const userLineEndpointSip = (
    scope: TenantScope,
    userUuid: string,
    line: number | 'main',
    merged: boolean,
  ) =>
    uow.read(async (tx): Promise<EndpointSip> => {
      const user = isUuid(userUuid) ? await daos.users.find(tx, scope, userUuid) : undefined;
      if (!user) throw notFound('User', { uuid: userUuid });
      const own = scopeOf(user.tenant_uuid);
      const links = await userLines.listByUser(tx, own, user.id);
      const link = line === 'main' ? links[0] : links.find((l) => l.line_id === line);
      const uuid = link ? await lines.endpointSipUuid(tx, own, link.line_id) : null;
      const sip = uuid ? await endpointSip.findIn(tx, own, uuid) : null;
      if (!sip) throw noAssociatedEndpoint();
      const shown = merged ? await endpointSip.mergedIn(tx, sip) : sip;
      return { ...shown, trunk: shown.trunk ?? null, line: shown.line ?? null };
    });

  return {
    endpointSip,
    userLineEndpointSip,
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
    endpointCustom,
    endpointSccp,
    lineEndpoints: createLineEndpointsService({
      uow,
      lines,
      // A key that is not a uuid finds nothing (the dao checks it).
      findSip: (tx, scope, uuid) => endpointSip.findIn(tx, scope, String(uuid)),
      findSccp: (tx, scope, id) => endpointSccp.findIn(tx, scope, Number(id)),
      findCustom: (tx, scope, id) => endpointCustom.findIn(tx, scope, Number(id)),
      validator: createLineEndpointsValidator({
        // The line was found in the caller's scope; its users are in its own tenant.
        userIdsOf: async (tx, line) =>
          (await userLines.listByLine(tx, scopeOf(line.tenant_uuid), line.id)).map((link) => link.user_id),
        trunkUsing: (tx, protocol, key) => daos.trunks.trunkUsing(tx, protocol, key),
      }),
      notifier: createLineEndpointsNotifier(),
    }),
  };
}

export type EndpointServices = ReturnType<typeof endpointServicesOf>;
