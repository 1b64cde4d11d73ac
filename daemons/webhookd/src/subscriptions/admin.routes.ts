/**
 * `/subscriptions` (an admin's, in the caller's tenant and below), their logs and
 * `/subscriptions/services`: ACL, schema, one service call each.
 */
import type { DaemonApi } from '@wazo-ts/daemon';
import { NoContent } from '@wazo-ts/daemon/schema';
import type { WebhookdResources } from '../resources.js';
import { LogListSchema, LogsQuerySchema } from './logs.js';
import {
  type SubscriptionBody,
  SubscriptionBodySchema,
  SubscriptionListSchema,
  SubscriptionSchema,
} from './model.js';
import { ListQuery, Params, ServicesSchema, tags } from './route-schemas.js';
import { metadataFilterOf, scopingTenantOf, tenantsOf } from './scope.js';
import type { SubscriptionsService } from './service.js';

export function adminRoutes(api: DaemonApi, resources: WebhookdResources, service: SubscriptionsService) {
  const visible = (request: Parameters<typeof tenantsOf>[0]) => tenantsOf(request, resources, true);
  api.get(
    '/subscriptions',
    {
      config: { acl: 'webhookd.subscriptions.read' },
      schema: {
        tags,
        summary: 'List subscriptions',
        querystring: ListQuery,
        response: { 200: SubscriptionListSchema },
      },
    },
    async (request) => {
      const items = await service.list({
        tenantUuids: await tenantsOf(request, resources, request.query.recurse),
        metadata: metadataFilterOf(request.query.search_metadata),
      });
      return { items, total: items.length };
    },
  );
  api.post(
    '/subscriptions',
    {
      config: { acl: 'webhookd.subscriptions.create' },
      schema: {
        tags,
        summary: 'Create a subscription',
        body: SubscriptionBodySchema,
        response: { 201: SubscriptionSchema },
      },
    },
    async (request, reply) => {
      const created = await service.create(adminInput(request.body, scopingTenantOf(request)));
      return reply.code(201).send(created);
    },
  );
  api.get(
    '/subscriptions/:subscription_uuid',
    {
      config: { acl: 'webhookd.subscriptions.{subscription_uuid}.read' },
      schema: { tags, summary: 'Read a subscription', params: Params, response: { 200: SubscriptionSchema } },
    },
    async (request) => service.get(request.params.subscription_uuid, { tenantUuids: await visible(request) }),
  );
  api.put(
    '/subscriptions/:subscription_uuid',
    {
      config: { acl: 'webhookd.subscriptions.{subscription_uuid}.update' },
      schema: {
        tags,
        summary:
          'Replace a subscription (omitted optional fields become null; the owner tenant becomes the caller’s)',
        params: Params,
        body: SubscriptionBodySchema,
        response: { 200: SubscriptionSchema },
      },
    },
    async (request) =>
      service.replace(request.params.subscription_uuid, { tenantUuids: await visible(request) }, () =>
        adminInput(request.body, scopingTenantOf(request)),
      ),
  );
  api.delete(
    '/subscriptions/:subscription_uuid',
    {
      config: { acl: 'webhookd.subscriptions.{subscription_uuid}.delete' },
      schema: { tags, summary: 'Delete a subscription', params: Params, response: { 204: NoContent } },
    },
    async (request, reply) => {
      await service.delete(request.params.subscription_uuid, { tenantUuids: await visible(request) });
      return reply.code(204).send(null);
    },
  );
  api.get(
    '/subscriptions/:subscription_uuid/logs',
    {
      config: { acl: 'webhookd.subscriptions.{subscription_uuid}.logs.read' },
      schema: {
        tags,
        summary: "A subscription's hook attempts, newest first by default",
        params: Params,
        querystring: LogsQuerySchema,
        response: { 200: LogListSchema },
      },
    },
    async (request) => {
      const items = await service.logs(
        request.params.subscription_uuid,
        { tenantUuids: await visible(request) },
        request.query,
      );
      return { items, total: items.length };
    },
  );
  api.get(
    '/subscriptions/services',
    {
      config: { acl: 'webhookd.subscriptions.services.read' },
      schema: { tags, summary: 'The services a subscription may use', response: { 200: ServicesSchema } },
    },
    async () => ({ services: { http: {}, mobile: {} } }),
  );
}

function adminInput(body: SubscriptionBody, tenantUuid: string) {
  return {
    name: body.name,
    service: body.service,
    events: body.events,
    config: body.config,
    events_user_uuid: body.events_user_uuid ?? null,
    events_wazo_uuid: body.events_wazo_uuid ?? null,
    owner_user_uuid: body.owner_user_uuid ?? null,
    owner_tenant_uuid: tenantUuid,
    metadata: body.metadata ?? {},
  };
}
