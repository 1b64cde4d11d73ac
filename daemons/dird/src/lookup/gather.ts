/**
 * Asking several sources at once within a deadline, as Wazo's lookup and reverse services do on
 * their thread pools: a source that fails is logged and contributes nothing; one still running
 * at the deadline is aborted (its signal fires) and left out; never an error for the caller.
 */
import type { DirdLogger as Logger, SourceConfig } from '../backends/backend.js';

export interface SourceTask<T> {
  source: SourceConfig;
  run(signal: AbortSignal): Promise<T>;
}

export interface GatherOptions {
  timeoutMs: number;
  logger: Logger;
  /** The operation, for the log lines. */
  what: string;
  /** The caller's own signal (the request going away). */
  signal?: AbortSignal;
}

interface Race<T> {
  results: Promise<Array<{ source: SourceConfig; value: T } | undefined>>;
  controller: AbortController;
}

function race<T>(tasks: SourceTask<T>[], options: GatherOptions, onValue?: (value: T) => boolean): Race<T> {
  const controller = new AbortController();
  const stop = () => controller.abort(new Error(`${options.what} timed out`));
  options.signal?.addEventListener('abort', stop, { once: true });
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, options.timeoutMs);
    controller.signal.addEventListener('abort', () => resolve(), { once: true });
  });
  const results = tasks.map((task) => {
    const started = Promise.resolve()
      .then(() => task.run(controller.signal))
      .then(
        (value) => {
          if (onValue?.(value)) controller.abort(new Error('answered by another source'));
          return { source: task.source, value };
        },
        (error: unknown) => {
          if (!controller.signal.aborted)
            options.logger.warn(
              { err: error, source: task.source.name, backend: task.source.backend },
              `${options.what}: source ${task.source.name} failed`,
            );
          return undefined;
        },
      );
    return Promise.race([started, deadline.then(() => undefined)]);
  });
  const all = Promise.all(results).then((settled) => {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', stop);
    settled.forEach((outcome, i) => {
      const task = tasks[i];
      if (outcome === undefined && task && controller.signal.reason instanceof Error)
        options.logger.debug(
          { source: task.source.name },
          `${options.what}: source ${task.source.name} left out`,
        );
    });
    if (!controller.signal.aborted) controller.abort(new Error(`${options.what} finished`));
    return settled;
  });
  return { results: all, controller };
}

/** Every source's answer that came within the deadline, in the sources' order. */
export async function gatherAll<T>(
  tasks: SourceTask<T>[],
  options: GatherOptions,
): Promise<Array<{ source: SourceConfig; value: T }>> {
  const settled = await race(tasks, options).results;
  return settled.filter((outcome) => outcome !== undefined);
}

/** The first answer that is not null (by arrival), the others aborted; null if none in time. */
export async function firstAnswer<T>(
  tasks: SourceTask<T | null>[],
  options: GatherOptions,
): Promise<{ source: SourceConfig; value: T } | null> {
  let first: { source: SourceConfig; value: T } | null = null;
  const tagged = tasks.map((task) => ({
    source: task.source,
    run: async (signal: AbortSignal) => {
      const value = await task.run(signal);
      if (value !== null && first === null) first = { source: task.source, value };
      return value;
    },
  }));
  await race(tagged, options, (value) => value !== null).results;
  return first;
}
