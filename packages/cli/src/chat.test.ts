/**
 * `wazo presence` and `wazo chat` against a real wazo-chatd (its own throwaway database) and a
 * real wazo-auth, as two logged-in users. chatd's start-up sync is off (no confd here): the two
 * users are written into chatd's tables as its sync would have.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { type AuthUnderTest, type SeededUser, startAuth } from '@wazo-ts/auth/testing';
import { chatdDaemon } from '@wazo-ts/chatd';
import { type RunningDaemon, runDaemon } from '@wazo-ts/daemon';
import { createTestDatabase, type TestDatabase } from '@wazo-ts/db/testing';
import { stringify } from 'yaml';
import { type CliRunner, createCliRunner } from './testing/run-cli.js';

const TIMEOUT = { timeout: 120_000 };

interface Room {
  uuid: string;
  name: string | null;
  users: { uuid: string }[];
}
interface Message {
  content: string;
  user_uuid: string;
  alias: string | null;
}

describe('wazo presence and wazo chat', { timeout: 600_000 }, () => {
  let auth: AuthUnderTest;
  let database: TestDatabase;
  let chatd: RunningDaemon;
  let dir: string;
  let alice: SeededUser;
  let bob: SeededUser;
  let aliceCli: CliRunner;
  let bobCli: CliRunner;

  async function cliOf(user: SeededUser) {
    const cli = await createCliRunner();
    await cli.ok([
      'login',
      '--auth-url',
      auth.url,
      '--chatd-url',
      chatd.url,
      '--username',
      user.username,
      '--password',
      user.password,
    ]);
    return cli;
  }

  before(async () => {
    auth = await startAuth();
    database = await createTestDatabase({ prefix: 'wazo_cli_chatd' });
    dir = await mkdtemp(join(tmpdir(), 'wazo-cli-chatd-'));
    const { host, port, user, database: name } = database.config;
    const authUrl = new URL(auth.url);
    const file = join(dir, 'chatd.yml');
    await writeFile(
      file,
      stringify({
        db_uri: `postgresql://${user}@${host}:${port}/${name}`,
        initialization: { enabled: false },
        bus: { transport: 'memory' },
        user: null,
        allow_root: true,
        log_level: 'warning',
        log_stdout: false,
        log_filename: join(dir, 'chatd.log'),
        extra_config_files: join(dir, 'conf.d'), // not dir: the configs and key files written there are no conf.d layers
        auth: { host: authUrl.hostname, port: Number(authUrl.port) },
        rest_api: { listen: '127.0.0.1', port: 0, certificate: null, private_key: null },
        service_discovery: { enabled: false },
      }),
    );
    chatd = (await runDaemon(chatdDaemon, {
      argv: ['-c', file],
      env: {},
      handleSignals: false,
    })) as RunningDaemon;
    [alice, bob] = [await auth.seedUser({ acl: ['chatd.#'] }), await auth.seedUser({ acl: ['chatd.#'] })];
    await database.pool.query('INSERT INTO chatd_tenant (uuid) VALUES ($1)', [alice.tenantUuid]);
    for (const u of [alice, bob])
      await database.pool.query(
        "INSERT INTO chatd_user (uuid, tenant_uuid, state) VALUES ($1, $2, 'unavailable')",
        [u.uuid, u.tenantUuid],
      );
    [aliceCli, bobCli] = [await cliOf(alice), await cliOf(bob)];
  }, TIMEOUT);
  after(async () => {
    await chatd?.stop();
    await database?.drop();
    await auth?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('when alice sets her presence, then she and bob read it', TIMEOUT, async () => {
    const set = await aliceCli.json<{ state: string; status: string }>([
      'presence',
      '--state',
      'away',
      '--status',
      'lunch',
    ]);
    assert.deepEqual([set.state, set.status], ['away', 'lunch']);
    assert.match(await bobCli.ok(['presence', alice.uuid]), /state\s+away/);
    const usage = await aliceCli.run(['presence', '--status', 'alone']);
    assert.equal(usage.code, 2, usage.stderr);
  });

  it(
    'when alice makes a room and writes, then bob lists the room, reads and searches the message',
    TIMEOUT,
    async () => {
      const room = await aliceCli.json<Room>(['chat', 'create', bob.uuid, '--name', 'lunch']);
      assert.deepEqual(room.users.map((u) => u.uuid).sort(), [alice.uuid, bob.uuid].sort());
      const again = await bobCli.json<Room>(['chat', 'create', alice.uuid]);
      assert.equal(again.uuid, room.uuid);
      const sent = await aliceCli.json<Message>([
        'chat',
        'send',
        room.uuid,
        'pizza at noon?',
        '--alias',
        'Al',
      ]);
      assert.deepEqual([sent.content, sent.user_uuid, sent.alias], ['pizza at noon?', alice.uuid, 'Al']);
      await bobCli.ok(['chat', 'send', room.uuid, 'yes']);
      assert.match(await bobCli.ok(['chat', 'rooms']), new RegExp(`${room.uuid}\\s+lunch`));
      const read = await bobCli.json<Message[]>(['chat', 'read', room.uuid, '--oldest-first']);
      assert.deepEqual(
        read.map((m) => m.content),
        ['pizza at noon?', 'yes'],
      );
      const found = await bobCli.json<Message[]>(['chat', 'search', 'PIZZA']);
      assert.deepEqual(
        found.map((m) => m.content),
        ['pizza at noon?'],
      );
    },
  );

  it(
    'when the room is unknown or the message too long, then one line on stderr and exit 1',
    TIMEOUT,
    async () => {
      const unknown = await aliceCli.run(['chat', 'send', '00000000-0000-4000-8000-000000000000', 'hi']);
      assert.equal(unknown.code, 1);
      assert.match(unknown.stderr, /No such room/);
      const room = (await aliceCli.json<Room[]>(['chat', 'rooms']))[0]!;
      const long = await aliceCli.run(['chat', 'send', room.uuid, 'x'.repeat(10_001)]);
      assert.equal(long.code, 1);
      assert.match(long.stderr, /content: must NOT have more than 10000 characters/);
    },
  );
});
