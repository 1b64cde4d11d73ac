/**
 * File operations root makes in the data folder without following links. Each one works in a
 * folder the daemons' user cannot write (root's), so what `lstat` sees cannot be swapped before
 * the next step; descriptors (`fchown`, `fchmod`) and `rename` do the rest, so a link or a hard
 * link left by that user is replaced, never followed.
 */
import { constants } from 'node:fs';
import { chmod, lchown, lstat, mkdir, open, rename, unlink } from 'node:fs/promises';

export interface Owner {
  uid: number;
  gid: number;
}

const { O_WRONLY, O_APPEND, O_CREAT, O_EXCL, O_NOFOLLOW, O_NONBLOCK } = constants;

/** What is at `path` without following a link (null when nothing is). */
export const lstatOrNull = (path: string) =>
  lstat(path).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw error;
  });

/** A folder (made when missing) given to `owner` with `mode`; a link in its place is refused. */
export async function ensureFolder(path: string, owner: Owner, mode: number): Promise<void> {
  await mkdir(path, { mode }).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'EEXIST') throw error;
  });
  const info = await lstat(path);
  if (info.isSymbolicLink())
    throw new Error(`${path} is a symbolic link: started as root the platform follows none; remove it`);
  if (!info.isDirectory()) throw new Error(`${path} should be a folder: remove it`);
  await lchown(path, owner.uid, owner.gid);
  await chmod(path, mode);
}

/**
 * A plain file at `path` (kept when it is one, made empty otherwise) given to `owner`: a link,
 * a hard link or anything else that is not a plain file with one name is removed first.
 */
export async function claimFile(path: string, owner: Owner, mode: number): Promise<void> {
  const info = await lstatOrNull(path);
  if (info?.isDirectory()) throw new Error(`${path} should be a file, not a folder: remove it`);
  if (info && (!info.isFile() || info.nlink !== 1)) await unlink(path);
  // O_NOFOLLOW and O_NONBLOCK (a FIFO fails instead of blocking) in case the folder is not root's.
  const handle = await open(path, O_WRONLY | O_APPEND | O_CREAT | O_NOFOLLOW | O_NONBLOCK, mode);
  try {
    const opened = await handle.stat();
    if (!opened.isFile() || opened.nlink !== 1) throw new Error(`${path} changed while it was prepared`);
    await handle.chown(owner.uid, owner.gid);
    await handle.chmod(mode);
  } finally {
    await handle.close();
  }
}

/**
 * Writes `text` as a new file that then replaces `path` (a link there is replaced, not followed),
 * owned by `owner` when given, with `mode` whatever the umask.
 */
export async function replaceFile(path: string, text: string, mode: number, owner?: Owner): Promise<void> {
  const temporary = `${path}.${process.pid}.new`;
  // A leftover of a start that died between open and rename.
  if (await lstatOrNull(temporary)) await unlink(temporary);
  const handle = await open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, mode);
  try {
    await handle.writeFile(text);
    if (owner) await handle.chown(owner.uid, owner.gid);
    await handle.chmod(mode);
  } finally {
    await handle.close();
  }
  await rename(temporary, path);
}
