/**
 * The `wazo` command as a user runs it (a child process, `node bin/wazo.js`), against a real
 * wazo-auth and wazo-confd: login and its token file, tenants and users in table and JSON, logout.
 */
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { type CliRunner, createCliRunner } from './testing/run-cli.js';
import { type Stack, startStack } from './testing/stack.js';

const TIMEOUT = { timeout: 120_000 };
const SUITE = { timeout: 900_000 };

describe('wazo login, tenant, user, logout', SUITE, () => {
  let stack: Stack;
  let cli: CliRunner;
  let target: string[];

  before(async () => {
    stack = await startStack();
    cli = await createCliRunner();
    target = ['--auth-url', stack.auth.url, '--confd-url', stack.confd.url];
  }, TIMEOUT);
  after(() => stack?.stop());

  it(
    'when logging in with a password, then the token is saved readable by its owner only',
    TIMEOUT,
    async () => {
      const out = await cli.ok([
        'login',
        ...target,
        '--username',
        stack.admin.username,
        '--password',
        stack.admin.password,
      ]);
      assert.match(out, new RegExp(`logged in as ${stack.admin.username}`));
      const file = join(cli.configHome, 'wazo', 'config.json');
      assert.equal((await stat(file)).mode & 0o777, 0o600);
      const tenants = await cli.json<{ uuid: string }[]>(['tenant', 'list']);
      assert.ok(tenants.some((t) => t.uuid === stack.auth.masterTenantUuid));
    },
  );

  it(
    'when the password comes on standard input, then login works without it on the command line',
    TIMEOUT,
    async () => {
      await cli.ok(['login', '--username', stack.admin.username], { stdin: `${stack.admin.password}\n` });
    },
  );

  it('when the password is wrong, then login says so and exits 1', TIMEOUT, async () => {
    const result = await cli.run(['login', '--username', stack.admin.username, '--password', 'nope'], {
      env: { XDG_CONFIG_HOME: `${cli.configHome}/other` },
    });
    assert.equal(result.code, 2, 'no server known in a fresh config: usage');
    const wrong = await cli.run(
      ['login', ...target, '--username', stack.admin.username, '--password', 'nope'],
      {
        env: { XDG_CONFIG_HOME: `${cli.configHome}/other` },
      },
    );
    assert.equal(wrong.code, 1);
    assert.match(wrong.stderr, /login failed: wrong username or password/);
  });

  it(
    'when managing a tenant, then create, show, edit, list and delete work in table and JSON',
    TIMEOUT,
    async () => {
      const created = await cli.json<{ uuid: string; name: string }>([
        'tenant',
        'create',
        '--name',
        'Acme Corp',
        '--slug',
        'acme',
        '--domain-names',
        'acme.example.com',
      ]);
      assert.equal(created.name, 'Acme Corp');
      const table = await cli.ok(['tenant', 'list', '--search', 'acme']);
      assert.match(table, /^UUID\s+NAME\s+SLUG/);
      assert.match(table, new RegExp(`${created.uuid}\\s+Acme Corp\\s+acme`));
      const edited = await cli.json<{ name: string; phone: string; domain_names: string[] }>([
        'tenant',
        'edit',
        created.uuid,
        '--phone',
        '555-0100',
      ]);
      assert.equal(edited.phone, '555-0100');
      assert.equal(edited.name, 'Acme Corp', 'the rest of the tenant is kept (wazo-auth PUT replaces)');
      assert.deepEqual(edited.domain_names, ['acme.example.com']);
      assert.match(await cli.ok(['tenant', 'show', created.uuid]), /phone\s+555-0100/);
      assert.match(await cli.ok(['tenant', 'delete', created.uuid]), /deleted tenant/);
      const gone = await cli.run(['tenant', 'show', created.uuid]);
      assert.equal(gone.code, 1);
      assert.match(gone.stderr, /^wazo: not found: /);
    },
  );

  it(
    'when managing users, then create (with a login), list, show by id or uuid, edit and delete work',
    TIMEOUT,
    async () => {
      const user = await cli.json<{ id: number; uuid: string }>([
        'user',
        'create',
        '--firstname',
        'Alice',
        '--lastname',
        'Liddell',
        '--email',
        'alice@example.com',
      ]);
      const list = await cli.ok(['user', 'list', '--search', 'Liddell']);
      assert.match(list, /^ID\s+UUID\s+FIRSTNAME\s+LASTNAME/);
      assert.match(list, new RegExp(`${user.id}\\s+${user.uuid}\\s+Alice\\s+Liddell`));
      const byId = await cli.json<{ uuid: string }>(['user', 'show', String(user.id)]);
      assert.equal(byId.uuid, user.uuid);
      const edited = await cli.json<{ lastname: string; firstname: string }>([
        '-o',
        'json',
        'user',
        'edit',
        user.uuid,
        '--lastname',
        'Pleasance',
      ]);
      assert.deepEqual([edited.firstname, edited.lastname], ['Alice', 'Pleasance']);
      const limited = await cli.json<unknown[]>(['user', 'list', '--limit', '1']);
      assert.equal(limited.length, 1);
      await cli.ok(['user', 'delete', String(user.id)]);
      const gone = await cli.run(['user', 'show', user.uuid]);
      assert.equal(gone.code, 1);
      assert.match(gone.stderr, /not found: Resource Not Found - User was not found/);
    },
  );

  it(
    'when a name holds terminal escapes, then the table shows them escaped, JSON keeps them exactly, errors too',
    TIMEOUT,
    async () => {
      // Any user may set its own name: a clipboard write (OSC 52), a screen clear, a faked row.
      const firstname = '\u001b]52;c;cHduZWQ=\u0007\u001b[2JMallory';
      const lastname = 'Escape\nADMIN  root\u009b31m\u202e';
      const user = await cli.json<{ uuid: string }>([
        'user',
        'create',
        '--firstname',
        firstname,
        '--lastname',
        lastname,
      ]);
      const table = await cli.ok(['user', 'list', '--search', 'Mallory']);
      assert.doesNotMatch(table, /[^\P{Cc}\n]|\p{Bidi_Control}/u);
      assert.ok(table.includes('\\u001b]52;c;cHduZWQ=\\u0007\\u001b[2JMallory'), table);
      assert.ok(table.includes('Escape\\u000aADMIN  root\\u009b31m\\u202e'), table);
      assert.equal(table.trim().split('\n').length, 2, 'the header and one row');
      const [listed] = await cli.json<{ firstname: string; lastname: string }[]>([
        'user',
        'list',
        '--search',
        'Mallory',
      ]);
      assert.deepEqual([listed?.firstname, listed?.lastname], [firstname, lastname]);
      const refused = await cli.run(['user', '\u001b[31mfrobnicate']);
      assert.equal(refused.code, 2);
      assert.doesNotMatch(refused.stderr, /[^\P{Cc}\n]/u);
      assert.match(refused.stderr, /\\u001b\[31mfrobnicate/);
      await cli.ok(['user', 'delete', user.uuid]);
    },
  );

  it('when a user is created with --username and --password, then that login works', TIMEOUT, async () => {
    const user = await cli.json<{ uuid: string }>([
      'user',
      'create',
      '--firstname',
      'Bob',
      '--username',
      'bob-cli',
      '--password',
      'secret-bob',
    ]);
    const other = await createCliRunner();
    await other.ok(['login', ...target, '--username', 'bob-cli', '--password', 'secret-bob']);
    await cli.ok(['user', 'delete', user.uuid]);
  });

  it(
    "when the input is invalid, then each field's message is printed on one line and the exit code is 1",
    TIMEOUT,
    async () => {
      const result = await cli.run(['user', 'create', '--lastname', 'Nofirst', '--language', 'english']);
      assert.equal(result.code, 1);
      assert.match(result.stderr, /^wazo: invalid request: .*firstname.*; .*language/);
      assert.equal(result.stderr.trim().split('\n').length, 1);
    },
  );

  it('when a flag is malformed or a command unknown, then the exit code is 2', TIMEOUT, async () => {
    assert.equal((await cli.run(['user', 'list', '--limit', 'ten'])).code, 2);
    assert.equal((await cli.run(['user', 'frobnicate'])).code, 2);
  });

  it(
    'when following events, then a user created meanwhile shows up, and Ctrl-C ends with 0',
    TIMEOUT,
    async () => {
      await cli.ok(['login', '--websocketd-url', stack.websocketd.url, '--username', stack.admin.username], {
        stdin: `${stack.admin.password}\n`,
      });
      const events = cli.spawn(['events', 'user_created']);
      let stdout = '';
      let stderr = '';
      events.stdout.on('data', (chunk) => (stdout += chunk));
      events.stderr.on('data', (chunk) => (stderr += chunk));
      const waitFor = (read: () => string, pattern: RegExp) =>
        new Promise<void>((resolve, reject) => {
          const check = () => (pattern.test(read()) ? resolve() : undefined);
          events.stdout.on('data', check);
          events.stderr.on('data', check);
          events.on('exit', () => reject(new Error(`wazo events exited: ${stderr}`)));
        });
      const following = waitFor(() => stderr, /following user_created/);
      events.stderr.on('data', (chunk) => (stderr += chunk));
      await following;
      const created = waitFor(() => stdout, /user_created/);
      const user = await cli.json<{ uuid: string }>(['user', 'create', '--firstname', 'Eve']);
      await created;
      assert.match(stdout, new RegExp(`user_created .*"uuid":"${user.uuid}"`));
      const exited = once(events, 'exit');
      events.kill('SIGINT');
      assert.deepEqual(await exited, [0, null]);
    },
  );

  it('when logging out, then the token is revoked and commands say to log in', TIMEOUT, async () => {
    const saved = JSON.parse(
      await import('node:fs/promises').then((fs) =>
        fs.readFile(join(cli.configHome, 'wazo', 'config.json'), 'utf8'),
      ),
    );
    assert.match(await cli.ok(['logout']), /logged out/);
    const check = await fetch(`${stack.auth.api}/token/${saved.token}`, { method: 'HEAD' });
    assert.equal(check.status, 404);
    const after = await cli.run(['user', 'list']);
    assert.equal(after.code, 1);
    assert.match(after.stderr, /not logged in: run `wazo login`/);
  });
});
