/**
 * `wazo directory`: `sources` against a real wazo-dird (beside a real wazo-auth, which provisions
 * the master tenant's default sources), and `search` as the Wazo app's search box calls it
 * (GET /directories/lookup/{profile}?term= with the user's token), its answer printed as a table
 * of the profile's display columns.
 */
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { type DirdStack, eventually, startStack } from '@wazo-ts/dird/testing';
import { type CliRunner, createCliRunner } from './testing/run-cli.js';

const TIMEOUT = { timeout: 120_000 };

describe('wazo directory', { timeout: 600_000 }, () => {
  let stack: DirdStack;
  let admin: { username: string; password: string };
  let lookups: Server;
  let lookupUrl: string;
  const asked: { path: string; token: string | undefined }[] = [];

  before(async () => {
    stack = await startStack();
    admin = await stack.auth.seedUser({ acl: ['auth.#', 'dird.#'] });
    const token = await stack.tokenFor(['dird.#']);
    await eventually(async () => {
      const answer = await fetch(`${stack.api}/sources`, { headers: { 'x-auth-token': token } });
      return ((await answer.json()) as { total?: number }).total === 5;
    });
    // A directory answering lookups as wazo-dird does (column_headers, results with column_values).
    lookups = createServer((req, res) => {
      asked.push({ path: req.url ?? '', token: req.headers['x-auth-token'] as string | undefined });
      res.setHeader('content-type', 'application/json');
      res.end(
        JSON.stringify({
          term: 'ali',
          column_headers: ['Nom', 'Numéro', 'Favoris'],
          column_types: ['name', 'number', 'favorite'],
          results: [
            {
              column_values: ['Alice Liddell', '1001', false],
              relations: {},
              source: 'auto_wazo_master',
              backend: 'wazo',
            },
            {
              column_values: ['Alicia Keys', null, true],
              relations: {},
              source: 'personal',
              backend: 'personal',
            },
          ],
        }),
      );
    });
    await new Promise<void>((resolve) => lookups.listen(0, '127.0.0.1', resolve));
    lookupUrl = `http://127.0.0.1:${(lookups.address() as AddressInfo).port}`;
  }, TIMEOUT);
  after(async () => {
    lookups?.close();
    await stack?.stop();
  });

  const loggedIn = async (dirdUrl: string): Promise<CliRunner> => {
    const cli = await createCliRunner();
    await cli.ok([
      'login',
      '--auth-url',
      stack.auth.url,
      '--dird-url',
      dirdUrl,
      '--username',
      admin.username,
      '--password',
      admin.password,
    ]);
    return cli;
  };

  it('when listing sources, then the tenant’s sources are printed with their backend', TIMEOUT, async () => {
    const cli = await loggedIn(stack.daemon.url);
    const table = await cli.ok(['directory', 'sources']);
    assert.match(table, /auto_wazo_master\s+wazo/);
    assert.match(table, /personal\s+personal/);
    const json = await cli.json<{ name: string; backend: string }[]>([
      'directory',
      'sources',
      '--backend',
      'wazo',
    ]);
    assert.deepEqual(
      json.map((s) => [s.name, s.backend]),
      [['auto_wazo_master', 'wazo']],
    );
  });

  it(
    'when searching a name, then the default profile is asked with the user’s token and a table printed',
    TIMEOUT,
    async () => {
      const cli = await loggedIn(lookupUrl);
      const table = await cli.ok(['directory', 'search', 'ali']);
      assert.equal(asked.at(-1)?.path, '/0.1/directories/lookup/default?term=ali');
      assert.ok(asked.at(-1)?.token, 'the login’s token is sent');
      const lines = table.trimEnd().split('\n');
      assert.match(lines[0] ?? '', /^NOM\s+NUMÉRO\s+FAVORIS\s+SOURCE$/);
      assert.match(lines[1] ?? '', /^Alice Liddell\s+1001\s+false\s+auto_wazo_master$/);
      assert.match(lines[2] ?? '', /^Alicia Keys\s+true\s+personal$/);
      await cli.ok(['directory', 'search', 'bob', '--profile', 'sales team']);
      assert.equal(asked.at(-1)?.path, '/0.1/directories/lookup/sales%20team?term=bob');
    },
  );

  it('when no wazo-dird URL is known, then it says how to give one', TIMEOUT, async () => {
    const cli = await createCliRunner();
    await cli.ok([
      'login',
      '--auth-url',
      stack.auth.url,
      '--username',
      admin.username,
      '--password',
      admin.password,
    ]);
    const result = await cli.run(['directory', 'sources']);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /no wazo-dird URL: pass --server or --dird-url/);
  });
});
