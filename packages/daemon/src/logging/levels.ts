/**
 * Wazo's level names (Python logging's) and pino's differ; configs and `PATCH /config` speak
 * Wazo's, pino speaks its own. This is the one place that translates.
 */
import type { Level } from 'pino';
import { LOG_LEVELS, type LogLevelName } from '../config/schema.js';

const toPino: Record<LogLevelName, Level> = {
  critical: 'fatal',
  error: 'error',
  warning: 'warn',
  info: 'info',
  debug: 'debug',
};

// pino's `trace` has no Wazo name: it reads back as debug, the closest Wazo knows.
const fromPino: Record<string, LogLevelName> = {
  fatal: 'critical',
  error: 'error',
  warn: 'warning',
  info: 'info',
  debug: 'debug',
  trace: 'debug',
};

/** Parses a Wazo level name in any case (Wazo accepts `INFO` as well as `info`). */
export function parseLogLevel(name: string): LogLevelName {
  const lower = name.toLowerCase();
  if ((LOG_LEVELS as readonly string[]).includes(lower)) return lower as LogLevelName;
  throw new Error(`unknown log level "${name}" (expected one of ${LOG_LEVELS.join(', ')})`);
}

export function toPinoLevel(name: string): Level {
  return toPino[parseLogLevel(name)];
}

export function fromPinoLevel(level: string): LogLevelName {
  return fromPino[level] ?? 'info';
}

/** The effective level: `debug: true` wins over `log_level`, as in Wazo. */
export function levelFromConfig(config: { debug?: boolean; log_level?: string }): LogLevelName {
  if (config.debug) return 'debug';
  return parseLogLevel(config.log_level ?? 'info');
}
