/** Wazo's checks on a context's includes: no context twice, not the context itself. */

import type { Context } from '../contexts/contexts.model.js';
import { resourceError } from '../errors.js';

const notPermitted = (reason: string) => resourceError(`Operation not permitted. ${reason}`);

export function createContextIncludesValidator() {
  return {
    validate(context: Context, includes: Context[]): void {
      const ids = includes.map((c) => c.id);
      if (new Set(ids).size !== ids.length) throw notPermitted('Cannot include same context more than once');
      if (ids.includes(context.id)) throw notPermitted('Cannot include context inside itself');
    },
  };
}

export type ContextIncludesValidator = ReturnType<typeof createContextIncludesValidator>;
