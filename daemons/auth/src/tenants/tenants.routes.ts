/**
 * The tenants API plugin (reference §4 "Tenants"): each route declares Wazo's ACL, validates with
 * the JSON schemas and makes one service call, seen from the request's scoping tenant.
 */
import type { DaemonPlugin } from '@wazo-ts/daemon';
import { NoContent, type Static } from '@wazo-ts/daemon/schema';
import type { AuthConfig } from '../definition.js';
import { scopingTenantOf } from '../http/request-context.js';
import { addListRoute } from '../http/routes.js';
import type { AuthResources } from '../resources.js';
import type { TenantListParams } from './tenants.dao.js';
import { emptyAddress, type TenantEdit } from './tenants.model.js';
import {
  DomainsSchema,
  TenantCreateBody,
  TenantEditBody,
  TenantListQuery,
  TenantPageSchema,
  TenantParams,
  TenantParentParams,
  TenantSchema,
} from './tenants.schemas.js';

/** Wazo's post-load: domains unique and sorted, the address always complete. */
function editOf(body: Static<typeof TenantEditBody>): TenantEdit {
  return {
    name: body.name ?? null,
    contact: body.contact ?? null,
    phone: body.phone ?? null,
    domain_names: [...new Set(body.domain_names ?? [])].sort(),
    address: { ...emptyAddress(), ...(body.address ?? {}) },
    default_authentication_method: body.default_authentication_method ?? 'native',
  };
}

function listParamsOf(query: Static<typeof TenantListQuery>): TenantListParams {
  const { uuids, ...rest } = query;
  if (uuids === undefined) return rest;
  const list = (Array.isArray(uuids) ? uuids : uuids.split(',')).filter(Boolean);
  return { ...rest, uuids: list.slice(0, 25) };
}

export const tenantsPlugin: DaemonPlugin<AuthConfig, AuthResources> = {
  name: 'tenants',
  load({ api, resources }) {
    const { tenants } = resources.services;
    addListRoute(api, {
      path: '/tenants',
      acl: 'auth.tenants.read',
      summary: 'List tenants',
      querystring: TenantListQuery,
      response: TenantPageSchema,
      list: (tenant, request) => tenants.list(tenant, listParamsOf(request.query)),
    });
    api.post(
      '/tenants',
      {
        config: { acl: 'auth.tenants.create' },
        schema: { summary: 'Create a tenant', body: TenantCreateBody, response: { 200: TenantSchema } },
      },
      (request) =>
        tenants.create(scopingTenantOf(request), {
          ...editOf(request.body),
          uuid: request.body.uuid ?? null,
          slug: request.body.slug ?? null,
        }),
    );
    api.get(
      '/tenants/:tenant_uuid',
      {
        config: { acl: 'auth.tenants.{tenant_uuid}.read' },
        schema: { summary: 'Read a tenant', params: TenantParams, response: { 200: TenantSchema } },
      },
      (request) => tenants.get(scopingTenantOf(request), request.params.tenant_uuid),
    );
    api.put(
      '/tenants/:tenant_uuid',
      {
        config: { acl: 'auth.tenants.{tenant_uuid}.update' },
        schema: {
          summary: 'Replace a tenant',
          params: TenantParams,
          body: TenantEditBody,
          response: { 200: TenantSchema },
        },
      },
      (request) => tenants.update(scopingTenantOf(request), request.params.tenant_uuid, editOf(request.body)),
    );
    api.delete(
      '/tenants/:tenant_uuid',
      {
        config: { acl: 'auth.tenants.{tenant_uuid}.delete' },
        schema: { summary: 'Delete a tenant', params: TenantParams, response: { 204: NoContent } },
      },
      async (request, reply) => {
        await tenants.delete(scopingTenantOf(request), request.params.tenant_uuid);
        return reply.code(204).send(null);
      },
    );
    api.get(
      '/tenants/:tenant_uuid/domains',
      {
        config: { acl: 'auth.tenants.{tenant_uuid}.domains.read' },
        schema: {
          summary: "List a tenant's domains",
          params: TenantParams,
          response: { 200: DomainsSchema },
        },
      },
      (request) => tenants.domains(scopingTenantOf(request), request.params.tenant_uuid),
    );
    api.put(
      '/tenants/:tenant_uuid/parent/:parent_uuid',
      {
        config: { acl: 'auth.tenants.{tenant_uuid}.parent.{parent_uuid}.update' },
        schema: {
          summary: 'Move a tenant under another parent',
          params: TenantParentParams,
          response: { 204: NoContent },
        },
      },
      async (request, reply) => {
        await tenants.setParent(
          scopingTenantOf(request),
          request.params.tenant_uuid,
          request.params.parent_uuid,
        );
        return reply.code(204).send(null);
      },
    );
  },
};
