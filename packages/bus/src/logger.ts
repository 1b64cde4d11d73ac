/**
 * The logging surface the bus library needs: a subset of pino's, so a daemon passes its pino child
 * logger and tests pass nothing. Library code never writes to the console.
 */
export interface BusLogger {
  debug(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
  child(bindings: Record<string, unknown>): BusLogger;
}

const noop = (): void => {};

export const silentLogger: BusLogger = {
  debug: noop,
  info: noop,
  warn: noop,
  error: noop,
  child: () => silentLogger,
};

/** Logger fields for an error, in pino's `err` convention. */
export function errorFields(err: unknown): { err: { message: string; name?: string; stack?: string } } {
  if (err instanceof Error) return { err: { message: err.message, name: err.name, stack: err.stack } };
  return { err: { message: String(err) } };
}
