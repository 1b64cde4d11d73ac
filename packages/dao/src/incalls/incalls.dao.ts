/**
 * SQL of the incalls: `incall`, with each incall's destination (`incall_destination`), extension
 * (`incall_extension`, the extension's number and context joined) and schedule
 * (`incall_schedule`) read with it. Lists read a view of the incall with its extension's number
 * (`exten`) and the user its destination rings (`user_id`), as Wazo's search has both.
 */
import { inTenants } from '@wazo-ts/db';
import { sql } from 'kysely';
import type { Tx } from '../db/unit-of-work.js';
import type { Destination } from '../schedules/destination.js';
import { nameDestinations } from '../schedules/destination-names.js';
import { runSearch, type SearchConfig } from '../search/apply.js';
import type { SearchParams, SearchResult, TenantScope } from '../search/search.js';
import type { Incall, IncallFields, IncallRow, IncallScheduleSummary } from './incalls.model.js';
import { extensionsOf } from './incalls.relations.js';

/** Wazo's incall search: its texts and its extension's number; sorted by that number. */
export const incallSearchConfig: SearchConfig = {
  columns: {
    preprocess_subroutine: 'incall_view.preprocess_subroutine',
    greeting_sound: 'incall_view.greeting_sound',
    description: 'incall_view.description',
    exten: 'incall_view.exten',
    user_id: 'incall_view.user_id',
  },
  search: ['preprocess_subroutine', 'greeting_sound', 'description', 'exten'],
  defaultSort: 'exten',
  key: 'incall_view.id',
};

/** Wazo shows an incall whose destination row is gone (its target deleted) as `none`. */
const NONE: Destination = { type: 'none' };

/** The incalls of the scope, each with its extension's number and its destination's user. */
function view(tx: Tx, scope: TenantScope) {
  const rows = tx.db
    .selectFrom('incall')
    .leftJoin('incall_extension as ie', 'ie.incall_id', 'incall.id')
    .leftJoin('extension as e', 'e.id', 'ie.extension_id')
    .leftJoin('incall_destination as d', 'd.incall_id', 'incall.id')
    .selectAll('incall')
    .select('e.exten')
    .select(
      sql<number | null>`CASE WHEN d.destination ->> 'type' = 'user'
        THEN (d.destination ->> 'user_id')::integer END`.as('user_id'),
    )
    .where(inTenants('incall.tenant_uuid', scope.tenantUuids));
  return tx.db.selectFrom(rows.as('incall_view')).selectAll('incall_view');
}

function push<T>(map: Map<number, T[]>, key: number, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** The destinations, extensions and schedules of each incall of `rows`. */
async function withRelations(tx: Tx, rows: IncallFields[]): Promise<Incall[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((row) => row.id);
  const destinationRows = await tx.db
    .selectFrom('incall_destination')
    .select(['incall_id', 'destination'])
    .where('incall_id', 'in', ids)
    .execute();
  const stored = new Map(destinationRows.map((row) => [row.incall_id, row.destination]));
  const destinations = await nameDestinations(
    tx,
    ids.map((id) => stored.get(id) ?? NONE),
  );
  const extensions = await extensionsOf(tx, ids);
  const schedules = new Map<number, IncallScheduleSummary[]>();
  const scheduleRows = await tx.db
    .selectFrom('incall_schedule as s')
    .innerJoin('schedules', 'schedules.id', 's.schedule_id')
    .select(['s.incall_id', 'schedules.id', 'schedules.name'])
    .where('s.incall_id', 'in', ids)
    .execute();
  for (const { incall_id, ...schedule } of scheduleRows) push(schedules, incall_id, schedule);
  return rows.map((row, i) => ({
    id: row.id,
    tenant_uuid: row.tenant_uuid,
    preprocess_subroutine: row.preprocess_subroutine,
    greeting_sound: row.greeting_sound,
    caller_id_mode: row.caller_id_mode,
    caller_id_name: row.caller_id_name,
    description: row.description,
    destination: destinations[i]!,
    extensions: extensions.get(row.id) ?? [],
    schedules: schedules.get(row.id) ?? [],
  }));
}

const one = async (tx: Tx, row: IncallFields | undefined) =>
  row ? (await withRelations(tx, [row]))[0]! : null;

async function writeDestination(tx: Tx, incallId: number, destination: Destination): Promise<void> {
  await tx.db
    .insertInto('incall_destination')
    .values({ incall_id: incallId, destination: JSON.stringify(destination) })
    .onConflict((conflict) =>
      conflict.column('incall_id').doUpdateSet((eb) => ({ destination: eb.ref('excluded.destination') })),
    )
    .execute();
}

export function createIncallsDao() {
  return {
    async create(tx: Tx, row: IncallRow, destination: Destination): Promise<Incall> {
      const created = await tx.db.insertInto('incall').values(row).returningAll().executeTakeFirstOrThrow();
      await writeDestination(tx, created.id, destination);
      return (await one(tx, created))!;
    },
    async find(tx: Tx, scope: TenantScope, id: number): Promise<Incall | null> {
      const row = await tx.db
        .selectFrom('incall')
        .selectAll()
        .where('id', '=', id)
        .where(inTenants('tenant_uuid', scope.tenantUuids))
        .executeTakeFirst();
      return one(tx, row);
    },
    async search(tx: Tx, scope: TenantScope, params: SearchParams): Promise<SearchResult<Incall>> {
      const page = await runSearch(view(tx, scope), incallSearchConfig, params);
      return { total: page.total, items: await withRelations(tx, page.items) };
    },
    /** Replaces the fields (and the destination, when given) of `id`, already found in scope. */
    async update(tx: Tx, id: number, row: IncallRow, destination: Destination | undefined): Promise<Incall> {
      const { tenant_uuid: _tenant, ...columns } = row;
      const updated = await tx.db
        .updateTable('incall')
        .set(columns)
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow();
      if (destination) await writeDestination(tx, id, destination);
      return (await one(tx, updated))!;
    },
    /** Deletes `id`: its destination, extension link (the extension is freed) and schedule link go. */
    async delete(tx: Tx, id: number): Promise<void> {
      await tx.db.deleteFrom('incall').where('id', '=', id).execute();
    },
    /** The extension of the incall, or null. */
    async extensionOf(tx: Tx, incallId: number): Promise<number | null> {
      const row = await tx.db
        .selectFrom('incall_extension')
        .select('extension_id')
        .where('incall_id', '=', incallId)
        .executeTakeFirst();
      return row?.extension_id ?? null;
    },
    /** The incall the extension routes, or null. */
    async incallOf(tx: Tx, extensionId: number): Promise<number | null> {
      const row = await tx.db
        .selectFrom('incall_extension')
        .select('incall_id')
        .where('extension_id', '=', extensionId)
        .executeTakeFirst();
      return row?.incall_id ?? null;
    },
    async associateExtension(tx: Tx, incallId: number, extensionId: number): Promise<void> {
      await tx.db
        .insertInto('incall_extension')
        .values({ incall_id: incallId, extension_id: extensionId })
        .execute();
    },
    async dissociateExtension(tx: Tx, incallId: number, extensionId: number): Promise<void> {
      await tx.db
        .deleteFrom('incall_extension')
        .where('incall_id', '=', incallId)
        .where('extension_id', '=', extensionId)
        .execute();
    },
  };
}

export type IncallsDao = ReturnType<typeof createIncallsDao>;
