/**
 * The tenants API plugin (reference §4 "Tenants"): each route declares Wazo's ACL, validates with
 * the JSON schemas and makes one service call, seen from the request's scoping tenant.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { DaemonPlugin } from '@wazo-ts/daemon';
import { UnauthorizedError } from '@wazo-ts/errors';
import type { FastifyRequest } from 'fastify';
import type { AuthConfig } from '../definition.js';
import type { AuthResources } from '../resources.js';
import type { TenantListParams } from './tenants.dao.js';
import * as tenantsDao from './tenants.dao.js';
import * as groupsDao from './tenants.groups.dao.js';
import { emptyAddress, type TenantCreate, type TenantEdit } from './tenants.model.js';
import { tenantsNotifier } from './tenants.notifier.js';
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
import * as scopeDao from './tenants.scope.dao.js';
import { createTenantsService, type TenantsService } from './tenants.service.js';
import * as uniquenessDao from './tenants.uniqueness.dao.js';
import { createTenantsValidator } from './tenants.validator.js';

const SLUG_CHARS = 'abcdefghijklmnopqrstuvwxyz0123456789';
const randomSlug = () => [...randomBytes(3)].map((b) => SLUG_CHARS[b % SLUG_CHARS.length]).join('');

export function tenantsServiceFor(resources: AuthResources, config: AuthConfig): TenantsService {
  return createTenantsService({
    uow: resources.uow,
    dao: { ...tenantsDao, ...scopeDao, ...groupsDao, ...uniquenessDao },
    validator: createTenantsValidator(uniquenessDao),
    notifier: tenantsNotifier,
    newUuid: randomUUID,
    randomSlug,
    allUsersPolicies: config.all_users_policies,
    defaultGroups: config.tenant_default_groups as Record<string, groupsDao.DefaultGroupConfig>,
  });
}

function scopeOf(request: FastifyRequest): string {
  const tenant = request.auth?.tenantUuid;
  if (!tenant) throw new UnauthorizedError('Unauthorized', { errorId: 'unauthorized' });
  return tenant;
}

/** Wazo's post-load: domains unique and sorted, the address always complete. */
function editOf(body: Partial<TenantEdit>): TenantEdit {
  return {
    name: body.name ?? null,
    contact: body.contact ?? null,
    phone: body.phone ?? null,
    domain_names: [...new Set(body.domain_names ?? [])].sort(),
    address: { ...emptyAddress(), ...(body.address ?? {}) },
    default_authentication_method: body.default_authentication_method ?? 'native',
  };
}

type ListQuery = Omit<TenantListParams, 'uuids'> & { uuids?: string | string[] };

function listParamsOf(query: ListQuery): TenantListParams {
  const { uuids, ...rest } = query;
  if (uuids === undefined) return rest;
  const list = (Array.isArray(uuids) ? uuids : uuids.split(',')).filter(Boolean);
  return { ...rest, uuids: list.slice(0, 25) };
}

export const tenantsPlugin: DaemonPlugin<AuthConfig, AuthResources> = {
  name: 'tenants',
  load({ api, resources, config }) {
    const tenants = tenantsServiceFor(resources, config);
    type WithParams = { Params: { tenant_uuid: string } };

    api.get<{ Querystring: ListQuery }>(
      '/tenants',
      {
        config: { acl: 'auth.tenants.read' },
        schema: {
          summary: 'List tenants',
          querystring: TenantListQuery,
          response: { 200: TenantPageSchema },
        },
      },
      (request) => tenants.list(scopeOf(request), listParamsOf(request.query)),
    );
    api.post<{ Body: Partial<TenantCreate> }>(
      '/tenants',
      {
        config: { acl: 'auth.tenants.create' },
        schema: { summary: 'Create a tenant', body: TenantCreateBody, response: { 200: TenantSchema } },
      },
      (request) =>
        tenants.create(scopeOf(request), {
          ...editOf(request.body),
          uuid: request.body.uuid ?? null,
          slug: request.body.slug ?? null,
        }),
    );
    api.get<WithParams>(
      '/tenants/:tenant_uuid',
      {
        config: { acl: 'auth.tenants.{tenant_uuid}.read' },
        schema: { summary: 'Read a tenant', params: TenantParams, response: { 200: TenantSchema } },
      },
      (request) => tenants.get(scopeOf(request), request.params.tenant_uuid),
    );
    api.put<WithParams & { Body: Partial<TenantEdit> }>(
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
      (request) => tenants.update(scopeOf(request), request.params.tenant_uuid, editOf(request.body)),
    );
    api.delete<WithParams>(
      '/tenants/:tenant_uuid',
      {
        config: { acl: 'auth.tenants.{tenant_uuid}.delete' },
        schema: { summary: 'Delete a tenant', params: TenantParams },
      },
      async (request, reply) => {
        await tenants.delete(scopeOf(request), request.params.tenant_uuid);
        return reply.code(204).send();
      },
    );
    api.get<WithParams>(
      '/tenants/:tenant_uuid/domains',
      {
        config: { acl: 'auth.tenants.{tenant_uuid}.domains.read' },
        schema: {
          summary: "List a tenant's domains",
          params: TenantParams,
          response: { 200: DomainsSchema },
        },
      },
      (request) => tenants.domains(scopeOf(request), request.params.tenant_uuid),
    );
    api.put<{ Params: { tenant_uuid: string; parent_uuid: string } }>(
      '/tenants/:tenant_uuid/parent/:parent_uuid',
      {
        config: { acl: 'auth.tenants.{tenant_uuid}.parent.{parent_uuid}.update' },
        schema: { summary: 'Move a tenant under another parent', params: TenantParentParams },
      },
      async (request, reply) => {
        await tenants.setParent(scopeOf(request), request.params.tenant_uuid, request.params.parent_uuid);
        return reply.code(204).send();
      },
    );
  },
};
