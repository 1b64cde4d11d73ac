/**
 * The `wazo` command's error messages, one class each, through real daemons (and a TLS gateway
 * with a self-signed certificate), plus token renewal with the refresh token.
 */
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { readFile, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startTlsGateway, type TlsGateway } from '@wazo-ts/auth/testing';
import { unusedPort } from './testing/admin-api.js';
import { type CliRunner, createCliRunner } from './testing/run-cli.js';
import { type Stack, startStack } from './testing/stack.js';

const TIMEOUT = { timeout: 120_000 };
const SUITE = { timeout: 900_000 };

describe('wazo error messages', SUITE, () => {
  let stack: Stack;
  let cli: CliRunner;
  let target: string[];
  const saved = async () => JSON.parse(await readFile(join(cli.configHome, 'wazo', 'config.json'), 'utf8'));

  before(async () => {
    stack = await startStack();
    cli = await createCliRunner();
    target = ['--auth-url', stack.auth.url, '--confd-url', stack.confd.url];
    await cli.ok([
      'login',
      ...target,
      '--username',
      stack.admin.username,
      '--password',
      stack.admin.password,
    ]);
  }, TIMEOUT);
  after(() => stack?.stop());

  it(
    'when nothing listens at the URL, then the message names it and says connection refused',
    TIMEOUT,
    async () => {
      const url = `http://127.0.0.1:${await unusedPort()}`;
      const result = await cli.run(['--auth-url', url, 'login', '--username', 'a', '--password', 'b']);
      assert.equal(result.code, 1);
      assert.equal(result.stderr, `wazo: cannot connect to wazo-auth at ${url}/0.1: connection refused\n`);
    },
  );

  describe('through an HTTPS gateway with a self-signed certificate', () => {
    let gateway: TlsGateway;
    before(async () => {
      gateway = await startTlsGateway({ '/api/auth/': stack.auth.url, '/api/confd/': stack.confd.url });
    });
    after(() => gateway?.close());

    it(
      'when the certificate is not trusted, then the message suggests --ca-cert or --insecure',
      TIMEOUT,
      async () => {
        const other = await createCliRunner();
        const result = await other.run([
          'login',
          '--server',
          gateway.server,
          '--username',
          'a',
          '--password',
          'b',
        ]);
        assert.equal(result.code, 1);
        assert.match(
          result.stderr,
          /^wazo: the TLS certificate of https:\/\/localhost:\d+ is not trusted .*--ca-cert FILE.*--insecure/,
        );
      },
    );

    it(
      'when given its certificate (or --insecure), then login and confd calls go through the gateway',
      TIMEOUT,
      async () => {
        const other = await createCliRunner();
        const login = ['--username', stack.admin.username, '--password', stack.admin.password];
        await other.ok([
          'login',
          '--server',
          gateway.server,
          '--ca-cert',
          gateway.certificate.certificate,
          ...login,
        ]);
        assert.ok(Array.isArray(await other.json(['user', 'list'])));
        const insecure = await createCliRunner();
        await insecure.ok(['login', '--server', `https://${gateway.server}`, '--insecure', ...login]);
        assert.ok(Array.isArray(await insecure.json(['group', 'list'])));
      },
    );
  });

  it('when the token lacks the ACL, then the message says which request and ACL', TIMEOUT, async () => {
    const reader = await stack.auth.seedUser({ acl: ['confd.users.read'] });
    const limited = await createCliRunner();
    await limited.ok(['login', ...target, '--username', reader.username, '--password', reader.password]);
    const confd = await limited.run(['group', 'list']);
    assert.equal(confd.code, 1);
    assert.equal(confd.stderr, 'wazo: permission denied: your token lacks the ACL for GET /groups\n');
    const auth = await limited.run(['tenant', 'list']);
    assert.match(auth.stderr, /permission denied: .* GET \/tenants \(needs auth\.tenants\.read\)/);
  });

  it('when --tenant names a tenant the token cannot see, then the message says so', TIMEOUT, async () => {
    const tenant = '00000000-0000-4000-8000-000000000001';
    const result = await cli.run(['--tenant', tenant, 'user', 'list']);
    assert.equal(result.code, 1);
    assert.match(result.stderr, new RegExp(`tenant ${tenant} is not visible to your token`));
  });

  it('when the token expired or was revoked, then the refresh token renews it', TIMEOUT, async () => {
    const first = await saved();
    await writeFile(
      join(cli.configHome, 'wazo', 'config.json'),
      JSON.stringify({ ...first, expires_at: '2000-01-01T00:00:00.000Z' }),
    );
    await cli.ok(['user', 'list']);
    const second = await saved();
    assert.notEqual(second.token, first.token);
    await fetch(`${stack.auth.api}/token/${second.token}`, { method: 'DELETE' });
    await cli.ok(['user', 'list']);
    assert.notEqual((await saved()).token, second.token);
  });

  it('when the refresh token is gone too, then the message says to log in again', TIMEOUT, async () => {
    const { token, client_id } = await saved();
    const deleted = await fetch(`${stack.auth.api}/users/me/tokens/${client_id}`, {
      method: 'DELETE',
      headers: { 'x-auth-token': token },
    });
    assert.equal(deleted.status, 204);
    await fetch(`${stack.auth.api}/token/${token}`, { method: 'DELETE' });
    const result = await cli.run(['user', 'list']);
    assert.equal(result.code, 1);
    assert.equal(result.stderr, 'wazo: your session expired and could not be renewed: run `wazo login`\n');
  });

  describe('against a server that fails', () => {
    let failing: Server;
    let url: string;
    before(async () => {
      failing = createServer((_req, res) =>
        res.writeHead(503, { 'content-type': 'application/json' }).end('["Unexpected error: database down"]'),
      );
      failing.listen(0, '127.0.0.1');
      await once(failing, 'listening');
      url = `http://127.0.0.1:${(failing.address() as AddressInfo).port}`;
      // Logged in with that confd: the token is only ever sent where the login said.
      await cli.ok([
        'login',
        '--auth-url',
        stack.auth.url,
        '--confd-url',
        url,
        '--username',
        stack.admin.username,
        '--password',
        stack.admin.password,
      ]);
    }, TIMEOUT);
    after(() => failing?.close());

    it(
      'when the service answers 5xx, then the message names it with its status and message',
      TIMEOUT,
      async () => {
        const result = await cli.run(['--confd-url', url, 'user', 'list']);
        assert.equal(result.code, 1);
        assert.equal(result.stderr, 'wazo: wazo-confd failed (HTTP 503): Unexpected error: database down\n');
      },
    );
  });
});
