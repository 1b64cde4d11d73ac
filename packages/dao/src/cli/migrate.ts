#!/usr/bin/env node
/**
 * `wazo-dao-migrate --db-uri postgresql://...`: applies the pending migrations and prints what it
 * did; `--status` lists them instead. Safe to run while daemons start (the runner is locked).
 * Exit codes: 0 done, 1 migration or connection failure, 2 bad arguments.
 */
import { parseArgs } from 'node:util';
import { createDatabase, migrateToLatest, migrationStatus, redactUri } from '@wazo-ts/db';
import type { Database } from '../db/database.js';
import { serviceApiMigrations } from '../db/migrations.js';

const usage = 'usage: wazo-dao-migrate --db-uri postgresql://user@host:port/db [--status]\n';

function parse(): { uri: string; status: boolean } | 'help' | undefined {
  try {
    const { values } = parseArgs({
      options: {
        'db-uri': { type: 'string' },
        status: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
    const uri = values['db-uri'] ?? process.env.WAZO_DB_URI;
    if (values.help) return 'help';
    if (!uri) return undefined;
    return { uri, status: values.status ?? false };
  } catch {
    return undefined;
  }
}

async function main(): Promise<number> {
  const args = parse();
  if (args === 'help') {
    process.stdout.write(usage);
    return 0;
  }
  if (!args) {
    process.stderr.write(usage);
    return 2;
  }
  const handle = createDatabase<Database>({ uri: args.uri, poolSize: 2 });
  try {
    if (args.status) {
      for (const m of await migrationStatus(handle.db, serviceApiMigrations)) {
        process.stdout.write(`${m.name}\t${m.executedAt ? m.executedAt.toISOString() : 'pending'}\n`);
      }
    } else {
      const applied = await migrateToLatest(handle.db, serviceApiMigrations);
      const summary = applied.length > 0 ? `applied: ${applied.join(', ')}` : 'schema is up to date';
      process.stdout.write(`${redactUri(args.uri)}: ${summary}\n`);
    }
    return 0;
  } catch (err) {
    process.stderr.write(`wazo-dao-migrate: ${err instanceof Error ? err.message : String(err)}\n`);
    return 1;
  } finally {
    await handle.close();
  }
}

process.exitCode = await main();
