import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import type { DestinationStream } from 'pino';
import { createDaemonLogger, type DaemonLoggerConfig } from './logger.js';

const root = mkdtempSync(join(tmpdir(), 'wazo-log-'));
after(() => rmSync(root, { recursive: true, force: true }));
let counter = 0;

function config(overrides: Partial<DaemonLoggerConfig> = {}): DaemonLoggerConfig {
  counter += 1;
  return {
    debug: false,
    log_level: 'info',
    log_filename: join(root, `dir-${counter}`, 'wazo-test.log'),
    log_stdout: false,
    ...overrides,
  };
}

function lines(path: string): Record<string, unknown>[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

function messages(path: string): unknown[] {
  return lines(path).map((l) => l.msg);
}

function sink(): DestinationStream & { lines: string[] } {
  const collected: string[] = [];
  return { lines: collected, write: (line: string) => void collected.push(line) };
}

describe('createDaemonLogger', () => {
  it('when something logs after the log was closed, then the line is dropped and nothing throws', async () => {
    const cfg = config();
    const log = createDaemonLogger({ daemon: 'test', config: cfg });
    // A child with a level of its own does not follow the parent's level: only the stream can stop it.
    const late = log.logger.child({ component: 'database' }, { level: 'trace' });
    log.logger.info('before');
    await log.close();
    assert.doesNotThrow(() => late.warn('idle database connection lost'));
    assert.doesNotThrow(() => log.logger.error('after'));
    assert.doesNotThrow(() => log.flushSync());
    assert.deepEqual(messages(cfg.log_filename), ['before']);
  });

  it('when logging, then JSON lines with daemon and pid land in a 0640 file whose folder is created', async () => {
    const cfg = config();
    const log = createDaemonLogger({ daemon: 'test', config: cfg });
    log.logger.info({ answer: 42 }, 'hello');
    await log.close();
    const [line] = lines(cfg.log_filename);
    assert.equal(line?.daemon, 'wazo-test');
    assert.equal(line?.pid, process.pid);
    assert.equal(line?.answer, 42);
    assert.equal(line?.msg, 'hello');
    assert.equal(statSync(cfg.log_filename).mode & 0o777, 0o640);
  });

  it('when the file cannot be opened, then creating the logger throws at once', () => {
    const cfg = config();
    const blocker = join(root, `blocker-${counter}`);
    writeFileSync(blocker, '');
    assert.throws(
      () => createDaemonLogger({ daemon: 'test', config: { ...cfg, log_filename: join(blocker, 'x.log') } }),
      /ENOTDIR|EEXIST/,
    );
  });

  it('when the level is warning, then info lines are dropped; at debug they are kept', async () => {
    const warning = config({ log_level: 'WARNING' });
    const log = createDaemonLogger({ daemon: 'test', config: warning });
    log.logger.info('quiet');
    log.logger.warn('loud');
    await log.close();
    assert.deepEqual(messages(warning.log_filename), ['loud']);

    const debug = config({ log_level: 'warning', debug: true });
    const verbose = createDaemonLogger({ daemon: 'test', config: debug });
    assert.equal(verbose.level(), 'debug');
    verbose.logger.debug('detail');
    await verbose.close();
    assert.deepEqual(messages(debug.log_filename), ['detail']);
  });

  it('when the level changes at runtime, then existing child loggers follow it', async () => {
    const cfg = config();
    const log = createDaemonLogger({ daemon: 'test', config: cfg });
    const plugin = log.logger.child({ plugin: 'users' });
    const request = plugin.child({ reqId: 'r1' });
    request.debug('before');
    log.setDebug(true);
    assert.equal(log.level(), 'debug');
    request.debug('during');
    log.setDebug(false);
    assert.equal(log.level(), 'info');
    request.debug('after');
    log.setLevel('critical');
    plugin.error('not critical');
    await log.close();
    const [line, ...rest] = lines(cfg.log_filename);
    assert.equal(rest.length, 0);
    assert.equal(line?.msg, 'during');
    assert.equal(line?.plugin, 'users');
    assert.equal(line?.reqId, 'r1');
  });

  it('when given an unknown level, then setLevel throws and keeps the old level', async () => {
    const log = createDaemonLogger({ daemon: 'test', config: config() });
    assert.throws(() => log.setLevel('verbose'), /unknown log level "verbose"/);
    assert.equal(log.level(), 'info');
    await log.close();
  });

  it('when logrotate moved the file and reopen is called, then new lines go to a new file at the old path', async () => {
    const cfg = config();
    const log = createDaemonLogger({ daemon: 'test', config: cfg });
    log.logger.info('old');
    await log.flush();
    renameSync(cfg.log_filename, `${cfg.log_filename}.1`);
    log.reopen();
    log.logger.info('new');
    await log.close();
    assert.deepEqual(messages(`${cfg.log_filename}.1`), ['old']);
    assert.deepEqual(messages(cfg.log_filename), ['new']);
    assert.equal(statSync(cfg.log_filename).mode & 0o777, 0o640);
  });

  it('when log_stdout is set, then errors go to stderr only and other lines to stdout only', async () => {
    const stdout = sink();
    const stderr = sink();
    const cfg = config({ log_stdout: true });
    const log = createDaemonLogger({ daemon: 'test', config: cfg, stdout, stderr });
    log.logger.info('info');
    log.logger.warn('warn');
    log.logger.error('error');
    log.logger.fatal('fatal');
    await log.close();
    const msg = (l: string) => (JSON.parse(l) as { msg: string }).msg;
    assert.deepEqual(stdout.lines.map(msg), ['info', 'warn']);
    assert.deepEqual(stderr.lines.map(msg), ['error', 'fatal']);
    assert.equal(lines(cfg.log_filename).length, 4);
  });

  it("when log_format is text, then the file and the console get Wazo's line format with every field", async () => {
    const stdout = sink();
    const stderr = sink();
    const cfg = config({ log_format: 'text', log_stdout: true });
    const log = createDaemonLogger({ daemon: 'test', config: cfg, stdout, stderr });
    log.logger
      .child({ component: 'http' })
      .info({ reqId: 'req-1', statusCode: 200, url: '/0.1/x y' }, 'done');
    log.logger.error({ err: new Error('boom') }, 'failed');
    await log.close();
    const text = readFileSync(cfg.log_filename, 'utf8');
    const [first, second] = text.split('\n');
    assert.match(
      first ?? '',
      new RegExp(
        `^\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d,\\d{3} \\[${process.pid}\\] \\(INFO\\) \\(wazo-test\\.http\\): ` +
          'done reqId=req-1 statusCode=200 url="/0.1/x y"$',
      ),
    );
    assert.match(second ?? '', /\(ERROR\) \(wazo-test\): failed$/);
    assert.match(text, /Error: boom\n\s+at /, 'the stack follows the line');
    assert.equal(stdout.lines.length, 1);
    assert.match(stdout.lines[0] ?? '', /\(INFO\) \(wazo-test\.http\): done/);
    assert.equal(stderr.lines.length, 1, 'errors still go to stderr only');
    assert.match(stderr.lines[0] ?? '', /\(ERROR\)/);
  });

  it('when log_format is json, then each line is one JSON object', async () => {
    const cfg = config({ log_format: 'json' });
    const log = createDaemonLogger({ daemon: 'test', config: cfg });
    log.logger.child({ component: 'http' }).info({ reqId: 'req-1' }, 'done');
    await log.close();
    const [line] = lines(cfg.log_filename);
    assert.deepEqual([line?.level, line?.component, line?.reqId, line?.msg], [30, 'http', 'req-1', 'done']);
  });

  it('when logging headers, URLs and credentials, then secrets are masked in the file', async () => {
    const cfg = config();
    const log = createDaemonLogger({ daemon: 'test', config: cfg });
    const token = 'a1b2c3d4-e5f6-4711-8899-aabbccddeeff';
    log.logger.info({
      req: {
        url: `/1.1/users?token=${token}&limit=2`,
        headers: { 'x-auth-token': token, authorization: 'Basic YWxpY2U6c2VjcmV0' },
      },
      password: 'secret',
      auth: { service_key: 'key' },
    });
    await log.close();
    const text = readFileSync(cfg.log_filename, 'utf8');
    assert.doesNotMatch(text, /secret|YWxpY2U|"key"|a1b2c3d4/);
    const [line] = lines(cfg.log_filename) as [
      { req: { url: string; headers: Record<string, string> }; password: string },
    ];
    assert.equal(line.req.headers['x-auth-token'], 'XXXXXXXX-XXXX-XXXX-XXXX-XXXXccddeeff');
    assert.equal(line.req.headers.authorization, 'Basic <hidden>');
    assert.equal(line.req.url, '/1.1/users?token=<hidden>&limit=2');
    assert.equal(line.password, '<hidden>');
  });
});
