/**
 * The one extension a conference or a parking lot may have (Wazo's extension of type
 * `conference` or `parking`), kept in an association table per owner kind: reading the owners'
 * extensions, finding who holds an extension, linking and unlinking. Every extension owner
 * table is checked so that an extension serves one resource at most.
 */
import { sql } from 'kysely';
import type { OwnedExtension } from '../conferences/conferences.model.js';
import type { Tx } from '../db/unit-of-work.js';

/** One kind of owner: its association table, the owner's column there and its Wazo names. */
export interface OwnerKind {
  table: 'conference_extension' | 'parking_lot_extension';
  column: 'conference_id' | 'parking_lot_id';
  /** Wazo's resource name (`Conference`) and the type an extension of it has (`conference`). */
  resource: string;
  type: string;
}

export const CONFERENCE_OWNER: OwnerKind = {
  table: 'conference_extension',
  column: 'conference_id',
  resource: 'Conference',
  type: 'conference',
};

export const PARKING_LOT_OWNER: OwnerKind = {
  table: 'parking_lot_extension',
  column: 'parking_lot_id',
  resource: 'ParkingLot',
  type: 'parking_lot',
};

/**
 * Association tables where an extension may already serve another resource, with the type
 * Wazo names in its refusal (its extension `type`: `parking` for a parking lot). Append a row
 * when a new owner kind stores its extensions.
 */
const OWNER_TABLES: readonly { table: string; column: string; type: string }[] = [
  { table: 'line_extension', column: 'line_id', type: 'line' },
  { table: 'group_extension', column: 'group_id', type: 'group' },
  { table: 'conference_extension', column: 'conference_id', type: 'conference' },
  { table: 'parking_lot_extension', column: 'parking_lot_id', type: 'parking' },
  { table: 'queue_extension', column: 'queue_id', type: 'queue' },
  { table: 'incall_extension', column: 'incall_id', type: 'incall' },
  { table: 'outcall_extension', column: 'outcall_id', type: 'outcall' },
];

/** The extension of each owner of `ids` (an empty list when it has none). */
export async function ownedExtensions(
  tx: Tx,
  kind: OwnerKind,
  ids: readonly number[],
): Promise<Map<number, OwnedExtension[]>> {
  const byOwner = new Map<number, OwnedExtension[]>(ids.map((id) => [id, []]));
  if (ids.length === 0) return byOwner;
  const { rows } = await sql<{ owner_id: number } & OwnedExtension>`
    SELECT a.${sql.ref(kind.column)} AS owner_id, e.id, e.exten, c.name AS context
    FROM ${sql.table(kind.table)} a
    JOIN extension e ON e.id = a.extension_id
    JOIN context c ON c.id = e.context_id
    WHERE a.${sql.ref(kind.column)} IN (${sql.join(ids)})
    ORDER BY e.id`.execute(tx.db);
  for (const { owner_id, ...extension } of rows) byOwner.get(owner_id)?.push(extension);
  return byOwner;
}

export function createOwnerExtensionsDao(kind: OwnerKind) {
  return {
    /** The owner's extension id, or null. */
    async extensionOf(tx: Tx, ownerId: number): Promise<number | null> {
      const { rows } = await sql<{ extension_id: number }>`
        SELECT extension_id FROM ${sql.table(kind.table)} WHERE ${sql.ref(kind.column)} = ${ownerId}`.execute(
        tx.db,
      );
      return rows[0]?.extension_id ?? null;
    },

    /** Who already uses the extension, of any owner kind: `{table, type, id}` or null. */
    async holderOf(tx: Tx, extensionId: number): Promise<{ table: string; type: string; id: number } | null> {
      for (const owner of OWNER_TABLES) {
        const { rows } = await sql<{ id: number }>`
          SELECT ${sql.ref(owner.column)} AS id FROM ${sql.table(owner.table)}
          WHERE extension_id = ${extensionId} ORDER BY 1 LIMIT 1`.execute(tx.db);
        if (rows[0]) return { table: owner.table, type: owner.type, id: rows[0].id };
      }
      return null;
    },

    async associate(tx: Tx, ownerId: number, extensionId: number): Promise<void> {
      await sql`
        INSERT INTO ${sql.table(kind.table)} (${sql.ref(kind.column)}, extension_id)
        VALUES (${ownerId}, ${extensionId})`.execute(tx.db);
    },

    async dissociate(tx: Tx, ownerId: number, extensionId: number): Promise<void> {
      await sql`
        DELETE FROM ${sql.table(kind.table)}
        WHERE ${sql.ref(kind.column)} = ${ownerId} AND extension_id = ${extensionId}`.execute(tx.db);
    },
  };
}

export type OwnerExtensionsDao = ReturnType<typeof createOwnerExtensionsDao>;
