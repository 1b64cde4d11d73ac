/**
 * The Service API's meeting services: the HTTP ingresses, and the meetings with their guests'
 * authorizations (a meeting's guest SIP endpoint made by the SIP endpoints' service, from the
 * tenant's `meeting_guest` template).
 */
import type { UnitOfWork } from './db/unit-of-work.js';
import type { EndpointSipService } from './endpoint-sip/index.js';
import type { FindUser } from './group-members/index.js';
import {
  createIngressHttpDao,
  createIngressHttpNotifier,
  createIngressHttpService,
  createIngressHttpValidator,
  type IngressHttpService,
} from './ingress-http/index.js';
import {
  createMeetingsDao,
  createMeetingsNotifier,
  createMeetingsService,
  type MeetingsService,
} from './meetings/index.js';
import { scopeOf } from './search/search.js';
import type { TenantsDao } from './tenants/index.js';

export interface MeetingServices {
  ingressHttp: IngressHttpService;
  meetings: MeetingsService;
}

export function meetingServicesOf(
  uow: UnitOfWork,
  deps: { tenants: TenantsDao; endpointSip: EndpointSipService; findUser: FindUser },
): MeetingServices {
  const ingresses = createIngressHttpDao();
  return {
    ingressHttp: createIngressHttpService({
      uow,
      dao: ingresses,
      validator: createIngressHttpValidator({ dao: ingresses }),
      notifier: createIngressHttpNotifier(),
    }),
    meetings: createMeetingsService({
      uow,
      dao: createMeetingsDao(),
      notifier: createMeetingsNotifier(),
      findUser: deps.findUser,
      guestTemplateOf: async (tx, tenantUuid) =>
        (await deps.tenants.get(tx, scopeOf(tenantUuid), tenantUuid))?.meeting_guest_sip_template_uuid ??
        null,
      createEndpoint: (tx, tenantUuid, input) =>
        deps.endpointSip.createIn(tx, scopeOf(tenantUuid), tenantUuid, input),
    }),
  };
}
