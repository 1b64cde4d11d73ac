/**
 * The PostgreSQL keeper: a small child process that starts the embedded PostgreSQL and stops it
 * when told to, or when the platform process goes away (the IPC channel closes), so the server
 * never outlives the platform. It runs in its own process group: Ctrl-C in the terminal reaches
 * the platform only, which stops the daemons before the database. Started as root it stays root,
 * the one process able to stop a server run by the `postgres` user once the platform has dropped
 * its privileges; it reads nothing from the network.
 */
import { createDaemonLogger } from '@wazo-ts/daemon';
import { logFileOf } from '../data-dir.js';
import { startDatabases } from './databases.js';
import type { KeeperReply, KeeperRequest } from './keeper-protocol.js';

const send = (reply: KeeperReply) => process.send?.(reply);

async function serve(dataDir: string): Promise<void> {
  const logging = createDaemonLogger({
    daemon: 'postgresql',
    config: {
      debug: false,
      log_level: 'info',
      // In log/, root's folder: the keeper stays root and must not write where wazo can.
      log_filename: logFileOf(dataDir, 'postgresql'),
      log_stdout: false,
    },
  });
  let databases: Awaited<ReturnType<typeof startDatabases>> | undefined;
  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      await databases?.stop();
      send({ type: 'stopped' });
      await logging.close();
      process.exit(0);
    })();
    return stopping;
  };
  process.on('message', (request: KeeperRequest) => {
    if (request.type === 'stop') void stop();
  });
  process.on('disconnect', () => void stop());
  try {
    databases = await startDatabases({
      dataDir,
      logger: logging.logger,
      onProgress: (stage) => send({ type: 'progress', stage }),
    });
    send({ type: 'ready', uris: databases.uris });
  } catch (error) {
    logging.logger.error({ err: error }, 'the embedded PostgreSQL did not start');
    send({ type: 'error', message: error instanceof Error ? error.message : String(error) });
    await logging.close();
    process.exit(1);
  }
}

// The folder comes as the argument: a message sent before this module is loaded would be lost.
const dataDir = process.argv[2];
if (!dataDir || !process.send) {
  process.stderr.write(
    'the PostgreSQL keeper is started by the platform, with the data folder as argument\n',
  );
  process.exit(2);
}
void serve(dataDir);
