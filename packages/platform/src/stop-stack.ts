/** What was started, stopped in reverse order, each step once even if stop() is called again. */

export interface StopStack {
  push(stop: () => Promise<void>): void;
  /** Pushes `started.stop` and hands `started` back, for `.then(stack.track)`. */
  track<T extends { stop(): Promise<void> }>(started: T): T;
  /** Runs every step, last pushed first; a failing step does not keep the others from running. */
  unwind(): Promise<void>;
}

export function createStopStack(): StopStack {
  const steps: (() => Promise<void>)[] = [];
  let unwinding: Promise<void> | undefined;
  return {
    push: (stop) => steps.push(stop),
    track(started) {
      steps.push(() => started.stop());
      return started;
    },
    unwind() {
      unwinding ??= (async () => {
        const failures: unknown[] = [];
        for (const step of steps.reverse()) await step().catch((error: unknown) => failures.push(error));
        if (failures.length > 0)
          throw new AggregateError(failures, 'some parts of the platform did not stop cleanly');
      })();
      return unwinding;
    },
  };
}
