/**
 * Files confd keeps under its data folder (music on hold classes' files, sounds): safe names
 * only, uploads streamed to a hidden temporary file in the target folder, checked, then renamed
 * over the old file (a reader never sees half a file), within a size limit.
 */
import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream, type ReadStream } from 'node:fs';
import { mkdir, readdir, rename, rm, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { type Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** A name a file may have here: not empty, no path separator or NUL, not hidden (nor `.`, `..`). */
export function isSafeFilename(name: string): boolean {
  return name.length > 0 && Buffer.byteLength(name) <= 255 && !name.startsWith('.') && !/[/\\\0]/.test(name);
}

/** A request body larger than allowed: Fastify's own 413, in the daemon's error shape. */
export function tooLarge(): Error {
  return Object.assign(new Error('Request body is too large'), {
    statusCode: 413,
    code: 'FST_ERR_CTP_BODY_TOO_LARGE',
  });
}

/** The names of the regular, visible files of `dir`, sorted; none when it does not exist. */
export async function listFiles(dir: string): Promise<string[]> {
  try {
    const entries = await readdir(dir, { withFileTypes: true });
    return entries
      .filter((entry) => entry.isFile() && !entry.name.startsWith('.'))
      .map((entry) => entry.name)
      .sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

/** Counts the bytes going through and fails past `max`. */
function limit(max: number): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      seen += chunk.length;
      if (seen > max) done(tooLarge());
      else done(null, chunk);
    },
  });
}

/**
 * Writes `body` as `dir/name`: streamed to a temporary file of `dir`, given to `check` (which may
 * throw to refuse it), then renamed over `name`. Nothing is left behind when it fails.
 */
export async function saveFile(
  dir: string,
  name: string,
  body: Readable,
  maxBytes: number,
  check?: (path: string) => Promise<void>,
): Promise<void> {
  await mkdir(dir, { recursive: true, mode: 0o775 });
  const temporary = join(dir, `.upload-${randomUUID()}`);
  try {
    await pipeline(body, limit(maxBytes), createWriteStream(temporary, { mode: 0o660 }));
    if (check) await check(temporary);
    await rename(temporary, join(dir, name));
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

/** A stream of `dir/name`, or null when there is no such regular file. */
export async function openFile(dir: string, name: string): Promise<ReadStream | null> {
  const path = join(dir, name);
  const found = await stat(path).catch(() => null);
  return found?.isFile() ? createReadStream(path) : null;
}

/** Removes `dir/name`; false when there was no such file. */
export async function removeFile(dir: string, name: string): Promise<boolean> {
  try {
    await unlink(join(dir, name));
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EISDIR' || code === 'EPERM') return false;
    throw error;
  }
}

/** Removes a folder and everything in it (nothing when it does not exist). */
export async function removeFolder(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}

/** `Content-Disposition` of a download, as Flask's `send_file(as_attachment=True)` writes it. */
export function attachment(name: string): string {
  return /^[\x20-\x7e]*$/.test(name) && !/["\\]/.test(name)
    ? `attachment; filename=${name}`
    : `attachment; filename*=UTF-8''${encodeURIComponent(name)}`;
}
