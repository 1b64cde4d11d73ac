/** A settings section's events, queued in the change's unit of work. */
import type { BusEvent } from '@wazo-ts/bus';
import type { Tx } from '../db/unit-of-work.js';

export function createSettingsNotifier() {
  return {
    edited(tx: Tx, events: BusEvent[]): void {
      for (const event of events) tx.events.add(event);
    },
  };
}

export type SettingsNotifier = ReturnType<typeof createSettingsNotifier>;
