/**
 * SQL of the IVRs: `ivr`, with each IVR's destinations (`ivr_dialaction`) and choices
 * (`ivr_choice` and `ivr_choice_destination`) read with it and replaced as a whole on write.
 */

import { inTenants } from '@wazo-ts/db';
import { deleteInScope, updateInScope } from '../db/scoped-write.js';
import type { Tx } from '../db/unit-of-work.js';
import { dropDestinationsTo } from '../fallbacks/fallbacks.dao.js';
import { incallsRoutingTo } from '../incalls/incalls.relations.js';
import type { Destination } from '../schedules/destination.js';
import { nameDestinations } from '../schedules/destination-names.js';
import { runSearch, type SearchConfig } from '../search/apply.js';
import type { SearchParams, SearchResult, TenantScope } from '../search/search.js';
import {
  IVR_EVENTS,
  type Ivr,
  type IvrChoice,
  type IvrEvent,
  type IvrFields,
  type IvrWrite,
} from './ivr.model.js';

/**
 * Wazo's IVR search: id, name, description; sorted by id. Wazo also searches the `exten` of the
 * incoming calls reaching the IVR, which wazo-ts does not have yet.
 */
export const ivrSearchConfig: SearchConfig = {
  columns: { id: 'ivr.id', name: 'ivr.name', description: 'ivr.description' },
  search: ['id', 'name', 'description'],
  defaultSort: 'id',
  key: 'ivr.id',
};

function scoped(tx: Tx, scope: TenantScope) {
  return tx.db.selectFrom('ivr').selectAll('ivr').where(inTenants('ivr.tenant_uuid', scope.tenantUuids));
}

/** The destinations and choices of each IVR of `rows`, their targets named. */
async function withRelations(tx: Tx, rows: IvrFields[]): Promise<Ivr[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((row) => row.id);
  const dialactions = await tx.db
    .selectFrom('ivr_dialaction')
    .select(['ivr_id', 'event', 'destination'])
    .where('ivr_id', 'in', ids)
    .execute();
  const choices = await tx.db
    .selectFrom('ivr_choice as c')
    .leftJoin('ivr_choice_destination as d', 'd.ivr_choice_id', 'c.id')
    .select(['c.ivr_id', 'c.exten', 'd.destination'])
    .where('c.ivr_id', 'in', ids)
    .orderBy('c.ivr_id')
    .orderBy('c.position')
    .execute();
  // One naming pass over every destination read.
  const all: Destination[] = [
    ...dialactions.map((d) => d.destination),
    ...choices.flatMap((c) => (c.destination ? [c.destination] : [])),
  ];
  const named = await nameDestinations(tx, all);
  const nameOf = new Map(all.map((destination, i) => [destination, named[i]!]));
  const incalls = await incallsRoutingTo(
    tx,
    'ivr',
    'ivr_id',
    rows.map((row) => row.id),
  );
  return rows.map((row) => {
    const own = dialactions.filter((d) => d.ivr_id === row.id);
    const destinationOf = (event: string) => {
      const found = own.find((d) => d.event === event);
      return found ? nameOf.get(found.destination)! : null;
    };
    const ivrChoices: IvrChoice[] = choices
      .filter((c) => c.ivr_id === row.id)
      .map((c) => ({ exten: c.exten, destination: c.destination ? nameOf.get(c.destination)! : null }));
    return {
      ...row,
      ...(Object.fromEntries(
        IVR_EVENTS.map((event) => [`${event}_destination`, destinationOf(event)]),
      ) as Pick<Ivr, 'invalid_destination' | 'timeout_destination' | 'abort_destination'>),
      choices: ivrChoices,
      incalls: incalls.get(String(row.id)) ?? [],
    };
  });
}

const one = async (tx: Tx, row: IvrFields | undefined) => (row ? (await withRelations(tx, [row]))[0]! : null);

/** The IVR's destinations of the events given, and its choices when given, become those of `write`. */
async function replaceRelations(tx: Tx, ivrId: number, write: IvrWrite): Promise<void> {
  for (const [event, destination] of Object.entries(write.destinations)) {
    await tx.db
      .deleteFrom('ivr_dialaction')
      .where('ivr_id', '=', ivrId)
      .where('event', '=', event as IvrEvent)
      .execute();
    if (destination)
      await tx.db
        .insertInto('ivr_dialaction')
        .values({ ivr_id: ivrId, event: event as IvrEvent, destination: JSON.stringify(destination) })
        .execute();
  }
  if (!write.choices) return;
  await tx.db.deleteFrom('ivr_choice').where('ivr_id', '=', ivrId).execute();
  for (const [position, choice] of write.choices.entries()) {
    const { id } = await tx.db
      .insertInto('ivr_choice')
      .values({ ivr_id: ivrId, exten: choice.exten, position })
      .returning('id')
      .executeTakeFirstOrThrow();
    await tx.db
      .insertInto('ivr_choice_destination')
      .values({ ivr_choice_id: id, destination: JSON.stringify(choice.destination) })
      .execute();
  }
}

export function createIvrDao() {
  return {
    /** Null when the row's tenant is outside the scope: nothing is written. */
    async create(tx: Tx, scope: TenantScope, write: IvrWrite): Promise<Ivr | null> {
      if (!scope.tenantUuids.includes(write.row.tenant_uuid)) return null;
      const row = await tx.db.insertInto('ivr').values(write.row).returningAll().executeTakeFirstOrThrow();
      await replaceRelations(tx, row.id, write);
      return one(tx, row);
    },

    async find(tx: Tx, scope: TenantScope, id: number): Promise<Ivr | null> {
      return one(tx, await scoped(tx, scope).where('ivr.id', '=', id).executeTakeFirst());
    },

    async search(tx: Tx, scope: TenantScope, params: SearchParams): Promise<SearchResult<Ivr>> {
      const page = await runSearch(scoped(tx, scope), ivrSearchConfig, params);
      return { total: page.total, items: await withRelations(tx, page.items) };
    },

    /** Replaces the IVR's fields, destinations and choices if it is in scope; null when it is not. */
    async update(tx: Tx, scope: TenantScope, id: number, write: IvrWrite): Promise<Ivr | null> {
      const { tenant_uuid: _tenant, ...columns } = write.row;
      const updated = await updateInScope(tx, 'ivr', scope, id, columns);
      if (!updated) return null;
      await replaceRelations(tx, id, write);
      return one(tx, updated);
    },

    /**
     * Deletes the IVR (its destinations and choices go with it) if in scope, and every destination
     * row sending calls to it, as Wazo's dialactions to an IVR go with it.
     */
    async delete(tx: Tx, scope: TenantScope, id: number): Promise<boolean> {
      if (!(await deleteInScope(tx, 'ivr', scope, id))) return false;
      await dropDestinationsTo(tx, 'ivr', 'ivr_id', id);
      return true;
    },
  };
}

export type IvrDao = ReturnType<typeof createIvrDao>;
