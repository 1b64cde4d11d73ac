export { applyConfigPatch } from './config-patch.js';
export { type CrashHandlerOptions, flushLoggerSync, installCrashHandlers } from './crash.js';
export { fromPinoLevel, levelFromConfig, parseLogLevel, toPinoLevel } from './levels.js';
export { chownLogFile, LOG_FILE_MODE } from './log-file.js';
export {
  type CreateDaemonLoggerOptions,
  createDaemonLogger,
  type DaemonLogger,
  type DaemonLoggerConfig,
} from './logger.js';
export { HIDDEN, maskAuthorization, maskToken, maskUrl, secretRedaction } from './redact.js';
