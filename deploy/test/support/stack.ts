/**
 * A distributed wazo-ts stack for tests: each daemon a separate process started through its npm
 * command, its own PostgreSQL database where it has one, one RabbitMQ (a throwaway exchange so
 * parallel runs do not see each other's events), and service keys written by wazo-auth-bootstrap,
 * in the order docs/deploy.md gives an operator.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, type TestDatabase } from '@wazo-ts/db/testing';
import { Connection } from 'rabbitmq-client';
import { parse, stringify } from 'yaml';
import { REPO_ROOT, type RunningCommand, runCommand, startCommand } from './commands.js';

const AMQP_URI = process.env.WAZO_TEST_AMQP_URI ?? 'amqp://guest:guest@127.0.0.1:5672';

export interface Stack {
  auth: RunningCommand;
  confd: RunningCommand;
  websocketd: RunningCommand;
  webhookd: RunningCommand;
  admin: { username: string; password: string };
  /** Output of `wazo-auth-bootstrap complete`. */
  bootstrapOutput: string;
  /** Stops the daemons (SIGTERM) and returns their exit codes, then drops what the stack made. */
  stop(): Promise<Record<string, number | null>>;
}

function dbUri(database: TestDatabase): string {
  const { host, port, user, database: name } = database.config;
  return `postgresql://${user}@${host}:${port}/${name}`;
}

/** What every daemon of the stack shares: its log file, the bus, no privileges to drop. */
function common(dir: string, name: string, exchange: string) {
  return {
    user: null,
    allow_root: true,
    log_filename: join(dir, `wazo-${name}.log`),
    extra_config_files: join(dir, `${name}.conf.d`),
    bus: { transport: 'amqp', uri: AMQP_URI, exchange_name: exchange },
    rest_api: { listen: '127.0.0.1', port: 0 },
  };
}

function writeConfig(dir: string, name: string, config: Record<string, unknown>): string {
  const file = join(dir, `wazo-${name}.yml`);
  writeFileSync(file, stringify(config));
  return file;
}

const portOf = (url: string) => Number(new URL(url).port);

/** The service accounts' ACLs of the example config an operator starts from. */
function exampleServiceAcls(): Record<string, string[]> {
  const file = join(REPO_ROOT, 'deploy/etc/wazo-auth/config.yml');
  const accounts = (
    parse(readFileSync(file, 'utf8')) as { service_accounts: Record<string, { acl: string[] }> }
  ).service_accounts;
  return Object.fromEntries(Object.entries(accounts).map(([name, account]) => [name, account.acl]));
}

export async function startStack(): Promise<Stack> {
  const dir = mkdtempSync(join(tmpdir(), 'wazo-stack-'));
  const exchange = `wazo-ts-test.stack.${randomBytes(4).toString('hex')}`;
  const authDb = await createTestDatabase({ prefix: 'wazo_auth_stack' });
  const confdDb = await createTestDatabase({ prefix: 'wazo_confd_stack' });
  const webhookdDb = await createTestDatabase({ prefix: 'wazo_webhookd_stack' });
  const keyFile = (service: string) => join(dir, 'keys', `${service}-key.yml`);
  const admin = { username: 'admin', password: randomBytes(12).toString('hex') };
  const started: Record<string, RunningCommand> = {};
  let bootstrapOutput = '';

  async function stop() {
    const codes: Record<string, number | null> = {};
    for (const name of ['webhookd', 'websocketd', 'confd', 'auth'])
      if (started[name]) codes[name] = await started[name].stop();
    await Promise.all([authDb.drop(), confdDb.drop(), webhookdDb.drop()]);
    const amqp = new Connection({ url: AMQP_URI, connectionName: `${exchange} cleanup` });
    await amqp.exchangeDelete({ exchange }).catch(() => undefined);
    await amqp.close();
    rmSync(dir, { recursive: true, force: true });
    return codes;
  }

  try {
    const authFile = writeConfig(dir, 'auth', {
      ...common(dir, 'auth', exchange),
      db_uri: dbUri(authDb),
      auth: { key_file: null },
      password_hash_iterations: 1000,
      token_cleanup_interval: 0,
      service_accounts: Object.fromEntries(
        Object.entries(exampleServiceAcls()).map(([name, acl]) => [name, { acl, key_file: keyFile(name) }]),
      ),
    });
    const bootstrap = await runCommand('wazo-auth-bootstrap', [
      '-c',
      authFile,
      'complete',
      '--username',
      admin.username,
      '--password',
      admin.password,
    ]);
    if (bootstrap.code !== 0) throw new Error(`wazo-auth-bootstrap failed:\n${bootstrap.stderr}`);
    bootstrapOutput = bootstrap.stdout;
    started.auth = await startCommand('wazo-auth', ['-c', authFile]);
    const authClient = { host: '127.0.0.1', port: portOf(started.auth.url) };
    const confdFile = writeConfig(dir, 'confd', {
      ...common(dir, 'confd', exchange),
      db_uri: dbUri(confdDb),
      auth: { ...authClient, key_file: keyFile('wazo-confd') },
    });
    const websocketdFile = writeConfig(dir, 'websocketd', {
      ...common(dir, 'websocketd', exchange),
      auth: { ...authClient, key_file: keyFile('wazo-websocketd') },
    });
    const webhookdFile = writeConfig(dir, 'webhookd', {
      ...common(dir, 'webhookd', exchange),
      db_uri: dbUri(webhookdDb),
      auth: { ...authClient, key_file: keyFile('wazo-webhookd') },
    });
    [started.confd, started.websocketd, started.webhookd] = await Promise.all([
      startCommand('wazo-confd', ['-c', confdFile]),
      startCommand('wazo-websocketd', ['-c', websocketdFile]),
      startCommand('wazo-webhookd', ['-c', webhookdFile]),
    ]);
  } catch (error) {
    await stop();
    throw error;
  }
  const { auth, confd, websocketd, webhookd } = started;
  return {
    auth: auth!,
    confd: confd!,
    websocketd: websocketd!,
    webhookd: webhookd!,
    admin,
    bootstrapOutput,
    stop,
  };
}
