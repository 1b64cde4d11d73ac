/**
 * Start and stop hooks of a daemon and its plugins. Start hooks run in registration order once
 * the daemon serves; stop hooks run in reverse order, each bounded so one stuck component cannot
 * block shutdown, and a failing one is logged without stopping the others.
 */
import type { Logger } from 'pino';
import type { PluginLifecycle } from '../plugins/types.js';

type Hook = () => Promise<void> | void;

export interface DaemonHooks extends Required<PluginLifecycle> {
  start(): Promise<void>;
  /** Runs the drain hooks (reverse order, bounded), before the server stops accepting. */
  drain(timeoutMs?: number): Promise<void>;
  stop(timeoutMs?: number): Promise<void>;
}

async function bounded(hook: Hook, timeoutMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`stop hook still running after ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    await Promise.race([hook(), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export function createHooks(logger: Logger): DaemonHooks {
  const starts: Hook[] = [];
  const stops: Hook[] = [];
  const drains: Hook[] = [];
  const runAll = async (hooks: Hook[], timeoutMs: number, what: string) => {
    for (const hook of [...hooks].reverse()) {
      try {
        await bounded(hook, timeoutMs);
      } catch (err) {
        logger.error({ err }, `${what} hook failed`);
      }
    }
  };
  return {
    onStart: (hook) => void starts.push(hook),
    onStop: (hook) => void stops.push(hook),
    onDrain: (hook) => void drains.push(hook),
    async start() {
      for (const hook of starts) await hook();
    },
    drain: (timeoutMs = 10_000) => runAll(drains, timeoutMs, 'drain'),
    stop: (timeoutMs = 10_000) => runAll(stops, timeoutMs, 'stop'),
  };
}
