/**
 * The Service API confd's routes and consumers use: every resource's service built once by
 * `createServiceApi` on one unit of work, so plugins share one set and tests build the same graph.
 */
import type { BusPublisher } from '@wazo-ts/bus';
import { createServiceApi, type Database } from '@wazo-ts/dao';
import type { Kysely } from 'kysely';

export function createConfdServices(db: Kysely<Database>, encoder: Pick<BusPublisher, 'encode'>) {
  return createServiceApi({ db, encoder });
}

export type ConfdServices = ReturnType<typeof createConfdServices>;
