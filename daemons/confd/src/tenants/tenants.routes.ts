/**
 * confd's view of tenants (`GET /tenants`, `GET /tenants/{uuid}`): the tenants confd mirrors from
 * wazo-auth, with the default SIP templates confd gave each (see the tenant sync). Read-only: tenants are made and
 * removed in wazo-auth. A list shows the scoping tenant (its sub-tenants with `recurse=true`); an
 * item outside the caller's tenants is 404.
 */
import type { DaemonPlugin } from '@wazo-ts/daemon';
import { ListOf, Type } from '@wazo-ts/daemon/schema';
import type { TenantView } from '@wazo-ts/dao';
import { listQuerySchema, parseListQuery } from '../common/list-params.js';
import { tenantScopeOf } from '../common/scope.js';
import type { ConfdConfig } from '../definition.js';
import type { ConfdResources } from '../resources.js';

const nullableUuid = () => Type.Union([Type.String(), Type.Null()]);

export const tenantViewSchema = Type.Object({
  uuid: Type.String(),
  sip_templates_generated: Type.Boolean(),
  global_sip_template_uuid: nullableUuid(),
  webrtc_sip_template_uuid: nullableUuid(),
  registration_trunk_sip_template_uuid: nullableUuid(),
  meeting_guest_sip_template_uuid: nullableUuid(),
});

// Wazo's schema shows these five fields; the twilio trunk template's uuid is kept but not shown.
const viewOf = (tenant: TenantView) => ({
  uuid: tenant.uuid,
  sip_templates_generated: tenant.sip_templates_generated,
  global_sip_template_uuid: tenant.global_sip_template_uuid,
  webrtc_sip_template_uuid: tenant.webrtc_sip_template_uuid,
  registration_trunk_sip_template_uuid: tenant.registration_trunk_sip_template_uuid,
  meeting_guest_sip_template_uuid: tenant.meeting_guest_sip_template_uuid,
});

export const tenantsPlugin: DaemonPlugin<ConfdConfig, ConfdResources> = {
  name: 'tenant',
  load({ api, resources }) {
    const { tenants } = resources.services;
    const visible = resources.visibleTenants;

    api.get(
      '/tenants',
      {
        config: { acl: 'confd.tenants.read' },
        schema: {
          summary: 'List tenants',
          tags: ['tenants'],
          querystring: listQuerySchema(),
          response: { 200: ListOf(tenantViewSchema) },
        },
      },
      async (request) => {
        const { params, recurse } = parseListQuery(request.query);
        const found = await tenants.search(await tenantScopeOf(request, visible, recurse), params);
        return { total: found.total, items: found.items.map(viewOf) };
      },
    );

    api.get(
      '/tenants/:tenant_uuid',
      {
        config: { acl: 'confd.tenants.{tenant_uuid}.read' },
        schema: {
          summary: 'Get tenant',
          tags: ['tenants'],
          params: Type.Object({ tenant_uuid: Type.String() }),
          response: { 200: tenantViewSchema },
        },
      },
      async (request) =>
        viewOf(await tenants.get(await tenantScopeOf(request, visible, true), request.params.tenant_uuid)),
    );
  },
};
