/**
 * Checks on outcalls, worded as wazo-confd words them: a name is unique on the platform; an
 * outcall's trunks are of its tenant, each once; its extension is of its tenant, serves nothing
 * else and is in an outcall context.
 */
import type { Tx } from '../db/unit-of-work.js';
import { formatCriteria, resourceAssociated, resourceError, resourceExists } from '../errors.js';
import type { Extension } from '../extensions/extensions.model.js';
import type { OutcallsDao } from './outcalls.dao.js';

export interface OutcallsValidatorDeps {
  dao: Pick<OutcallsDao, 'idByName' | 'outcallOfExtension'>;
  /** The type of the context named `name` (the extension's own), or null. */
  contextType(tx: Tx, tenantUuid: string, name: string): Promise<string | null>;
}

type Tenanted = { id: number; tenant_uuid: string };

const differentTenants = (criteria: Record<string, string>) =>
  resourceError(`different tenants (${formatCriteria(criteria)})`, criteria);

export function createOutcallsValidator({ dao, contextType }: OutcallsValidatorDeps) {
  return {
    /** `id`: the outcall being edited, which may keep its own name. */
    async validateName(tx: Tx, name: string | undefined, id?: number): Promise<void> {
      if (name === undefined) return;
      const holder = await dao.idByName(tx, name);
      if (holder !== null && holder !== id) throw resourceExists('Outcall', { name });
    },

    validateTrunks(outcall: Tenanted, trunks: Tenanted[]): void {
      for (const trunk of trunks)
        if (trunk.tenant_uuid !== outcall.tenant_uuid)
          throw differentTenants({
            outcall_tenant_uuid: outcall.tenant_uuid,
            trunk_tenant_uuid: trunk.tenant_uuid,
          });
      if (new Set(trunks.map((t) => t.id)).size !== trunks.length)
        throw resourceError('Operation not permitted. Cannot associate same trunk more than once');
    },

    async validateExtension(tx: Tx, outcall: Tenanted, extension: Extension): Promise<void> {
      if (extension.tenant_uuid !== outcall.tenant_uuid)
        throw differentTenants({
          extension_tenant_uuid: extension.tenant_uuid,
          outcall_tenant_uuid: outcall.tenant_uuid,
        });
      const other = await dao.outcallOfExtension(tx, extension.id);
      const owner =
        other !== null
          ? ['outcall', String(other)]
          : extension.group
            ? ['group', String(extension.group.id)]
            : extension.lines.length > 0
              ? ['user', '0']
              : null;
      if (owner)
        throw resourceAssociated('Extension', owner[0]!, {
          extension_id: extension.id,
          associated_id: owner[1]!,
        });
      const type = await contextType(tx, extension.tenant_uuid, extension.context);
      if (type !== 'outcall') {
        const criteria = { id: extension.id, context: extension.context };
        throw resourceError(
          `ContextType '${type}' cannot be associated (${formatCriteria(criteria)})`,
          criteria,
        );
      }
    },
  };
}

export type OutcallsValidator = ReturnType<typeof createOutcallsValidator>;
