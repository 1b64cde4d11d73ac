/** The registrars' events: registrar_created/edited/deleted with the registrar as shown. */
import { registrarCreated, registrarDeleted, registrarEdited } from '@wazo-ts/bus';
import type { Tx } from '../db/unit-of-work.js';
import type { Registrar } from './registrars.model.js';

export function createRegistrarsNotifier() {
  return {
    created: (tx: Tx, registrar: Registrar) => tx.events.add(registrarCreated.build({ ...registrar })),
    edited: (tx: Tx, registrar: Registrar) => tx.events.add(registrarEdited.build({ ...registrar })),
    deleted: (tx: Tx, registrar: Registrar) => tx.events.add(registrarDeleted.build({ ...registrar })),
  };
}

export type RegistrarsNotifier = ReturnType<typeof createRegistrarsNotifier>;
