import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';

const root = mkdtempSync(join(tmpdir(), 'wazo-crash-'));
after(() => rmSync(root, { recursive: true, force: true }));
const entry = pathToFileURL(join(import.meta.dirname, 'index.ts')).href;

/** Runs a daemon-like process that crashes with `crash` after logging a few lines. */
function crashWith(crash: string, file: string) {
  const script = `
    import { createDaemonLogger, installCrashHandlers } from '${entry}';
    const log = createDaemonLogger({ daemon: 'test', config: {
      debug: false, log_level: 'info', log_filename: ${JSON.stringify(file)}, log_stdout: false } });
    installCrashHandlers(log.logger);
    for (let i = 0; i < 100; i++) log.logger.info('line ' + i);
    queueMicrotask(() => { ${crash} });
  `;
  return spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    encoding: 'utf8',
  });
}

function lastLine(file: string): { level: number; msg: string; err: { stack: string } } {
  const all = readFileSync(file, 'utf8').trim().split('\n');
  return JSON.parse(all.at(-1) ?? '{}');
}

describe('installCrashHandlers', () => {
  it('when an exception is not caught, then it is logged at fatal with its stack and the exit code is 1', () => {
    const file = join(root, 'exception.log');
    const result = crashWith("throw new Error('kaboom')", file);
    assert.equal(result.status, 1, result.stderr);
    const line = lastLine(file);
    assert.equal(line.level, 60);
    assert.match(line.msg, /uncaught exception: kaboom/);
    assert.match(line.err.stack, /Error: kaboom\n\s+at /);
    assert.equal(readFileSync(file, 'utf8').trim().split('\n').length, 101);
  });

  it('when a rejection is not handled, then it is logged at fatal and the exit code is 1', () => {
    const file = join(root, 'rejection.log');
    const result = crashWith("Promise.reject(new Error('nobody listens'))", file);
    assert.equal(result.status, 1, result.stderr);
    const line = lastLine(file);
    assert.equal(line.level, 60);
    assert.match(line.msg, /unhandled rejection: nobody listens/);
  });
});
