/**
 * Context includes' public API. An included context must be in the including context's own
 * tenant: Wazo looks it up in every tenant, which let one tenant's dialplan reach another's.
 */
import type { ContextsDao } from '../contexts/contexts.dao.js';
import type { Context } from '../contexts/contexts.model.js';
import type { Tx, UnitOfWork } from '../db/unit-of-work.js';
import { notFound, referenceNotFound } from '../errors.js';
import { scopeOf, type TenantScope } from '../search/search.js';
import type { ContextIncludesDao } from './context-includes.dao.js';
import type { ContextIncludeInput } from './context-includes.model.js';
import type { ContextIncludesNotifier } from './context-includes.notifier.js';
import type { ContextIncludesValidator } from './context-includes.validator.js';

export interface ContextIncludesServiceDeps {
  uow: UnitOfWork;
  dao: ContextIncludesDao;
  contexts: Pick<ContextsDao, 'find'>;
  validator: ContextIncludesValidator;
  notifier: ContextIncludesNotifier;
}

export function createContextIncludesService(deps: ContextIncludesServiceDeps) {
  const { uow, dao, contexts, validator, notifier } = deps;

  async function includesOf(tx: Tx, context: Context, input: ContextIncludeInput[]): Promise<Context[]> {
    const own = scopeOf(context.tenant_uuid);
    const found: Context[] = [];
    for (const { id } of input) {
      const include = await contexts.find(tx, own, id);
      if (!include) throw referenceNotFound('contexts', 'Context', { id });
      found.push(include);
    }
    return found;
  }

  return {
    /** Replaces the includes of the context `contextId` (among the scope's) with `input`, in order. */
    associate(scope: TenantScope, contextId: number, input: ContextIncludeInput[]): Promise<void> {
      return uow.run(async (tx) => {
        const context = await contexts.find(tx, scope, contextId);
        if (!context) throw notFound('Context', { id: contextId });
        const includes = await includesOf(tx, context, input);
        validator.validate(context, includes);
        await dao.replace(
          tx,
          context.id,
          includes.map((c) => c.id),
        );
        notifier.associated(tx, context, includes);
      });
    },
  };
}

export type ContextIncludesService = ReturnType<typeof createContextIncludesService>;
