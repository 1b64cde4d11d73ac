/**
 * The daemon's logger: JSON lines to its own file, and to stdout (below error) / stderr (error and
 * above) when `log_stdout` is set, as Wazo splits them. Base fields `{daemon, pid}`; callers add
 * `{plugin}` or `{reqId}` with child loggers, which follow `setLevel` as long as they are created
 * without a level of their own (they read the level through the prototype chain).
 */
import pino, { type DestinationStream, type Logger, type StreamEntry } from 'pino';
import type { LogLevelName } from '../config/schema.js';
import { flushLoggerSync } from './crash.js';
import { fromPinoLevel, levelFromConfig, toPinoLevel } from './levels.js';
import { chownLogFile, closeLogFile, drain, type LogFileDestination, openLogFile } from './log-file.js';
import { secretRedaction } from './redact.js';
import { textDestination } from './text-format.js';

export interface DaemonLoggerConfig {
  debug: boolean;
  log_level: string;
  log_filename: string;
  log_stdout: boolean;
  /** `json` (pino's lines, the default) or `text` (Wazo's line format, text-format.ts). */
  log_format?: 'json' | 'text';
}

export interface CreateDaemonLoggerOptions {
  /** Short daemon name (`auth`); lines carry `daemon: 'wazo-auth'`. */
  daemon: string;
  config: DaemonLoggerConfig;
  /** Where lines below error go when `log_stdout` is set (tests inject a sink); fd 1 by default. */
  stdout?: DestinationStream;
  /** Where error and fatal lines go when `log_stdout` is set; fd 2 by default. */
  stderr?: DestinationStream;
}

export interface DaemonLogger {
  logger: Logger;
  /** The level in effect, in Wazo's words. */
  level(): LogLevelName;
  /** Changes the level of the logger and of every child logger, at runtime. */
  setLevel(level: string): void;
  /** `PATCH /config` debug flag: true logs at debug, false goes back to the configured `log_level`. */
  setDebug(enabled: boolean): void;
  /** Reopens the file at its path (SIGHUP after a logrotate move). */
  reopen(): void;
  /** Gives the file to the daemon's user, before the daemon drops root. */
  chownLogFile(owner: { uid: number; gid: number }): void;
  /** Writes out buffered lines synchronously (last words before `process.exit`). */
  flushSync(): void;
  /** Resolves once every line logged so far is in the file. */
  flush(): Promise<void>;
  /** Flushes, then closes the file; lines logged afterwards are dropped (never thrown). */
  close(): Promise<void>;
}

function consoleStreams(
  options: CreateDaemonLoggerOptions,
  format: (stream: DestinationStream) => DestinationStream,
): StreamEntry[] {
  const stdout = format(options.stdout ?? pino.destination({ fd: 1, sync: true }));
  const stderr = format(options.stderr ?? pino.destination({ fd: 2, sync: true }));
  // `dedupe` sends each line only to the highest matching stream: errors to stderr and not stdout.
  const split = pino.multistream(
    [
      { level: 'trace', stream: stdout },
      { level: 'error', stream: stderr },
    ],
    { dedupe: true },
  );
  return [{ level: 'trace', stream: split }];
}

/**
 * The file as the logger writes to it: once the daemon closed its log, lines are dropped instead
 * of thrown. Events can still arrive after the stop (a pool's idle client losing its server, a
 * late socket error), and a write to a closed SonicBoom throws, which would crash the process in
 * its last steps.
 */
function closableFile(file: LogFileDestination): { stream: DestinationStream; close(): void } {
  let open = true;
  const stream = {
    write: (line: string) => {
      if (open) file.write(line);
    },
    flushSync: () => {
      if (open) file.flushSync();
    },
  };
  return {
    stream,
    close: () => {
      open = false;
    },
  };
}

function buildLogger(options: CreateDaemonLoggerOptions, file: DestinationStream): Logger {
  // Formatted at the leaves: a multistream routes by the level pino hands it, not by the line.
  const format =
    options.config.log_format === 'text' ? textDestination : (stream: DestinationStream) => stream;
  const streams: StreamEntry[] = [{ level: 'trace', stream: format(file) }];
  if (options.config.log_stdout) streams.push(...consoleStreams(options, format));
  return pino(
    {
      level: toPinoLevel(levelFromConfig(options.config)),
      base: { daemon: `wazo-${options.daemon}`, pid: process.pid },
      redact: secretRedaction(),
    },
    // Level filtering happens in the logger; the streams take every line they are given.
    pino.multistream(streams),
  );
}

export function createDaemonLogger(options: CreateDaemonLoggerOptions): DaemonLogger {
  const { config } = options;
  const file = openLogFile(config.log_filename);
  const written = closableFile(file);
  const logger = buildLogger(options, written.stream);
  const setLevel = (level: string) => {
    logger.level = toPinoLevel(level);
  };
  return {
    logger,
    level: () => fromPinoLevel(logger.level),
    setLevel,
    setDebug: (enabled) => setLevel(levelFromConfig({ log_level: config.log_level, debug: enabled })),
    reopen: () => file.reopen(),
    chownLogFile: ({ uid, gid }) => chownLogFile(file, uid, gid),
    flushSync: () => flushLoggerSync(logger),
    flush: () => drain(file),
    close: async () => {
      await drain(file);
      written.close();
      await closeLogFile(file);
    },
  };
}
