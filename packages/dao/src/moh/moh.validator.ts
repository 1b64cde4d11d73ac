/** Checks on music on hold classes, worded as wazo-confd words them: a custom class has an application. */
import { inputError } from '../errors.js';
import type { MohRow } from './moh.model.js';

export function createMohValidator() {
  return {
    /** The class as it is about to be written. */
    validate(moh: Pick<MohRow, 'mode' | 'application'>): void {
      if (moh.mode === 'custom' && moh.application === null)
        throw inputError('custom mode must have an application');
    },
  };
}

export type MohValidator = ReturnType<typeof createMohValidator>;
