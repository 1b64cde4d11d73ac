/**
 * `wazo webhook` against a real wazo-webhookd (its own database, the real RabbitMQ) that checks
 * the CLI's tokens at a real wazo-auth: create, list, show, logs and delete, an admin's and a
 * user's own (`--mine`), and the API's refusal worded on one line.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { type AuthUnderTest, startAuth } from '@wazo-ts/auth/testing';
import { startWebhookd, type WebhookdUnderTest } from '@wazo-ts/webhookd/testing';
import { type CliRunner, createCliRunner } from './testing/run-cli.js';

const TIMEOUT = { timeout: 120_000 };

describe('wazo webhook', { timeout: 600_000 }, () => {
  let auth: AuthUnderTest;
  let webhookd: WebhookdUnderTest;
  let cli: CliRunner;

  before(async () => {
    auth = await startAuth();
    const url = new URL(auth.url);
    webhookd = await startWebhookd({
      config: {
        auth: {
          host: url.hostname,
          port: Number(url.port),
          https: false,
          key_file: null,
          username: null,
          password: null,
        },
      },
    });
    const admin = await auth.seedUser({ acl: ['webhookd.#'] });
    cli = await createCliRunner();
    await cli.ok([
      'login',
      '--auth-url',
      auth.url,
      '--webhookd-url',
      webhookd.daemon.url,
      '--username',
      admin.username,
      '--password',
      admin.password,
    ]);
  }, TIMEOUT);
  after(async () => {
    await webhookd?.stop();
    await auth?.stop();
  });

  it(
    'when a webhook is created, listed, shown, its logs read and deleted, then each command answers',
    TIMEOUT,
    async () => {
      const created = await cli.json<{
        uuid: string;
        config: Record<string, string>;
        events: string[];
        metadata: object;
      }>([
        'webhook',
        'create',
        '--name',
        'cli hook',
        '--event',
        'user_created,user_deleted',
        '--url',
        'https://example.com/{{ event_name }}',
        '--metadata',
        'team=cli',
      ]);
      assert.deepEqual(created.config, { method: 'post', url: 'https://example.com/{{ event_name }}' });
      assert.deepEqual(created.events, ['user_created', 'user_deleted']);
      assert.deepEqual(created.metadata, { team: 'cli' });
      assert.match(await cli.ok(['webhook', 'list']), new RegExp(`${created.uuid}\\s+cli hook\\s+http`));
      const listed = await cli.json<{ uuid: string }[]>(['webhook', 'list', '--metadata', 'team:cli']);
      assert.deepEqual(
        listed.map((s) => s.uuid),
        [created.uuid],
      );
      assert.deepEqual(await cli.json(['webhook', 'list', '--metadata', 'team:other']), []);
      assert.equal((await cli.json<{ name: string }>(['webhook', 'show', created.uuid])).name, 'cli hook');

      await webhookd.database.pool.query(
        `INSERT INTO webhookd_subscription_log (uuid, subscription_uuid, status, started_at, ended_at, attempts, max_attempts, event, detail)
       VALUES ($1, $2, 'failure', now() - interval '1 second', now(), 1, 10, '{"name": "user_created"}', '{"response_status_code": 503}'),
              ($1, $2, 'success', now(), now(), 2, 10, '{"name": "user_created"}', '{"response_status_code": 200}')`,
        [randomUUID(), created.uuid],
      );
      const table = await cli.ok(['webhook', 'logs', created.uuid]);
      const lines = table.trim().split('\n');
      assert.match(lines[1] ?? '', /\s2\s+success\s+user_created\s+200$/);
      assert.match(lines[2] ?? '', /\s1\s+failure\s+user_created\s+503$/);
      assert.equal((await cli.json<unknown[]>(['webhook', 'logs', created.uuid, '--limit', '1'])).length, 1);

      assert.equal((await cli.ok(['webhook', 'delete', created.uuid])).trim(), `deleted ${created.uuid}`);
      const gone = await cli.run(['webhook', 'show', created.uuid]);
      assert.equal(gone.code, 1);
      assert.match(gone.stderr, /No such subscription/);
    },
  );

  it('when logs are followed, then an attempt logged later is printed as it appears', TIMEOUT, async () => {
    const created = await cli.json<{ uuid: string }>([
      'webhook',
      'create',
      '--name',
      'followed',
      '--event',
      'x',
      '--url',
      'http://x',
    ]);
    const insert = (attempts: number) =>
      webhookd.database.pool.query(
        `INSERT INTO webhookd_subscription_log (uuid, subscription_uuid, status, started_at, ended_at, attempts, max_attempts, event, detail)
         VALUES ($1, $2, 'failure', now(), now(), $3, 10, '{"name": "x"}', '{"error": "refused"}')`,
        [randomUUID(), created.uuid, attempts],
      );
    await insert(1);
    const follower = cli.spawn(['--json', 'webhook', 'logs', created.uuid, '--follow', '--interval', '1']);
    let stdout = '';
    follower.stdout.on('data', (chunk) => (stdout += chunk));
    const lines = (count: number) =>
      new Promise<string[]>((resolve, reject) => {
        const check = () => {
          const got = stdout.split('\n').filter(Boolean);
          if (got.length >= count) resolve(got);
        };
        follower.stdout.on('data', check);
        follower.on('exit', (code) => reject(new Error(`wazo webhook logs exited ${code}`)));
        check();
      });
    assert.equal(JSON.parse((await lines(1))[0] as string).attempts, 1);
    await insert(2);
    const both = await lines(2);
    assert.deepEqual(
      both.map((line) => JSON.parse(line).attempts),
      [1, 2],
    );
    follower.kill('SIGTERM');
    await cli.ok(['webhook', 'delete', created.uuid]);
  });

  it(
    'when the http config is refused, then one line names the field and nothing is created',
    TIMEOUT,
    async () => {
      const refused = await cli.run([
        'webhook',
        'create',
        '--name',
        'bad',
        '--event',
        'x',
        '--url',
        'http://x',
        '--method',
        'patch',
      ]);
      assert.equal(refused.code, 1);
      assert.match(refused.stderr, /method/);
      assert.deepEqual(await cli.json(['webhook', 'list']), []);
      const noName = await cli.run(['webhook', 'create', '--url', 'http://x']);
      assert.equal(noName.code, 2);
    },
  );

  it(
    'when a user works with --mine, then the subscription is theirs and on their events',
    TIMEOUT,
    async () => {
      const user = await auth.seedUser({ acl: ['webhookd.users.me.#'] });
      const mine = await createCliRunner();
      await mine.ok([
        'login',
        '--auth-url',
        auth.url,
        '--webhookd-url',
        webhookd.daemon.url,
        '--username',
        user.username,
        '--password',
        user.password,
      ]);
      const created = await mine.json<{ uuid: string; owner_user_uuid: string; events_user_uuid: string }>([
        'webhook',
        'create',
        '--mine',
        '--name',
        'my hook',
        '--event',
        'call_created',
        '--url',
        'http://example.com',
      ]);
      assert.equal(created.owner_user_uuid, created.events_user_uuid);
      assert.ok(created.owner_user_uuid);
      assert.deepEqual(
        (await mine.json<{ uuid: string }[]>(['webhook', 'list', '--mine'])).map((s) => s.uuid),
        [created.uuid],
      );
      const denied = await mine.run(['webhook', 'list']);
      assert.equal(denied.code, 1);
      assert.match(denied.stderr, /permission denied/);
      await mine.ok(['webhook', 'delete', '--mine', created.uuid]);
    },
  );
});
