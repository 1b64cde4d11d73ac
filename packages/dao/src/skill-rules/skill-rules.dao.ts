/** SQL of the queues' skill rules: one table, each row a tenant's. */
import { inTenants } from '@wazo-ts/db';
import type { Tx } from '../db/unit-of-work.js';
import { runSearch, type SearchConfig } from '../search/apply.js';
import type { SearchParams, SearchResult, TenantScope } from '../search/search.js';
import type { SkillRule } from './skill-rules.model.js';

/** xivo-dao's skill rule search: id and name; sorted by name. */
export const skillRuleSearchConfig: SearchConfig = {
  columns: { id: 'queueskillrule.id', name: 'queueskillrule.name' },
  search: ['id', 'name'],
  defaultSort: 'name',
  key: 'queueskillrule.id',
};

interface Row {
  id: number;
  tenant_uuid: string;
  name: string;
  rule: string | null;
}

/** Wazo keeps the definitions as one text joined by `;` and reads them back split. */
const shown = ({ rule, ...row }: Row): SkillRule => ({
  ...row,
  rules: rule ? rule.split(';').map((definition) => ({ definition })) : [],
});
export const ruleOf = (rules: readonly { definition: string }[] | null | undefined): string | null =>
  rules && rules.length > 0 ? rules.map((r) => r.definition).join(';') : null;

export function createSkillRulesDao() {
  const scoped = (tx: Tx, scope: TenantScope) =>
    tx.db
      .selectFrom('queueskillrule')
      .selectAll('queueskillrule')
      .where(inTenants('queueskillrule.tenant_uuid', scope.tenantUuids));

  return {
    async search(tx: Tx, scope: TenantScope, params: SearchParams): Promise<SearchResult<SkillRule>> {
      const page = await runSearch(scoped(tx, scope), skillRuleSearchConfig, params);
      return { total: page.total, items: (page.items as Row[]).map(shown) };
    },

    async find(tx: Tx, scope: TenantScope, id: number): Promise<SkillRule | null> {
      const row = await scoped(tx, scope).where('queueskillrule.id', '=', id).executeTakeFirst();
      return row ? shown(row) : null;
    },

    async insert(tx: Tx, row: Omit<Row, 'id'>): Promise<SkillRule> {
      return shown(
        await tx.db.insertInto('queueskillrule').values(row).returningAll().executeTakeFirstOrThrow(),
      );
    },

    async update(tx: Tx, id: number, fields: Pick<Row, 'name' | 'rule'>): Promise<SkillRule> {
      const row = await tx.db
        .updateTable('queueskillrule')
        .set(fields)
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow();
      return shown(row);
    },

    async remove(tx: Tx, id: number): Promise<void> {
      await tx.db.deleteFrom('queueskillrule').where('id', '=', id).execute();
    },
  };
}

export type SkillRulesDao = ReturnType<typeof createSkillRulesDao>;
