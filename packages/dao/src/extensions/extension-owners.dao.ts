/** The conference and the parking lot each extension reaches (Wazo's extension `conference` and `parking_lot`). */
import type { Tx } from '../db/unit-of-work.js';

type Owner = { id: number; name: string | null };

export async function ownersOf(tx: Tx, extensionIds: readonly number[]) {
  const conferences = new Map<number, Owner>();
  const parkingLots = new Map<number, Owner>();
  if (extensionIds.length === 0) return { conferences, parkingLots };
  const ids = [...extensionIds];
  const conferenceRows = await tx.db
    .selectFrom('conference_extension as ce')
    .innerJoin('conference as c', 'c.id', 'ce.conference_id')
    .select(['ce.extension_id', 'c.id', 'c.name'])
    .where('ce.extension_id', 'in', ids)
    .execute();
  for (const { extension_id, ...owner } of conferenceRows) conferences.set(extension_id, owner);
  const lotRows = await tx.db
    .selectFrom('parking_lot_extension as pe')
    .innerJoin('parking_lot as p', 'p.id', 'pe.parking_lot_id')
    .select(['pe.extension_id', 'p.id', 'p.name'])
    .where('pe.extension_id', 'in', ids)
    .execute();
  for (const { extension_id, ...owner } of lotRows) parkingLots.set(extension_id, owner);
  return { conferences, parkingLots };
}
