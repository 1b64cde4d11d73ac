/**
 * The line associations: a line with an extension (`/lines/{id}/extensions/{id}`) and a user with
 * a line (`/users/{id or uuid}/lines/{id}`). PUT associates (a second PUT changes nothing), DELETE
 * dissociates; both answer 204 and see the caller's tenant with its visible sub-tenants.
 * `PUT /users/{id or uuid}/lines` replaces the user's lines, the first becoming its main line.
 */
import type { DaemonPlugin } from '@wazo-ts/daemon';
import { NoContent, Type } from '@wazo-ts/daemon/schema';
import { extensionCreateSchema, extensionSchema } from '@wazo-ts/dao';
import { idParams, intParam } from '../common/int-param.js';
import { locationOf } from '../common/location.js';
import { tenantScopeOf } from '../common/scope.js';
import type { ConfdConfig } from '../definition.js';
import type { ConfdResources } from '../resources.js';

const lineExtensionParams = Type.Object({ line_id: Type.String(), extension_id: Type.String() });
const userKeyParam = Type.String({ description: 'The user id or uuid' });
const userLineParams = Type.Object({ user_id: userKeyParam, line_id: Type.String() });
const userParams = Type.Object({ user_id: userKeyParam });
const userLinesBody = Type.Object({ lines: Type.Array(Type.Object({ id: Type.Integer({ minimum: 1 }) })) });

export const lineAssociationsPlugin: DaemonPlugin<ConfdConfig, ConfdResources> = {
  name: 'line_associations',
  load({ api, resources }) {
    const { extensions, lineExtensions, transaction, userLines } = resources.services;
    const visible = resources.visibleTenants;
    const scope = (request: Parameters<typeof tenantScopeOf>[0]) => tenantScopeOf(request, visible, true);
    // A numeric user key is the id, as Wazo's `<int:user_id>` route, anything else the uuid.
    const userKey = (raw: string) => (/^\d{1,9}$/.test(raw) ? Number(raw) : raw);
    const lineExtensionIds = (request: { params: { line_id: string; extension_id: string } }) =>
      [intParam(request.params.line_id, 'Line'), intParam(request.params.extension_id, 'Extension')] as const;

    api.put(
      '/lines/:line_id/extensions/:extension_id',
      {
        config: { acl: 'confd.lines.{line_id}.extensions.{extension_id}.update' },
        schema: {
          summary: 'Associate line and extension',
          tags: ['lines', 'extensions'],
          params: lineExtensionParams,
          response: { 204: NoContent },
        },
      },
      async (request, reply) => {
        await lineExtensions.associate(await scope(request), ...lineExtensionIds(request));
        return reply.code(204).send(null);
      },
    );

    // Wazo's `line_extension` POST: the extension is created, then associated, in one transaction
    // (a refused association leaves no extension); it answers the extension as created.
    api.post(
      '/lines/:line_id/extensions',
      {
        config: { acl: 'confd.lines.{line_id}.extensions.create' },
        schema: {
          summary: 'Create an extension and associate it with the line',
          tags: ['lines', 'extensions'],
          params: idParams('line_id'),
          body: extensionCreateSchema,
          response: { 201: extensionSchema },
        },
      },
      async (request, reply) => {
        const callerScope = await scope(request);
        const extension = await transaction(async () => {
          const created = await extensions.create(callerScope, request.body);
          await lineExtensions.associate(callerScope, intParam(request.params.line_id, 'Line'), created.id);
          return created;
        });
        return reply
          .code(201)
          .header('location', locationOf(request, '1.1', `/extensions/${extension.id}`))
          .send(extension);
      },
    );

    api.delete(
      '/lines/:line_id/extensions/:extension_id',
      {
        config: { acl: 'confd.lines.{line_id}.extensions.{extension_id}.delete' },
        schema: {
          summary: 'Dissociate line and extension',
          tags: ['lines', 'extensions'],
          params: lineExtensionParams,
          response: { 204: NoContent },
        },
      },
      async (request, reply) => {
        await lineExtensions.dissociate(await scope(request), ...lineExtensionIds(request));
        return reply.code(204).send(null);
      },
    );

    api.put(
      '/users/:user_id/lines',
      {
        config: { acl: 'confd.users.{user_id}.lines.update' },
        schema: {
          summary: "Replace the user's lines (the first is the main line)",
          tags: ['users', 'lines'],
          params: userParams,
          body: userLinesBody,
          response: { 204: NoContent },
        },
      },
      async (request, reply) => {
        const ids = request.body.lines.map((line) => line.id);
        await userLines.replaceLines(await scope(request), userKey(request.params.user_id), ids);
        return reply.code(204).send(null);
      },
    );

    api.put(
      '/users/:user_id/lines/:line_id',
      {
        config: { acl: 'confd.users.{user_id}.lines.{line_id}.update' },
        schema: {
          summary: 'Associate user and line',
          tags: ['users', 'lines'],
          params: userLineParams,
          response: { 204: NoContent },
        },
      },
      async (request, reply) => {
        const lineId = intParam(request.params.line_id, 'Line');
        await userLines.associate(await scope(request), userKey(request.params.user_id), lineId);
        return reply.code(204).send(null);
      },
    );

    api.delete(
      '/users/:user_id/lines/:line_id',
      {
        config: { acl: 'confd.users.{user_id}.lines.{line_id}.delete' },
        schema: {
          summary: 'Dissociate user and line',
          tags: ['users', 'lines'],
          params: userLineParams,
          response: { 204: NoContent },
        },
      },
      async (request, reply) => {
        const lineId = intParam(request.params.line_id, 'Line');
        await userLines.dissociate(await scope(request), userKey(request.params.user_id), lineId);
        return reply.code(204).send(null);
      },
    );
  },
};
