/**
 * The platform's PostgreSQL: the embedded server in `<data>/postgresql`, with one database per
 * daemon (daemons never share a database, as on a Wazo stack).
 */
import { join } from 'node:path';
import { type EmbeddedStage, startEmbeddedPostgres } from '@wazo-ts/db';
import pg from 'pg';
import type { Logger } from 'pino';

export const DAEMON_DATABASES = { auth: 'wazo_auth', confd: 'wazo_confd', dird: 'wazo_dird' } as const;
export type DatabaseOwner = keyof typeof DAEMON_DATABASES;

export interface PlatformDatabases {
  /** PostgreSQL URI of each daemon's own database. */
  uris: Record<DatabaseOwner, string>;
  stop(): Promise<void>;
}

function withDatabase(uri: string, database: string): string {
  const url = new URL(uri);
  url.pathname = `/${encodeURIComponent(database)}`;
  return url.toString();
}

async function ensureDatabase(uri: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: withDatabase(uri, 'postgres') });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
  } finally {
    await client.end();
  }
}

export async function startDatabases(options: {
  dataDir: string;
  logger: Logger;
  onProgress?: (stage: EmbeddedStage) => void;
}): Promise<PlatformDatabases> {
  const server = await startEmbeddedPostgres({
    dataDir: join(options.dataDir, 'postgresql'),
    database: DAEMON_DATABASES.auth,
    logger: options.logger,
    onProgress: options.onProgress,
  });
  try {
    await ensureDatabase(server.uri, DAEMON_DATABASES.confd);
    await ensureDatabase(server.uri, DAEMON_DATABASES.dird);
  } catch (error) {
    await server.stop();
    throw error;
  }
  return {
    uris: {
      auth: server.uri,
      confd: withDatabase(server.uri, DAEMON_DATABASES.confd),
      dird: withDatabase(server.uri, DAEMON_DATABASES.dird),
    },
    stop: () => server.stop(),
  };
}
