/**
 * The line-extension association service. Associating twice, or dissociating what is not
 * associated, is a no-op without event, as in Wazo.
 */
import type { ContextsDao } from '../contexts/contexts.dao.js';
import type { Tx, UnitOfWork } from '../db/unit-of-work.js';
import { notFound } from '../errors.js';
import type { ExtensionsDao } from '../extensions/extensions.dao.js';
import type { Extension } from '../extensions/extensions.model.js';
import type { LinesDao } from '../lines/lines.dao.js';
import type { Line } from '../lines/lines.model.js';
import type { TenantScope } from '../search/search.js';
import type { LineExtensionsDao } from './line-extensions.dao.js';
import type { LineExtension } from './line-extensions.model.js';
import type { LineExtensionsNotifier } from './line-extensions.notifier.js';
import type { LineExtensionsValidator } from './line-extensions.validator.js';

export interface LineExtensionsServiceDeps {
  uow: UnitOfWork;
  dao: LineExtensionsDao;
  validator: LineExtensionsValidator;
  notifier: LineExtensionsNotifier;
  lines: Pick<LinesDao, 'find'>;
  extensions: Pick<ExtensionsDao, 'find'>;
  contexts: Pick<ContextsDao, 'findByName'>;
}

export function createLineExtensionsService(deps: LineExtensionsServiceDeps) {
  const { uow, dao, validator, notifier } = deps;

  async function both(tx: Tx, scope: TenantScope, lineId: number, extensionId: number) {
    const line: Line | null = await deps.lines.find(tx, scope, lineId);
    if (!line) throw notFound('Line', { id: lineId });
    const extension: Extension | null = await deps.extensions.find(tx, scope, extensionId);
    if (!extension) throw notFound('Extension', { id: extensionId });
    return { line, extension };
  }

  return {
    associate: (scope: TenantScope, lineId: number, extensionId: number): Promise<LineExtension> =>
      uow.run(async (tx) => {
        const { line, extension } = await both(tx, scope, lineId, extensionId);
        const existing = await dao.find(tx, scope, line.id, extension.id);
        if (existing) return existing;
        const context = await deps.contexts.findByName(tx, scope, extension.context);
        if (!context) throw notFound('Context', { name: extension.context });
        await validator.validateAssociation(tx, scope, line, extension, context);
        const link: LineExtension = {
          line_id: line.id,
          extension_id: extension.id,
          main_extension: (await dao.listByLine(tx, scope, line.id)).length === 0,
        };
        if (!(await dao.associate(tx, scope, link))) throw notFound('Line', { id: line.id });
        notifier.associated(tx, line, extension.id);
        return link;
      }),

    dissociate: (scope: TenantScope, lineId: number, extensionId: number): Promise<void> =>
      uow.run(async (tx) => {
        const { line, extension } = await both(tx, scope, lineId, extensionId);
        const link = await dao.find(tx, scope, line.id, extension.id);
        if (!link) return;
        await validator.validateDissociation(tx, line);
        await dao.dissociate(tx, scope, line.id, extension.id);
        if (link.main_extension) {
          const [oldest] = await dao.listByLine(tx, scope, line.id);
          if (oldest) await dao.setMainExtension(tx, scope, line.id, oldest.extension_id);
        }
        notifier.dissociated(tx, line, extension.id);
      }),

    /** The line's extensions, main first. */
    extensionsOfLine: (scope: TenantScope, lineId: number): Promise<LineExtension[]> =>
      uow.read(async (tx) => {
        const line = await deps.lines.find(tx, scope, lineId);
        if (!line) throw notFound('Line', { id: lineId });
        return dao.listByLine(tx, scope, line.id);
      }),
  };
}

export type LineExtensionsService = ReturnType<typeof createLineExtensionsService>;
