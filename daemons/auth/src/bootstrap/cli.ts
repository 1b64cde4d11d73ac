#!/usr/bin/env node
/**
 * wazo-auth-bootstrap: `initial-user [--username U] [--password P] [--purpose internal]
 * [--policy-slug S]` (or WAZO_AUTH_BOOTSTRAP_* in the environment) creates or resets the initial
 * admin; `service-accounts` writes the config's service accounts and their key files; `complete`
 * does both. `-c <config.yml>` names wazo-auth's config (for db_uri and service_accounts).
 * Every action may run again: it leaves the same state.
 */
import { parseArgs } from 'node:util';
import { loadConfig } from '@wazo-ts/daemon';
import { createDatabase, migrateToLatest } from '@wazo-ts/db';
import { authMigrations } from '../db/migrations/index.js';
import type { AuthDatabase } from '../db/schema.js';
import { type AuthConfig, authDaemon } from '../definition.js';
import { ensureServiceAccount, ensureUser, randomPassword } from './bootstrap.js';

const USAGE = 'usage: wazo-auth-bootstrap [-c config.yml] initial-user|service-accounts|complete [options]';

const HELP = `${USAGE}

Creates or resets what wazo-auth needs before anyone can log in; every action may run again.

actions:
  initial-user        create or reset the initial admin
  service-accounts    write the config's service accounts and their key files
  complete            both

options:
  -c, --config FILE      wazo-auth's config (db_uri, service_accounts)
  --username NAME        initial user's login (WAZO_AUTH_BOOTSTRAP_USERNAME, default wazo-auth-cli)
  --password PASSWORD    its password (WAZO_AUTH_BOOTSTRAP_PASSWORD, default: generated and printed)
  --purpose PURPOSE      its purpose (WAZO_AUTH_BOOTSTRAP_PURPOSE, default internal)
  --policy-slug SLUG     its policy (WAZO_AUTH_BOOTSTRAP_POLICY_SLUG, default from the config)
  -h, --help             show this help and exit
`;

/** A usage mistake: the message and the usage on stderr, exit 2. */
function usageError(message: string): number {
  process.stderr.write(`wazo-auth-bootstrap: ${message}\n${USAGE}\nTry 'wazo-auth-bootstrap --help'.\n`);
  return 2;
}

async function main(argv: string[], env: NodeJS.ProcessEnv): Promise<number> {
  let parsed: ReturnType<typeof parseOptions>;
  try {
    parsed = parseOptions(argv);
  } catch (error) {
    return usageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  const action = positionals[0];
  if (!action || !['initial-user', 'service-accounts', 'complete'].includes(action))
    return usageError(action ? `unknown action '${action}'` : 'an action is needed');
  const { config } = loadConfig<AuthConfig>(authDaemon, {
    argv: values.config ? ['-c', values.config] : [],
    env: {},
  });
  if (!config.db_uri) throw new Error('db_uri is not set');
  const database = createDatabase<AuthDatabase>({ uri: config.db_uri });
  const db = database.db;
  try {
    await migrateToLatest(db, authMigrations);
    if (action !== 'service-accounts') {
      const username = values.username ?? env.WAZO_AUTH_BOOTSTRAP_USERNAME ?? 'wazo-auth-cli';
      const generated = values.password ?? env.WAZO_AUTH_BOOTSTRAP_PASSWORD;
      const password = generated ?? randomPassword();
      const purpose = (values.purpose ?? env.WAZO_AUTH_BOOTSTRAP_PURPOSE ?? 'internal') as 'internal';
      const policySlug =
        values['policy-slug'] ?? env.WAZO_AUTH_BOOTSTRAP_POLICY_SLUG ?? config.bootstrap_user_policy_slug;
      await ensureUser(db, { username, password, purpose, policySlug }, config.password_hash_iterations);
      process.stdout.write(`initial user ${username} ready${generated ? '' : ` (password: ${password})`}\n`);
    }
    if (action !== 'initial-user')
      for (const [name, account] of Object.entries(config.service_accounts)) {
        const { keyFile } = await ensureServiceAccount(db, name, account, config.password_hash_iterations);
        process.stdout.write(`service account ${name}: ${keyFile}\n`);
      }
    return 0;
  } finally {
    await database.close();
  }
}

function parseOptions(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      config: { type: 'string', short: 'c' },
      username: { type: 'string' },
      password: { type: 'string' },
      purpose: { type: 'string' },
      'policy-slug': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}

main(process.argv.slice(2), process.env).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`wazo-auth-bootstrap: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
