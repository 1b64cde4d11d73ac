/**
 * Checks on contexts: ranges as Wazo's schema checks them (worded as its schema errors, so a
 * caller that skips the route schema still gets Wazo's answer), and what blocks a deletion.
 */

import type { Tx } from '../db/unit-of-work.js';
import { inputError, resourceAssociated } from '../errors.js';
import type { TenantScope } from '../search/search.js';
import type { ContextsDao } from './contexts.dao.js';
import {
  CONTEXT_TYPES,
  type Context,
  type ContextCreate,
  type ContextEdit,
  RANGE_KINDS,
  type RangeInput,
} from './contexts.model.js';

const quoted = (text: string) => `'${text.replaceAll("'", "\\'")}'`;

/** `Input Error - user_ranges: {0: {'start': ['Invalid input.']}}`, as marshmallow reports a list item. */
function rangeError(list: string, index: number, field: string, message: string) {
  return inputError(`${list}: {${index}: {${quoted(field)}: [${quoted(message)}]}}`, { field: list, index });
}

function fieldProblem(value: unknown, required: boolean): string | null {
  if (value === undefined || value === null) return required ? 'Missing data for required field.' : null;
  if (typeof value !== 'string' || !/^[0-9]+$/.test(value)) return 'Invalid input.';
  if (value.length > 16) return 'Longer than maximum length 16.';
  return null;
}

function checkRange(list: string, index: number, range: RangeInput): void {
  for (const [field, required] of [
    ['start', true],
    ['end', false],
  ] as const) {
    const problem = fieldProblem(range[field], required);
    if (problem) throw rangeError(list, index, field, problem);
  }
  if (range.did_length !== undefined && !(Number.isInteger(range.did_length) && range.did_length >= 0)) {
    throw rangeError(list, index, 'did_length', 'Must be greater than or equal to 0.');
  }
  const { start, end } = range;
  if (!end) return;
  if (start.length !== end.length) {
    throw rangeError(list, index, '_schema', 'Start and end must be of the same length');
  }
  if (BigInt(start) > BigInt(end)) {
    throw rangeError(list, index, '_schema', 'Start of range must be lower than or equal to the end');
  }
}

function checkFields(input: ContextEdit): void {
  if (input.type !== undefined && !CONTEXT_TYPES.includes(input.type)) {
    throw inputError(`type: ['Must be one of: ${CONTEXT_TYPES.join(', ')}.']`, { field: 'type' });
  }
  for (const list of RANGE_KINDS) {
    (input[list] ?? []).forEach((range, index) => {
      checkRange(list, index, range);
    });
  }
}

export function createContextsValidator(deps: { dao: ContextsDao }) {
  return {
    validateCreate(_tx: Tx, input: ContextCreate): void {
      checkFields(input);
    },

    validateEdit(_tx: Tx, _context: Context, input: ContextEdit): void {
      checkFields(input);
    },

    async validateDelete(tx: Tx, scope: TenantScope, context: Context): Promise<void> {
      const extensionId = await deps.dao.firstExtensionId(tx, scope, context.id);
      if (extensionId !== null) {
        throw resourceAssociated('Context', 'Extension', {
          context_id: context.id,
          extension_id: extensionId,
        });
      }
      // Wazo deletes a context's lines with it; refusing keeps lines from vanishing without events.
      const lineId = await deps.dao.firstLineId(tx, scope, context.id);
      if (lineId !== null) {
        throw resourceAssociated('Context', 'Line', { context_id: context.id, line_id: lineId });
      }
    },
  };
}

export type ContextsValidator = ReturnType<typeof createContextsValidator>;
