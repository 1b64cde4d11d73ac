/**
 * The line associations: a line with an extension (`/lines/{id}/extensions/{id}`) and a user with
 * a line (`/users/{id or uuid}/lines/{id}`). PUT associates (a second PUT changes nothing), DELETE
 * dissociates; both answer 204 and see the caller's tenant with its visible sub-tenants.
 * `PUT /users/{id or uuid}/lines` replaces the user's lines, the first becoming its main line.
 */
import type { DaemonPlugin } from '@wazo-ts/daemon';
import { intParam } from '../common/int-param.js';
import { tenantScopeOf } from '../common/scope.js';
import type { ConfdConfig } from '../definition.js';
import type { ConfdResources } from '../resources.js';

const lineExtensionParams = {
  type: 'object',
  properties: { line_id: { type: 'string' }, extension_id: { type: 'string' } },
  required: ['line_id', 'extension_id'],
} as const;
const userLineParams = {
  type: 'object',
  properties: {
    user_id: { type: 'string', description: 'The user id or uuid' },
    line_id: { type: 'string' },
  },
  required: ['user_id', 'line_id'],
} as const;

const userParams = {
  type: 'object',
  properties: { user_id: userLineParams.properties.user_id },
  required: ['user_id'],
} as const;
const userLinesBody = {
  type: 'object',
  required: ['lines'],
  properties: {
    lines: {
      type: 'array',
      items: { type: 'object', required: ['id'], properties: { id: { type: 'integer', minimum: 1 } } },
    },
  },
} as const;

type LineExtensionRequest = { Params: { line_id: string; extension_id: string } };
type UserLineRequest = { Params: { user_id: string; line_id: string } };
type UserLinesRequest = { Params: { user_id: string }; Body: { lines: { id: number }[] } };

export const lineAssociationsPlugin: DaemonPlugin<ConfdConfig, ConfdResources> = {
  name: 'line_associations',
  load({ api, resources }) {
    const { lineExtensions, userLines } = resources.services;
    const visible = resources.visibleTenants;
    const scope = (request: Parameters<typeof tenantScopeOf>[0]) => tenantScopeOf(request, visible, true);
    // A numeric user key is the id, as Wazo's `<int:user_id>` route, anything else the uuid.
    const userKey = (raw: string) => (/^\d{1,9}$/.test(raw) ? Number(raw) : raw);
    const lineExtensionIds = (request: { params: { line_id: string; extension_id: string } }) =>
      [intParam(request.params.line_id, 'Line'), intParam(request.params.extension_id, 'Extension')] as const;

    api.put<LineExtensionRequest>(
      '/lines/:line_id/extensions/:extension_id',
      {
        config: { acl: 'confd.lines.{line_id}.extensions.{extension_id}.update' },
        schema: {
          summary: 'Associate line and extension',
          tags: ['lines', 'extensions'],
          params: lineExtensionParams,
        },
      },
      async (request, reply) => {
        await lineExtensions.associate(await scope(request), ...lineExtensionIds(request));
        return reply.code(204).send();
      },
    );

    api.delete<LineExtensionRequest>(
      '/lines/:line_id/extensions/:extension_id',
      {
        config: { acl: 'confd.lines.{line_id}.extensions.{extension_id}.delete' },
        schema: {
          summary: 'Dissociate line and extension',
          tags: ['lines', 'extensions'],
          params: lineExtensionParams,
        },
      },
      async (request, reply) => {
        await lineExtensions.dissociate(await scope(request), ...lineExtensionIds(request));
        return reply.code(204).send();
      },
    );

    api.put<UserLinesRequest>(
      '/users/:user_id/lines',
      {
        config: { acl: 'confd.users.{user_id}.lines.update' },
        schema: {
          summary: "Replace the user's lines (the first is the main line)",
          tags: ['users', 'lines'],
          params: userParams,
          body: userLinesBody,
        },
      },
      async (request, reply) => {
        const ids = request.body.lines.map((line) => line.id);
        await userLines.replaceLines(await scope(request), userKey(request.params.user_id), ids);
        return reply.code(204).send();
      },
    );

    api.put<UserLineRequest>(
      '/users/:user_id/lines/:line_id',
      {
        config: { acl: 'confd.users.{user_id}.lines.{line_id}.update' },
        schema: { summary: 'Associate user and line', tags: ['users', 'lines'], params: userLineParams },
      },
      async (request, reply) => {
        const lineId = intParam(request.params.line_id, 'Line');
        await userLines.associate(await scope(request), userKey(request.params.user_id), lineId);
        return reply.code(204).send();
      },
    );

    api.delete<UserLineRequest>(
      '/users/:user_id/lines/:line_id',
      {
        config: { acl: 'confd.users.{user_id}.lines.{line_id}.delete' },
        schema: { summary: 'Dissociate user and line', tags: ['users', 'lines'], params: userLineParams },
      },
      async (request, reply) => {
        const lineId = intParam(request.params.line_id, 'Line');
        await userLines.dissociate(await scope(request), userKey(request.params.user_id), lineId);
        return reply.code(204).send();
      },
    );
  },
};
