/**
 * `/users/me/subscriptions[/{uuid}[/logs]]`: a user's own subscriptions, their owner, events user
 * and Wazo taken from the token as Wazo does. ACL, schema, one service call each.
 */
import type { DaemonApi } from '@wazo-ts/daemon';
import { NoContent } from '@wazo-ts/daemon/schema';
import type { WebhookdConfig } from '../definition.js';
import { LogListSchema, LogsQuerySchema } from './logs.js';
import {
  SubscriptionListSchema,
  SubscriptionSchema,
  type UserSubscriptionBody,
  UserSubscriptionBodySchema,
} from './model.js';
import { Params, tags, UserListQuery } from './route-schemas.js';
import { metadataFilterOf, userOf } from './scope.js';
import type { SubscriptionsService } from './service.js';

export function userRoutes(api: DaemonApi, config: WebhookdConfig, service: SubscriptionsService) {
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
