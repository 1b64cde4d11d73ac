/**
 * Where the saved credentials go and how they get in: a saved token or refresh token never
 * reaches a server it was not issued by (a spying server records every request), a relative
 * --ca-cert is saved as an absolute path, and passwords come from standard input.
 */
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { readFile, writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, dirname, isAbsolute, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startTlsGateway } from '@wazo-ts/auth/testing';
import { type CliRunner, createCliRunner } from './testing/run-cli.js';
import { type Stack, startStack } from './testing/stack.js';

const TIMEOUT = { timeout: 120_000 };
const SUITE = { timeout: 900_000 };

/** Answers 401 to everything and remembers what it was sent, websocket upgrades included. */
async function startSpy() {
  const seen: string[] = [];
  const record = (req: IncomingMessage, body: string) =>
    seen.push(`${req.method} ${req.url} ${JSON.stringify(req.headers)} ${body}`);
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      record(req, body);
      res.writeHead(401, { 'content-type': 'application/json' }).end('{"reason": ["no"]}');
    });
  });
  server.on('upgrade', (req, socket) => {
    record(req, '');
    socket.destroy();
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { seen, origin, close: () => new Promise((resolve) => server.close(resolve)) };
}

describe('wazo credentials', SUITE, () => {
  let stack: Stack;
  let cli: CliRunner;
  let spy: Awaited<ReturnType<typeof startSpy>>;
  const file = () => join(cli.configHome, 'wazo', 'config.json');

  before(async () => {
    stack = await startStack();
    spy = await startSpy();
    cli = await createCliRunner();
    await cli.ok(
      [
        'login',
        '--auth-url',
        stack.auth.url,
        '--confd-url',
        stack.confd.url,
        '--websocketd-url',
        stack.websocketd.url,
        '--username',
        stack.admin.username,
        '--password-stdin',
      ],
      { stdin: `${stack.admin.password}\n` },
    );
  }, TIMEOUT);
  after(async () => {
    await spy?.close();
    await stack?.stop();
  });

  async function aimedElsewhere(state: string) {
    const cases: [string[], Record<string, string>][] = [
      [['--server', spy.origin, 'user', 'list'], {}],
      [['--auth-url', spy.origin, 'tenant', 'list'], {}],
      [['--confd-url', spy.origin, 'user', 'list'], {}],
      [['--websocketd-url', spy.origin.replace('http', 'ws'), 'events'], {}],
      [['--webhookd-url', spy.origin, 'webhook', 'list'], {}],
      [['webhook', 'list'], { WAZO_WEBHOOKD_URL: spy.origin }],
      [['--server', spy.origin, 'logout'], {}],
      [['user', 'list'], { WAZO_SERVER: spy.origin }],
      [['tenant', 'list'], { WAZO_AUTH_URL: spy.origin }],
    ];
    for (const [args, env] of cases) {
      const result = await cli.run(args, { env });
      const what = `${state}: wazo ${args.join(' ')} ${JSON.stringify(env)}`;
      assert.equal(result.code, 1, `${what}: ${result.stderr}`);
      assert.match(
        result.stderr,
        new RegExp(`^wazo: not logged in to ${spy.origin.replace(/\./g, '\\.')}: run \`wazo login --`),
        what,
      );
    }
    assert.deepEqual(spy.seen, [], `${state}: the other server was sent something`);
  }

  it(
    'when a command names another server, then neither the token nor the refresh token is sent there',
    TIMEOUT,
    async () => {
      await aimedElsewhere('valid token');
      const saved = JSON.parse(await readFile(file(), 'utf8'));
      await writeFile(file(), JSON.stringify({ ...saved, expires_at: '2000-01-01T00:00:00.000Z' }));
      await aimedElsewhere('expired token');
      assert.ok(Array.isArray(await cli.json(['user', 'list'])), 'the login on its own server still works');
      const same = ['--auth-url', stack.auth.url, '--confd-url', stack.confd.url, 'user', 'list'];
      assert.ok(Array.isArray(await cli.json(same)), 'naming the same server again is fine');
    },
  );

  it(
    'when --ca-cert is a relative path, then it is saved absolute and works from another folder',
    TIMEOUT,
    async () => {
      const gateway = await startTlsGateway({ '/api/auth/': stack.auth.url, '/api/confd/': stack.confd.url });
      try {
        const pem = gateway.certificate.certificate;
        const other = await createCliRunner();
        await other.ok(
          [
            'login',
            '--server',
            gateway.server,
            '--ca-cert',
            basename(pem),
            '--username',
            stack.admin.username,
          ],
          { cwd: dirname(pem), stdin: `${stack.admin.password}\n` },
        );
        const saved = JSON.parse(await readFile(join(other.configHome, 'wazo', 'config.json'), 'utf8'));
        assert.ok(isAbsolute(saved.ca_cert), saved.ca_cert);
        assert.equal(saved.ca_cert, pem);
        const result = await other.run(['--json', 'user', 'list'], { cwd: tmpdir() });
        assert.equal(result.code, 0, result.stderr);
      } finally {
        await gateway.close();
      }
    },
  );

  it(
    'when login gets --password-stdin, then the password is read from standard input only',
    TIMEOUT,
    async () => {
      const other = await createCliRunner();
      const target = ['--auth-url', stack.auth.url, '--confd-url', stack.confd.url];
      const login = ['login', ...target, '--username', stack.admin.username];
      const empty = await other.run([...login, '--password-stdin'], { stdin: '' });
      assert.equal(empty.code, 2);
      assert.match(empty.stderr, /--password-stdin: nothing on standard input/);
      const both = await other.run([...login, '--password', 'x', '--password-stdin'], { stdin: 'x\n' });
      assert.equal(both.code, 2);
      await other.ok([...login, '--password-stdin'], { stdin: `${stack.admin.password}\r\n` });
    },
  );

  it(
    'when user create gets --password-stdin, then the new login has the password from standard input',
    TIMEOUT,
    async () => {
      const user = await cli.json<{ uuid: string }>(
        ['user', 'create', '--firstname', 'Carol', '--username', 'carol-cli', '--password-stdin'],
        { stdin: 'secret carol\n' },
      );
      const carol = await createCliRunner();
      await carol.ok(['login', '--auth-url', stack.auth.url, '--username', 'carol-cli', '--password-stdin'], {
        stdin: 'secret carol',
      });
      const clash = await cli.run(
        ['user', 'create', '--firstname', 'D', '--username', 'd', '--password-stdin', '--json-body', '-'],
        { stdin: '{}' },
      );
      assert.equal(clash.code, 2);
      await cli.ok(['user', 'delete', user.uuid]);
    },
  );
});
