/**
 * An HTTP ingress (Wazo's `ingress_http`): the public URI of a tenant's web entry point, which
 * meeting guests are given (`ingress_http_uri`); one per tenant, the master tenant's being the
 * fallback of the others.
 */
import { linked, type Static, stringEnum, Type } from '../schema.js';

const fields = {
  uuid: Type.String(),
  tenant_uuid: Type.String(),
  uri: Type.String(),
};

/** `GET /ingresses/http/{uuid}`. */
export const ingressHttpSchema = linked('ingresses_http', fields, 'uuid');
export type IngressHttp = Static<typeof ingressHttpSchema>;

/** POST and PUT body: `uri`, 1 to 1024 characters. */
export const ingressHttpInputSchema = Type.Object({ uri: Type.String({ minLength: 1, maxLength: 1024 }) });
export type IngressHttpInput = Static<typeof ingressHttpInputSchema>;

/** `view=fallback`: a tenant without ingress lists the master tenant's. */
export const INGRESS_HTTP_VIEWS = ['fallback', 'default'] as const;
export const ingressHttpViewSchema = stringEnum(INGRESS_HTTP_VIEWS);
