/** The sound categories' events, tenant-wide: sound_created/deleted {name}. */
import { soundCreated, soundDeleted } from '@wazo-ts/bus';
import type { Tx } from '../db/unit-of-work.js';

export function createSoundsNotifier() {
  return {
    created(tx: Tx, tenantUuid: string, name: string): void {
      tx.events.add(soundCreated.build({ name }, { tenantUuid }));
    },
    deleted(tx: Tx, tenantUuid: string, name: string): void {
      tx.events.add(soundDeleted.build({ name }, { tenantUuid }));
    },
  };
}

export type SoundsNotifier = ReturnType<typeof createSoundsNotifier>;
