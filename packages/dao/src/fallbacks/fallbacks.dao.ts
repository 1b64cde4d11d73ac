/**
 * The fallbacks dao: one row per owner and event that has a destination, in the owner kind's
 * table (`user_fallback`, `group_fallback`). The owner was found in the caller's scope first.
 */
import { sql } from 'kysely';
import type { Tx } from '../db/unit-of-work.js';
import type { Destination } from '../schedules/destination.js';

/** Where an owner kind's fallbacks are stored. */
export interface FallbackTable {
  table: 'user_fallback' | 'group_fallback' | 'call_filter_fallback' | 'queue_fallback';
  ownerColumn: 'user_id' | 'group_id' | 'call_filter_id' | 'queue_id';
}

/**
 * Every table holding destinations as rows of their own (Wazo's dialactions), each row's
 * destination in a jsonb `destination` column. When a destination's target is deleted, its rows
 * here go with it, as Wazo's dialactions do (`dropDestinationsTo`). A resource whose table holds
 * destinations this way appends it here.
 */
export const DIALACTION_TABLES: readonly string[] = [
  'user_fallback',
  'group_fallback',
  'call_filter_fallback',
  'switchboard_fallback',
  'incall_destination',
  'queue_fallback',
  'queue_wait_destination',
  'ivr_dialaction',
  'ivr_choice_destination',
];

/**
 * Removes every row of DIALACTION_TABLES whose destination is `type` naming `id` by `field` (a
 * user, a group, a voicemail being deleted). How many went.
 */
export async function dropDestinationsTo(
  tx: Tx,
  type: string,
  field: string,
  id: number | string,
): Promise<number> {
  let removed = 0;
  for (const table of DIALACTION_TABLES) {
    const result = await sql`
      DELETE FROM ${sql.table(table)}
      WHERE destination ->> 'type' = ${type} AND destination ->> ${field} = ${String(id)}`.execute(tx.db);
    removed += Number(result.numAffectedRows ?? 0);
  }
  return removed;
}

export function createFallbacksDao() {
  return {
    /** The owner's destinations by event; events without a fallback are absent. */
    async read(tx: Tx, where: FallbackTable, ownerId: number): Promise<Map<string, Destination>> {
      const { rows } = await sql<{ event: string; destination: Destination }>`
        SELECT event, destination FROM ${sql.table(where.table)}
        WHERE ${sql.ref(where.ownerColumn)} = ${ownerId}`.execute(tx.db);
      return new Map(rows.map((row) => [row.event, row.destination]));
    },

    /** The owner's fallbacks become exactly `destinations`. */
    async replace(tx: Tx, where: FallbackTable, ownerId: number, destinations: Map<string, Destination>) {
      await sql`DELETE FROM ${sql.table(where.table)} WHERE ${sql.ref(where.ownerColumn)} = ${ownerId}`.execute(
        tx.db,
      );
      for (const [event, destination] of destinations) {
        await sql`
          INSERT INTO ${sql.table(where.table)} (${sql.ref(where.ownerColumn)}, event, destination)
          VALUES (${ownerId}, ${event}, ${JSON.stringify(destination)}::jsonb)`.execute(tx.db);
      }
    },

    /** Every destination row to a deleted target, of any table (see DIALACTION_TABLES). */
    removeDestinationsTo: dropDestinationsTo,

    /** Drops every fallback, of any owner, whose destination holds `match` (its target is deleted). */
    async dropMatching(tx: Tx, where: FallbackTable, match: Record<string, unknown>): Promise<void> {
      await sql`DELETE FROM ${sql.table(where.table)} WHERE destination @> ${JSON.stringify(match)}::jsonb`.execute(
        tx.db,
      );
    },
  };
}

export type FallbacksDao = ReturnType<typeof createFallbacksDao>;
