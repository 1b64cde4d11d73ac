/**
 * The daemon's own log file, written through pino's SonicBoom destination (which can `reopen()`
 * the path after logrotate moved the file).
 */
import { once } from 'node:events';
import { chownSync } from 'node:fs';
import pino from 'pino';

/** Readable by the daemon's group (e.g. `adm` for log readers), never by others. */
export const LOG_FILE_MODE = 0o640;

export type LogFileDestination = ReturnType<typeof pino.destination>;

export function openLogFile(path: string): LogFileDestination {
  // Opening synchronously means the file descriptor exists from the first line on: a bad path
  // throws here, and a crash in the first milliseconds can still flush its last words.
  const destination = pino.destination({ dest: path, sync: true, mkdir: true, mode: LOG_FILE_MODE });
  // Writes then go asynchronous so request paths never wait on the disk. SonicBoom reads `sync`
  // on each write and reopen, which is what makes this switch work (checked by the tests).
  (destination as unknown as { sync: boolean }).sync = false;
  return destination;
}

/** Gives the file to the unprivileged user before privileges are dropped, so it can reopen it. */
export function chownLogFile(path: string, uid: number, gid: number): void {
  chownSync(path, uid, gid);
}

interface SonicBoomInternals {
  _opening?: boolean;
  _writing?: boolean;
  _len?: number;
  destroyed?: boolean;
}

/** Resolves once every line handed to the destination so far is written to the file. */
export async function drain(destination: LogFileDestination): Promise<void> {
  // SonicBoom's own `flush(cb)` returns at once when minLength is 0, before in-flight writes end,
  // so this watches its state instead. `once` rejects if the destination emits `error`.
  const state = destination as unknown as SonicBoomInternals;
  for (;;) {
    if (state.destroyed) return;
    if (state._opening) {
      await once(destination, 'ready');
      continue;
    }
    if (!state._writing && !state._len) return;
    await once(destination, 'drain');
  }
}

/** Ends the destination; resolves once its file descriptor is closed. */
export async function closeLogFile(destination: LogFileDestination): Promise<void> {
  if ((destination as unknown as SonicBoomInternals).destroyed) return;
  const closed = once(destination, 'close');
  destination.end();
  await closed;
}
