/**
 * The logging surface the database toolkit needs: the bus library's (a subset of pino's), so a daemon
 * passes its pino child logger and tests pass nothing. Library code never writes to the console.
 */
import type { BusLogger } from '@wazo-ts/bus';

export type DaoLogger = BusLogger;
export { silentLogger } from '@wazo-ts/bus';

/** Logger fields for an error, in pino's `err` convention. */
export function errorFields(err: unknown): { err: { message: string; name?: string; code?: string } } {
  if (err instanceof Error) {
    const code = (err as { code?: unknown }).code;
    return { err: { message: err.message, name: err.name, ...(typeof code === 'string' ? { code } : {}) } };
  }
  return { err: { message: String(err) } };
}
