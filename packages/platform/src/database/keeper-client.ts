/**
 * Starts the PostgreSQL keeper (keeper.ts) and speaks to it: the platform's view of its
 * databases, whichever process runs them.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import type { EmbeddedStage } from '@wazo-ts/db';
import type { PlatformDatabases } from './databases.js';
import type { KeeperReply, KeeperRequest } from './keeper-protocol.js';

// Run from source (tsx) the sibling is keeper.ts, from a build keeper.js.
const keeperModule = fileURLToPath(
  new URL(`./keeper${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url),
);

const STOP_TIMEOUT_MS = 30_000;

function waitForReady(keeper: ChildProcess, onProgress: (stage: EmbeddedStage) => void) {
  return new Promise<PlatformDatabases['uris']>((resolve, reject) => {
    const onExit = (code: number | null) =>
      reject(new Error(`the PostgreSQL keeper exited (${code ?? 'signal'}) before the database was ready`));
    keeper.once('exit', onExit);
    keeper.on('message', (reply: KeeperReply) => {
      if (reply.type === 'progress') onProgress(reply.stage);
      else if (reply.type === 'error') reject(new Error(reply.message));
      else if (reply.type === 'ready') {
        keeper.off('exit', onExit);
        resolve(reply.uris);
      }
    });
  });
}

export async function startDatabaseKeeper(options: {
  dataDir: string;
  onProgress?: (stage: EmbeddedStage) => void;
}): Promise<PlatformDatabases & { pid: number }> {
  const keeper = fork(keeperModule, [options.dataDir], {
    // Its own process group: the terminal's Ctrl-C must not stop PostgreSQL before the daemons.
    detached: true,
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const exited = once(keeper, 'exit');
  const request = (message: KeeperRequest) => keeper.connected && keeper.send(message);
  let uris: PlatformDatabases['uris'];
  try {
    uris = await waitForReady(keeper, options.onProgress ?? (() => {}));
  } catch (error) {
    if (keeper.exitCode === null) keeper.kill('SIGKILL');
    throw error;
  }
  let stopping: Promise<void> | undefined;
  return {
    uris,
    pid: keeper.pid ?? 0,
    stop() {
      stopping ??= (async () => {
        if (keeper.exitCode !== null || keeper.signalCode !== null) return;
        request({ type: 'stop' });
        const timer = setTimeout(() => keeper.kill('SIGKILL'), STOP_TIMEOUT_MS);
        await exited;
        clearTimeout(timer);
      })();
      return stopping;
    },
  };
}
