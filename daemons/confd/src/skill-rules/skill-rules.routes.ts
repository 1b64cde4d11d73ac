/**
 * The queues' skill rules (`/queues/skillrules`): list (`recurse` for sub-tenants), read, create,
 * edit, delete, scoped by tenant; ACLs are Wazo's `confd.queues.skillrules.*`. A non-numeric id is
 * a 404, as Wazo's `<int:id>` route.
 */
import type { DaemonPlugin } from '@wazo-ts/daemon';
import { ListOf, NoContent, Type } from '@wazo-ts/daemon/schema';
import { scopeOf, skillRuleCreateSchema, skillRuleEditSchema, skillRuleSchema } from '@wazo-ts/dao';
import { idParams, intParam } from '../common/int-param.js';
import { listQuerySchema, parseListQuery } from '../common/list-params.js';
import { locationOf } from '../common/location.js';
import { scopingTenantOf, tenantScopeOf } from '../common/scope.js';
import type { ConfdConfig } from '../definition.js';
import type { ConfdResources } from '../resources.js';

const tags = ['queues', 'skillrules'];
const params = idParams('skillrule_id');
const idOf = (raw: string) => intParam(raw, 'SkillRule');
/** Every column filters exactly (`?name=...`), as xivo-dao's search. */
const filters = { id: Type.Optional(Type.Integer()), name: Type.Optional(Type.String()) };

export const skillRulesPlugin: DaemonPlugin<ConfdConfig, ConfdResources> = {
  name: 'skill_rule',
  load({ api, resources }) {
    const { skillRules, tenants } = resources.services;
    const visible = resources.visibleTenants;
    const itemScope = (request: Parameters<typeof scopingTenantOf>[0]) =>
      tenantScopeOf(request, visible, true);

    api.get(
      '/queues/skillrules',
      {
        config: { acl: 'confd.queues.skillrules.read' },
        schema: {
          summary: 'List skill rules',
          tags,
          querystring: listQuerySchema(filters),
          response: { 200: ListOf(skillRuleSchema) },
        },
      },
      async (request) => {
        const { params: search, recurse } = parseListQuery(request.query);
        return skillRules.search(await tenantScopeOf(request, visible, recurse), search);
      },
    );

    api.get(
      '/queues/skillrules/:skillrule_id',
      {
        config: { acl: 'confd.queues.skillrules.{skillrule_id}.read' },
        schema: { summary: 'Get skill rule', tags, params, response: { 200: skillRuleSchema } },
      },
      async (request) =>
        skillRules.get(
          await itemScope(request),
          idOf((request.params as { skillrule_id: string }).skillrule_id),
        ),
    );

    api.post(
      '/queues/skillrules',
      {
        config: { acl: 'confd.queues.skillrules.create' },
        schema: {
          summary: 'Create skill rule',
          tags,
          body: skillRuleCreateSchema,
          response: { 201: skillRuleSchema },
        },
      },
      async (request, reply) => {
        const tenantUuid = scopingTenantOf(request);
        await tenants.ensure(tenantUuid);
        const rule = await skillRules.create(scopeOf(tenantUuid), tenantUuid, request.body);
        return reply
          .code(201)
          .header('location', locationOf(request, '1.1', `/queues/skillrules/${rule.id}`))
          .send(rule);
      },
    );

    api.put(
      '/queues/skillrules/:skillrule_id',
      {
        config: { acl: 'confd.queues.skillrules.{skillrule_id}.update' },
        schema: {
          summary: 'Update skill rule',
          tags,
          params,
          body: skillRuleEditSchema,
          response: { 204: NoContent },
        },
      },
      async (request, reply) => {
        const id = idOf((request.params as { skillrule_id: string }).skillrule_id);
        await skillRules.edit(await itemScope(request), id, request.body);
        return reply.code(204).send(null);
      },
    );

    api.delete(
      '/queues/skillrules/:skillrule_id',
      {
        config: { acl: 'confd.queues.skillrules.{skillrule_id}.delete' },
        schema: { summary: 'Delete skill rule', tags, params, response: { 204: NoContent } },
      },
      async (request, reply) => {
        const id = idOf((request.params as { skillrule_id: string }).skillrule_id);
        await skillRules.delete(await itemScope(request), id);
        return reply.code(204).send(null);
      },
    );
  },
};
