/**
 * The skill rules' public API: search, get, create, edit (the fields given), delete, with their
 * events. Wazo checks nothing beyond the body's shape (names may repeat).
 */
import type { Tx, UnitOfWork } from '../db/unit-of-work.js';
import { notFound } from '../errors.js';
import type { SearchParams, SearchResult, TenantScope } from '../search/search.js';
import { ruleOf, type SkillRulesDao } from './skill-rules.dao.js';
import type { SkillRule, SkillRuleCreate, SkillRuleEdit } from './skill-rules.model.js';
import type { SkillRulesNotifier } from './skill-rules.notifier.js';

export interface SkillRulesServiceDeps {
  uow: UnitOfWork;
  dao: SkillRulesDao;
  notifier: SkillRulesNotifier;
}

export function createSkillRulesService({ uow, dao, notifier }: SkillRulesServiceDeps) {
  async function existing(tx: Tx, scope: TenantScope, id: number): Promise<SkillRule> {
    const rule = await dao.find(tx, scope, id);
    if (!rule) throw notFound('SkillRule', { id });
    return rule;
  }

  return {
    search: (scope: TenantScope, params: SearchParams): Promise<SearchResult<SkillRule>> =>
      uow.read((tx) => dao.search(tx, scope, params)),

    get: (scope: TenantScope, id: number): Promise<SkillRule> => uow.read((tx) => existing(tx, scope, id)),

    /** Creates in `tenantUuid`, which must be among the caller's tenants (else Tenant not found). */
    create: (scope: TenantScope, tenantUuid: string, input: SkillRuleCreate): Promise<SkillRule> =>
      uow.run(async (tx) => {
        if (!scope.tenantUuids.includes(tenantUuid)) throw notFound('Tenant', { uuid: tenantUuid });
        const rule = await dao.insert(tx, {
          tenant_uuid: tenantUuid,
          name: input.name,
          rule: ruleOf(input.rules),
        });
        notifier.created(tx, rule);
        return rule;
      }),

    edit: (scope: TenantScope, id: number, changes: SkillRuleEdit): Promise<void> =>
      uow.run(async (tx) => {
        const current = await existing(tx, scope, id);
        const edited = await dao.update(tx, id, {
          name: changes.name ?? current.name,
          rule: changes.rules === undefined ? ruleOf(current.rules) : ruleOf(changes.rules),
        });
        notifier.edited(tx, edited);
      }),

    delete: (scope: TenantScope, id: number): Promise<void> =>
      uow.run(async (tx) => {
        const rule = await existing(tx, scope, id);
        await dao.remove(tx, id);
        notifier.deleted(tx, rule);
      }),
  };
}

export type SkillRulesService = ReturnType<typeof createSkillRulesService>;
