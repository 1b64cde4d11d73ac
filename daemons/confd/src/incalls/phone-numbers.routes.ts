/**
 * The phone numbers resource (`/phone-numbers`, Wazo's `phone_number`): list, read, create (one,
 * or a range), edit, delete, and the tenant's main number (`/phone-numbers/main`, the caller's
 * own tenant only). ACLs are Wazo's `confd.phone-numbers.*`.
 */
import type { DaemonPlugin } from '@wazo-ts/daemon';
import { ListOf, NoContent, Type } from '@wazo-ts/daemon/schema';
import {
  phoneNumberCreateSchema,
  phoneNumberEditSchema,
  phoneNumberMainSchema,
  phoneNumberRangeAnswerSchema,
  phoneNumberRangeSchema,
  phoneNumberSchema,
  scopeOf,
} from '@wazo-ts/dao';
import { hrefOf } from '../common/answer-links.js';
import { LIST_FILTERS } from '../common/list-filters.js';
import { listQuerySchema, parseListQuery } from '../common/list-params.js';
import { locationOf } from '../common/location.js';
import { scopingTenantOf, tenantScopeOf } from '../common/scope.js';
import type { ConfdConfig } from '../definition.js';
import type { ConfdResources } from '../resources.js';

const tags = ['phone-numbers'];
const params = Type.Object({ phone_number_uuid: Type.String() });

export const phoneNumbersPlugin: DaemonPlugin<ConfdConfig, ConfdResources> = {
  name: 'phone_number',
  load({ api, resources }) {
    const { phoneNumbers, tenants } = resources.services;
    const visible = resources.visibleTenants;
    const itemScope = (request: Parameters<typeof scopingTenantOf>[0]) =>
      tenantScopeOf(request, visible, true);
    const location = (request: Parameters<typeof locationOf>[0], uuid: string) =>
      locationOf(request, '1.1', `/phone-numbers/${uuid}`);

    api.get(
      '/phone-numbers',
      {
        config: { acl: 'confd.phone-numbers.read' },
        schema: {
          summary: 'List phone numbers',
          tags,
          querystring: listQuerySchema(LIST_FILTERS.phoneNumbers),
          response: { 200: ListOf(phoneNumberSchema) },
        },
      },
      async (request) => {
        const { params: search, recurse } = parseListQuery(request.query);
        return phoneNumbers.search(await tenantScopeOf(request, visible, recurse), search);
      },
    );

    api.post(
      '/phone-numbers',
      {
        config: { acl: 'confd.phone-numbers.create' },
        schema: {
          summary: 'Create phone number',
          tags,
          body: phoneNumberCreateSchema,
          response: { 201: phoneNumberSchema },
        },
      },
      async (request, reply) => {
        const tenantUuid = scopingTenantOf(request);
        await tenants.ensure(tenantUuid);
        const created = await phoneNumbers.create(scopeOf(tenantUuid), tenantUuid, request.body);
        return reply.code(201).header('location', location(request, created.uuid)).send(created);
      },
    );

    api.post(
      '/phone-numbers/ranges',
      {
        config: { acl: 'confd.phone-numbers.create' },
        schema: {
          summary: 'Create a range of phone numbers',
          tags,
          body: phoneNumberRangeSchema,
          response: { 201: phoneNumberRangeAnswerSchema },
        },
      },
      async (request, reply) => {
        const tenantUuid = scopingTenantOf(request);
        await tenants.ensure(tenantUuid);
        const { created, existing } = await phoneNumbers.createRange(
          scopeOf(tenantUuid),
          tenantUuid,
          request.body,
        );
        const href = hrefOf(request);
        const links = [...created, ...existing].map((n) => ({
          rel: 'phone_numbers',
          href: href('phone_numbers', n.uuid),
        }));
        return reply.code(201).send({
          created: created.map((n) => ({ uuid: n.uuid })),
          links,
          total: created.length + existing.length,
        });
      },
    );

    api.get(
      '/phone-numbers/main',
      {
        config: { acl: 'confd.phone-numbers.main.read' },
        schema: { summary: 'Get the main phone number', tags, response: { 200: phoneNumberSchema } },
      },
      async (request) => phoneNumbers.getMain(scopingTenantOf(request)),
    );

    api.put(
      '/phone-numbers/main',
      {
        config: { acl: 'confd.phone-numbers.main.update' },
        schema: {
          summary: 'Set the main phone number',
          tags,
          body: phoneNumberMainSchema,
          response: { 204: NoContent },
        },
      },
      async (request, reply) => {
        const main = await phoneNumbers.setMain(scopingTenantOf(request), request.body.phone_number_uuid);
        return reply.code(204).header('location', location(request, main.uuid)).send(null);
      },
    );

    api.get(
      '/phone-numbers/:phone_number_uuid',
      {
        config: { acl: 'confd.phone-numbers.{phone_number_uuid}.read' },
        schema: { summary: 'Get phone number', tags, params, response: { 200: phoneNumberSchema } },
      },
      async (request) => phoneNumbers.get(await itemScope(request), request.params.phone_number_uuid),
    );

    api.put(
      '/phone-numbers/:phone_number_uuid',
      {
        config: { acl: 'confd.phone-numbers.{phone_number_uuid}.update' },
        schema: {
          summary: 'Update phone number',
          tags,
          params,
          body: phoneNumberEditSchema,
          response: { 204: NoContent },
        },
      },
      async (request, reply) => {
        await phoneNumbers.edit(await itemScope(request), request.params.phone_number_uuid, request.body);
        return reply.code(204).send(null);
      },
    );

    api.delete(
      '/phone-numbers/:phone_number_uuid',
      {
        config: { acl: 'confd.phone-numbers.{phone_number_uuid}.delete' },
        schema: { summary: 'Delete phone number', tags, params, response: { 204: NoContent } },
      },
      async (request, reply) => {
        await phoneNumbers.delete(await itemScope(request), request.params.phone_number_uuid);
        return reply.code(204).send(null);
      },
    );
  },
};
