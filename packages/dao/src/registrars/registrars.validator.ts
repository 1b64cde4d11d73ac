/** Checks on registrars: an id chosen at creation must be free. */
import type { Tx } from '../db/unit-of-work.js';
import { resourceExists } from '../errors.js';
import type { RegistrarsDao } from './registrars.dao.js';

export function createRegistrarsValidator({ dao }: { dao: RegistrarsDao }) {
  return {
    async validateCreate(tx: Tx, id: string): Promise<void> {
      if (await dao.get(tx, id)) throw resourceExists('Registrar', { id });
    },
  };
}

export type RegistrarsValidator = ReturnType<typeof createRegistrarsValidator>;
