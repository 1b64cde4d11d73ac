/**
 * Checks on parking lots, worded as wazo-confd words them: the slots are digits and a range; a
 * lot with an extension keeps its slots clear of the context's extensions and of the other lots
 * of that context; its extension is no pattern (Wazo's parking_lot and parking_lot_extension).
 */
import type { Context } from '../contexts/contexts.model.js';
import type { Tx } from '../db/unit-of-work.js';
import { formatCriteria, inputError, resourceError, resourceExists } from '../errors.js';
import type { Extension } from '../extensions/extensions.model.js';
import { isPattern } from '../extensions/extensions.model.js';
import type { ParkingLotsDao } from './parking-lots.dao.js';
import { inSlotsRange, type ParkingLotFields } from './parking-lots.model.js';

type Lot = Pick<ParkingLotFields, 'id' | 'slots_start' | 'slots_end'>;

function extensionConflict(exten: string, context: string, parkingLotId: number) {
  const criteria = { exten, context, parking_lot_id: parkingLotId };
  return resourceError(
    `Extension is already used for a destination or parking slot (${formatCriteria(criteria)})`,
    criteria,
  );
}

export function createParkingLotsValidator({
  dao,
}: {
  dao: Pick<ParkingLotsDao, 'extensionsIn' | 'lotsIn'>;
}) {
  /** Wazo's `validate_parking_lot_slots_do_not_conflict`, in its order. */
  async function checkSlotsFree(tx: Tx, lot: Lot, context: string): Promise<void> {
    for (const extension of await dao.extensionsIn(tx, context)) {
      if (inSlotsRange(lot, extension.exten)) {
        throw resourceExists('Extension', { id: extension.id, exten: extension.exten, context });
      }
    }
    for (const sibling of await dao.lotsIn(tx, context)) {
      if (sibling.id === lot.id) continue;
      for (const [range, exten] of [
        [sibling, lot.slots_start],
        [sibling, lot.slots_end],
        [lot, sibling.slots_start],
        [lot, sibling.slots_end],
      ] as const) {
        if (inSlotsRange(range, exten)) throw extensionConflict(exten, context, sibling.id);
      }
    }
  }

  return {
    /** The slots as given: digits, start not after end (marshmallow's schema-level error). */
    checkSlots(lot: Pick<ParkingLotFields, 'slots_start' | 'slots_end'>): void {
      for (const field of ['slots_start', 'slots_end'] as const) {
        if (!/^[0-9]+$/.test(lot[field])) throw inputError(`${field}: ['Invalid input.']`, { field });
      }
      if (BigInt(lot.slots_start) > BigInt(lot.slots_end)) {
        throw inputError("_schema: ['It is not a valid range']", { field: '_schema' });
      }
    },

    /** An edited lot with an extension keeps its slots free in the extension's context. */
    async validateEdit(tx: Tx, lot: Lot, extensions: readonly { context: string }[]): Promise<void> {
      const [extension] = extensions;
      if (extension) await checkSlotsFree(tx, lot, extension.context);
    },

    /** The lot's extension: no pattern, and the lot's slots free in its context. */
    async validateExtension(tx: Tx, lot: Lot, extension: Extension, _context: Context): Promise<void> {
      if (isPattern(extension.exten)) {
        throw inputError(`exten '${extension.exten}' cannot be a pattern`, { exten: extension.exten });
      }
      await checkSlotsFree(tx, lot, extension.context);
    },
  };
}

export type ParkingLotsValidator = ReturnType<typeof createParkingLotsValidator>;
