import assert from 'node:assert/strict';
import {
  linkSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { createDaemonLogger } from './logger.js';

const root = mkdtempSync(join(tmpdir(), 'wazo-log-file-'));
after(() => rmSync(root, { recursive: true, force: true }));
const asRoot = process.getuid?.() === 0;
let counter = 0;

/** A file outside the log folder that a planted link points at. */
function target(): { folder: string; file: string } {
  counter += 1;
  const folder = join(root, `case-${counter}`);
  mkdirSync(join(folder, 'log'), { recursive: true });
  const file = join(folder, 'precious.conf');
  writeFileSync(file, 'precious\n', { mode: 0o600 });
  return { folder, file };
}

const loggerAt = (path: string) =>
  createDaemonLogger({
    daemon: 'test',
    config: { debug: false, log_level: 'info', log_filename: path, log_stdout: false },
  });

describe('the log file', () => {
  it('when the log path is a symbolic link, then the logger refuses it and the target is untouched', () => {
    const { folder, file } = target();
    const path = join(folder, 'log', 'wazo-test.log');
    symlinkSync(file, path);
    assert.throws(() => loggerAt(path), /wazo-test\.log is a symbolic link: it is not followed; remove it/);
    assert.equal(readFileSync(file, 'utf8'), 'precious\n');
  });

  it('when the log path is a hard link to another file, then the logger refuses it and the file is untouched', () => {
    const { folder, file } = target();
    const path = join(folder, 'log', 'wazo-test.log');
    linkSync(file, path);
    assert.throws(() => loggerAt(path), /not a plain file with one name/);
    assert.equal(readFileSync(file, 'utf8'), 'precious\n');
  });

  it('when handed to another user, then the open file changes owner, not what the path names later', {
    skip: asRoot ? false : 'needs root to change owners',
  }, async () => {
    const { folder, file } = target();
    const path = join(folder, 'log', 'wazo-test.log');
    const log = loggerAt(path);
    // The path now names something else: the owner change must still reach the opened file.
    rmSync(path);
    symlinkSync(file, path);
    log.chownLogFile({ uid: 65534, gid: 65534 });
    await log.close();
    assert.equal(statSync(file).uid, 0);
    assert.equal(readFileSync(file, 'utf8'), 'precious\n');
  });
});
