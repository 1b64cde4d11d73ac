/** A CSV row's failure in Wazo's shape, and the refusal that rolls an import back with them. */
import { isWazoError, type WazoError } from '@wazo-ts/errors';
import type { CsvRow } from './csv-rows.js';

export interface RowError {
  message: string;
  /** Seconds since the epoch, an integer as Wazo's `int(time.time())`. */
  timestamp: number;
  details: { row: Record<string, string>; row_number: number };
}

/** Thrown inside the transaction to roll it back with the rows' errors. */
export class RowsRefused extends Error {
  constructor(readonly errors: RowError[]) {
    super('users import refused');
  }
}

/** Failures that are the row's fault (bad value, unknown reference, conflict), not the server's. */
const ROW_FAULTS = new Set(['invalid-data', 'not-found', 'conflict']);
export const isRowFault = (error: unknown): error is WazoError =>
  isWazoError(error) && ROW_FAULTS.has(error.code);

/** `now` in milliseconds since the epoch. */
export const rowErrorOf =
  (now: () => number) =>
  (row: CsvRow, error: WazoError): RowError => ({
    message: error.message,
    timestamp: Math.floor(now() / 1000),
    details: { row: { ...row.fields }, row_number: row.number },
  });
