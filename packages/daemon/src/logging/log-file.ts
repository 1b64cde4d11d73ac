/**
 * The daemon's own log file, written through pino's SonicBoom destination (which can `reopen()`
 * the path after logrotate moved the file).
 */
import { once } from 'node:events';
import { closeSync, constants, fchownSync, fstatSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import pino from 'pino';

/** Readable by the daemon's group (e.g. `adm` for log readers), never by others. */
export const LOG_FILE_MODE = 0o640;

export type LogFileDestination = ReturnType<typeof pino.destination>;

/**
 * Opens the file without following a link and refuses a hard-linked one: a daemon started as root
 * opens its log before dropping privileges, and a link planted by a less trusted user in the log
 * folder would otherwise make root append to (and then hand over) a file of its choosing.
 */
function openPlainFile(path: string): number {
  mkdirSync(dirname(path), { recursive: true });
  const { O_WRONLY, O_APPEND, O_CREAT, O_NOFOLLOW, O_NONBLOCK } = constants;
  let fd: number;
  try {
    // O_NONBLOCK: a FIFO in its place fails at once (ENXIO) instead of blocking the start.
    fd = openSync(path, O_WRONLY | O_APPEND | O_CREAT | O_NOFOLLOW | O_NONBLOCK, LOG_FILE_MODE);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ELOOP') throw error;
    throw new Error(`log file ${path} is a symbolic link: it is not followed; remove it`, { cause: error });
  }
  const info = fstatSync(fd);
  if (!info.isFile() || info.nlink !== 1) {
    closeSync(fd);
    throw new Error(`log file ${path} is not a plain file with one name (a hard link?): remove it`);
  }
  return fd;
}

export function openLogFile(path: string): LogFileDestination {
  // Opening synchronously means the file descriptor exists from the first line on: a bad path
  // throws here, and a crash in the first milliseconds can still flush its last words.
  const destination = pino.destination({
    dest: openPlainFile(path),
    sync: true,
    mkdir: true,
    mode: LOG_FILE_MODE,
  });
  // SonicBoom given a descriptor has no path to reopen after logrotate: it gets the path here.
  (destination as unknown as { file: string }).file = path;
  // Writes then go asynchronous so request paths never wait on the disk. SonicBoom reads `sync`
  // on each write and reopen, which is what makes this switch work (checked by the tests).
  (destination as unknown as { sync: boolean }).sync = false;
  return destination;
}

/**
 * Gives the open file to the unprivileged user before privileges are dropped, so it can reopen
 * it: by descriptor, never by path, so it is the file written to that changes owner.
 */
export function chownLogFile(destination: LogFileDestination, uid: number, gid: number): void {
  fchownSync((destination as unknown as { fd: number }).fd, uid, gid);
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
