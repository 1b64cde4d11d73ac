/**
 * The Service API's unit of work: @wazo-ts/db's, on the Service API's schema, with PostgreSQL's
 * refusals translated into confd's 400s (database-errors.ts). Daos, notifiers and services name
 * these types; only the wiring (service-api.ts) and the tests create one.
 */
import {
  createUnitOfWork as createToolkitUnitOfWork,
  type Tx as ToolkitTx,
  type UnitOfWork as ToolkitUnitOfWork,
  type UnitOfWorkOptions as ToolkitUnitOfWorkOptions,
} from '@wazo-ts/db';
import type { Database } from './database.js';
import { translateDatabaseError } from './database-errors.js';

export type { EventSink } from '@wazo-ts/db';

export type Tx = ToolkitTx<Database>;
export type UnitOfWork = ToolkitUnitOfWork<Database>;
export type UnitOfWorkOptions = Omit<ToolkitUnitOfWorkOptions<Database>, 'translateError'>;

export function createUnitOfWork(options: UnitOfWorkOptions): UnitOfWork {
  return createToolkitUnitOfWork({ ...options, translateError: translateDatabaseError });
}
