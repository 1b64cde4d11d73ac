/**
 * Checks on extensions, in wazo-confd's order: the context exists in the caller's tenants, exten
 * and context are free together, the exten fits the context type's pattern; on edit also that the
 * owners still fit (a line's extension stays in an internal context, within its user ranges) and
 * that the tenant does not change; on delete, that no line owns it.
 */
import { InvalidDataError } from '@wazo-ts/errors';
import type { Context } from '../contexts/contexts.model.js';
import { extenInRanges } from '../contexts/contexts.model.js';
import type { Tx } from '../db/unit-of-work.js';
import {
  type Criteria,
  formatCriteria,
  inputError,
  referenceNotFound,
  resourceAssociated,
  resourceError,
  resourceExists,
} from '../errors.js';
import type { ExtensionsDao } from './extensions.dao.js';
import {
  EXTEN_OUTCALL_REGEX,
  EXTEN_REGEX,
  type Extension,
  type ExtensionCreate,
  isPattern,
} from './extensions.model.js';

/** Wazo raises this one without the `Input Error - ` prefix; clients match it as is. */
function patternMismatch() {
  return new InvalidDataError("exten: ['String does not match expected pattern.']", {
    errorId: 'invalid-data',
    details: { field: 'exten' },
  });
}

export function outsideRange(exten: string, context: string) {
  return inputError(`Extension '${exten}' is outside of range for context '${context}'`, { exten, context });
}

const withMeta = (text: string, criteria: Criteria) =>
  Object.keys(criteria).length > 0 ? `${text} (${formatCriteria(criteria)})` : text;

export function unhandledContextType(type: string, criteria: Criteria = {}) {
  return resourceError(withMeta(`ContextType '${type}' cannot be associated`, criteria), criteria);
}

/** `Resource Error - different tenants ('user_tenant_uuid': ..., 'line_tenant_uuid': ...)`. */
export function differentTenants(criteria: Criteria) {
  return resourceError(withMeta('different tenants', criteria), criteria);
}

function checkContext(name: string, context: Context | null): asserts context is Context {
  if (!context) throw referenceNotFound('context', 'Context', { context: name });
}

/** Wazo's `in_slots_range`: digits not starting with 0, between the lot's slots. */
function inSlots(lot: { slots_start: string; slots_end: string }, exten: string): boolean {
  if (!/^[0-9]+$/.test(exten) || exten.startsWith('0')) return false;
  return BigInt(lot.slots_start) <= BigInt(exten) && BigInt(exten) <= BigInt(lot.slots_end);
}

/** The parking lots of a context (the parking lots resource's lookup). */
export type ParkingLotsIn = (
  tx: Tx,
  context: string,
) => Promise<{ id: number; slots_start: string; slots_end: string }[]>;

/** An exten (not a pattern) inside a parking lot's slots of its context is taken by the lot. */
async function checkParkingSlots(
  tx: Tx,
  parkingLotsIn: ParkingLotsIn | undefined,
  exten: string,
  context: string,
): Promise<void> {
  if (isPattern(exten) || !parkingLotsIn) return;
  for (const lot of await parkingLotsIn(tx, context)) {
    if (inSlots(lot, exten))
      throw resourceExists('ParkingLot', {
        id: lot.id,
        slots_start: lot.slots_start,
        slots_end: lot.slots_end,
      });
  }
}

/** A conference's or a parking lot's extension stays internal; a conference's, within its ranges. */
function checkOwners(edited: Extension, context: Context): void {
  if ((edited.conference || edited.parking_lot) && context.type !== 'internal') {
    throw unhandledContextType(context.type);
  }
  if (
    edited.conference &&
    !isPattern(edited.exten) &&
    !extenInRanges(edited.exten, context.conference_room_ranges)
  ) {
    throw outsideRange(edited.exten, edited.context);
  }
}

/** An extension serving a conference or a parking lot serves nothing else (Wazo's extension type). */
export function checkNotConferenceOrLot(
  extension: Pick<Extension, 'id' | 'conference' | 'parking_lot'>,
): void {
  for (const [owner, type] of [
    ['conference', 'conference'],
    ['parking_lot', 'parking'],
  ] as const) {
    const held = extension[owner];
    if (held)
      throw resourceAssociated('Extension', type, { extension_id: extension.id, associated_id: held.id });
  }
}

function checkPattern(exten: string, context: Context): void {
  const regex = context.type === 'outcall' ? EXTEN_OUTCALL_REGEX : EXTEN_REGEX;
  if (!regex.test(exten)) throw patternMismatch();
}

/** `parkingLotsIn`: without it (unit tests) no parking slot is checked. */
export function createExtensionsValidator(deps: { dao: ExtensionsDao; parkingLotsIn?: ParkingLotsIn }) {
  async function checkFree(tx: Tx, exten: string, context: Context, selfId?: number): Promise<void> {
    const existing = await deps.dao.findIdByExten(tx, exten, context.id);
    if (existing !== null && existing !== selfId) {
      throw resourceExists('Extension', { exten, context: context.name });
    }
  }

  return {
    async validateCreate(tx: Tx, input: ExtensionCreate, context: Context | null): Promise<void> {
      checkContext(input.context, context);
      await checkFree(tx, input.exten, context);
      await checkParkingSlots(tx, deps.parkingLotsIn, input.exten, context.name);
      checkPattern(input.exten, context);
    },

    /** `edited` is the extension as it would be; `current` its tenant and context before. */
    async validateEdit(
      tx: Tx,
      current: Extension,
      edited: Extension,
      context: Context | null,
    ): Promise<void> {
      checkContext(edited.context, context);
      await checkFree(tx, edited.exten, context, edited.id);
      await checkParkingSlots(tx, deps.parkingLotsIn, edited.exten, context.name);
      checkOwners(edited, context);
      if (edited.lines.length > 0) {
        if (context.type !== 'internal') throw unhandledContextType(context.type);
        if (!isPattern(edited.exten) && !extenInRanges(edited.exten, context.user_ranges)) {
          throw outsideRange(edited.exten, edited.context);
        }
      }
      if (edited.incall) {
        if (context.type !== 'incall') throw unhandledContextType(context.type);
        if (!isPattern(edited.exten) && !extenInRanges(edited.exten, context.incall_ranges)) {
          throw outsideRange(edited.exten, edited.context);
        }
      }
      if (edited.outcall && context.type !== 'outcall') throw unhandledContextType(context.type);
      checkPattern(edited.exten, context);
      if (current.tenant_uuid !== context.tenant_uuid) {
        throw differentTenants({
          current_tenant_uuid: current.tenant_uuid,
          context_tenant_uuid: context.tenant_uuid,
        });
      }
    },

    validateDelete(_tx: Tx, extension: Extension): void {
      for (const owner of ['conference', 'parking_lot'] as const) {
        const held = extension[owner];
        if (held) {
          throw resourceAssociated('Extension', owner, {
            extension_id: extension.id,
            associated_id: held.id,
          });
        }
      }
      if (extension.lines.length > 0) {
        throw resourceAssociated('Extension', 'line', {
          extension_id: extension.id,
          associated_ids: extension.lines.map((line) => line.id),
        });
      }
      if (extension.incall) {
        throw resourceAssociated('Extension', 'incall', {
          extension_id: extension.id,
          associated_id: extension.incall.id,
        });
      }
      if (extension.outcall) {
        throw resourceAssociated('Extension', 'outcall', {
          extension_id: extension.id,
          associated_id: extension.outcall.id,
        });
      }
    },
  };
}

export type ExtensionsValidator = ReturnType<typeof createExtensionsValidator>;
