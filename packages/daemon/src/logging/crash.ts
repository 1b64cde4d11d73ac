/**
 * Last words: an uncaught exception or unhandled rejection is logged at fatal with its stack and
 * written synchronously before the process exits with status 1, so the reason is in the log file
 * even though the asynchronous file writer never gets another turn of the event loop.
 */
import pino, { type Logger } from 'pino';

export interface CrashHandlerOptions {
  /** Replaces `process.exit` (tests). */
  exit?: (code: number) => void;
  /** How to flush before exiting; the logger's own destination by default (a DaemonLogger fits). */
  flushSync?: () => void;
}

interface SyncFlushable {
  flushSync?: () => void;
}

/** Writes out whatever the logger's destination still buffers; never throws. */
export function flushLoggerSync(logger: Logger): void {
  const stream = (logger as unknown as Record<symbol, SyncFlushable | undefined>)[pino.symbols.streamSym];
  try {
    stream?.flushSync?.();
  } catch {
    // A destination not opened yet cannot be flushed; nothing better can be done at exit.
  }
}

/** Installs the handlers; returns a function that removes them. */
export function installCrashHandlers(logger: Logger, options: CrashHandlerOptions = {}): () => void {
  const exit = options.exit ?? ((code: number) => process.exit(code));
  const flush = options.flushSync ?? (() => flushLoggerSync(logger));
  const onException = (err: Error) => {
    logger.fatal({ err }, `uncaught exception: ${err?.message ?? String(err)}`);
    flush();
    exit(1);
  };
  const onRejection = (reason: unknown) => {
    const err = reason instanceof Error ? reason : new Error(String(reason));
    logger.fatal({ err }, `unhandled rejection: ${err.message}`);
    flush();
    exit(1);
  };
  process.on('uncaughtException', onException);
  process.on('unhandledRejection', onRejection);
  return () => {
    process.off('uncaughtException', onException);
    process.off('unhandledRejection', onRejection);
  };
}
