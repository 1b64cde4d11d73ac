/** The HTTP ingresses' events, for the ingress's tenant: ingress_http_created/edited/deleted. */
import { ingressHttpCreated, ingressHttpDeleted, ingressHttpEdited } from '@wazo-ts/bus';
import type { Tx } from '../db/unit-of-work.js';
import type { IngressHttp } from './ingress-http.model.js';

const payload = (ingress: IngressHttp) => ({
  uuid: ingress.uuid,
  tenant_uuid: ingress.tenant_uuid,
  uri: ingress.uri,
});
const scoping = (ingress: IngressHttp) => ({ tenantUuid: ingress.tenant_uuid });

export function createIngressHttpNotifier() {
  return {
    created: (tx: Tx, ingress: IngressHttp) =>
      tx.events.add(ingressHttpCreated.build(payload(ingress), scoping(ingress))),
    edited: (tx: Tx, ingress: IngressHttp) =>
      tx.events.add(ingressHttpEdited.build(payload(ingress), scoping(ingress))),
    deleted: (tx: Tx, ingress: IngressHttp) =>
      tx.events.add(ingressHttpDeleted.build(payload(ingress), scoping(ingress))),
  };
}

export type IngressHttpNotifier = ReturnType<typeof createIngressHttpNotifier>;
