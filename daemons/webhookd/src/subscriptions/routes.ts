/**
 * `/subscriptions` (admin), `/users/me/subscriptions` (a user's own), their logs, and
 * `/subscriptions/services`: ACL, schema, one service call each.
 */
import type { DaemonApi, DaemonPlugin } from '@wazo-ts/daemon';
import { NoContent, Type } from '@wazo-ts/daemon/schema';
import type { WebhookdConfig } from '../definition.js';
import type { WebhookdResources } from '../resources.js';
import { LogListSchema, LogsQuerySchema } from './logs.js';
import {
  type SubscriptionBody,
  SubscriptionBodySchema,
  SubscriptionListSchema,
  SubscriptionSchema,
  type UserSubscriptionBody,
  UserSubscriptionBodySchema,
} from './model.js';
import { metadataFilterOf, scopingTenantOf, tenantsOf, userOf } from './scope.js';
import type { SubscriptionsService } from './service.js';

const Params = Type.Object({ subscription_uuid: Type.String() });
const ListQuery = Type.Object({
  recurse: Type.Boolean({ default: false, description: 'Include the sub-tenants of the tenant.' }),
  search_metadata: Type.Optional(
    Type.Array(Type.String(), { description: '`key:value`, repeatable: every pair must match.' }),
  ),
});
const UserListQuery = Type.Object({ search_metadata: ListQuery.properties.search_metadata });
const ServicesSchema = Type.Object({
  services: Type.Record(Type.String(), Type.Object({})),
});

const tags = ['subscriptions'];

function adminRoutes(api: DaemonApi, resources: WebhookdResources, service: SubscriptionsService) {
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

function userRoutes(api: DaemonApi, config: WebhookdConfig, service: SubscriptionsService) {
  const me = (request: Parameters<typeof userOf>[0]) => userOf(request, config.uuid ?? null);
  const userInput = (body: UserSubscriptionBody, user: ReturnType<typeof me>) => ({
    name: body.name,
    service: body.service,
    events: body.events,
    config: body.config,
    events_user_uuid: user.userUuid,
    events_wazo_uuid: user.wazoUuid,
    owner_user_uuid: user.userUuid,
    owner_tenant_uuid: user.tenantUuid,
    metadata: body.metadata ?? {},
  });
  api.get(
    '/users/me/subscriptions',
    {
      config: { acl: 'webhookd.users.me.subscriptions.read' },
      schema: {
        tags,
        summary: "The token user's subscriptions",
        querystring: UserListQuery,
        response: { 200: SubscriptionListSchema },
      },
    },
    async (request) => {
      const { scope } = me(request);
      const items = await service.list({
        ...scope,
        metadata: metadataFilterOf(request.query.search_metadata),
      });
      return { items, total: items.length };
    },
  );
  api.post(
    '/users/me/subscriptions',
    {
      config: { acl: 'webhookd.users.me.subscriptions.create' },
      schema: {
        tags,
        summary: 'Create a subscription to the token user’s events',
        body: UserSubscriptionBodySchema,
        response: { 201: SubscriptionSchema },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await service.create(userInput(request.body, me(request)))),
  );
  api.get(
    '/users/me/subscriptions/:subscription_uuid',
    {
      config: { acl: 'webhookd.users.me.subscriptions.{subscription_uuid}.read' },
      schema: {
        tags,
        summary: "Read one of the token user's subscriptions",
        params: Params,
        response: { 200: SubscriptionSchema },
      },
    },
    async (request) => service.get(request.params.subscription_uuid, me(request).scope),
  );
  api.put(
    '/users/me/subscriptions/:subscription_uuid',
    {
      config: { acl: 'webhookd.users.me.subscriptions.{subscription_uuid}.update' },
      schema: {
        tags,
        summary: "Replace one of the token user's subscriptions (its owner and event filters are kept)",
        params: Params,
        body: UserSubscriptionBodySchema,
        response: { 200: SubscriptionSchema },
      },
    },
    async (request) => {
      const user = me(request);
      return service.replace(request.params.subscription_uuid, user.scope, (current) => ({
        ...userInput(request.body, user),
        events_user_uuid: current.events_user_uuid,
        events_wazo_uuid: current.events_wazo_uuid,
        owner_user_uuid: current.owner_user_uuid,
        owner_tenant_uuid: current.owner_tenant_uuid,
      }));
    },
  );
  api.delete(
    '/users/me/subscriptions/:subscription_uuid',
    {
      config: { acl: 'webhookd.users.me.subscriptions.{subscription_uuid}.delete' },
      schema: {
        tags,
        summary: "Delete one of the token user's subscriptions",
        params: Params,
        response: { 204: NoContent },
      },
    },
    async (request, reply) => {
      await service.delete(request.params.subscription_uuid, me(request).scope);
      return reply.code(204).send(null);
    },
  );
  api.get(
    '/users/me/subscriptions/:subscription_uuid/logs',
    {
      config: { acl: 'webhookd.users.me.subscriptions.{subscription_uuid}.logs.read' },
      schema: {
        tags,
        summary: "Hook attempts of one of the token user's subscriptions",
        params: Params,
        querystring: LogsQuerySchema,
        response: { 200: LogListSchema },
      },
    },
    async (request) => {
      const items = await service.logs(request.params.subscription_uuid, me(request).scope, request.query);
      return { items, total: items.length };
    },
  );
}

export const subscriptionsPlugin: DaemonPlugin<WebhookdConfig, WebhookdResources> = {
  name: 'subscriptions',
  load({ api, config, resources }) {
    adminRoutes(api, resources, resources.subscriptions);
    userRoutes(api, config, resources.subscriptions);
  },
};
