/**
 * A conference's extension, beyond the checks of every extension owner: its number is within
 * the context's conference room ranges (a pattern passes), as Wazo's conference_extension.
 */
import type { Context } from '../contexts/contexts.model.js';
import { extenInRanges } from '../contexts/contexts.model.js';
import type { Tx } from '../db/unit-of-work.js';
import type { Extension } from '../extensions/extensions.model.js';
import { isPattern } from '../extensions/extensions.model.js';
import { outsideRange } from '../extensions/extensions.validator.js';

export async function validateConferenceExtension(
  _tx: Tx,
  _conference: unknown,
  extension: Extension,
  context: Context,
): Promise<void> {
  if (!isPattern(extension.exten) && !extenInRanges(extension.exten, context.conference_room_ranges)) {
    throw outsideRange(extension.exten, extension.context);
  }
}
