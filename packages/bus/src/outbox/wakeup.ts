/** A sleep that something else can cut short: a NOTIFY, the bus coming back, or stop(). */
export interface Wakeup {
  /** Resolves after `ms`, or earlier when `wake()` is called (also if it was called meanwhile). */
  sleep(ms: number): Promise<void>;
  wake(): void;
}

export function createWakeup(): Wakeup {
  let pending = false;
  let resolveSleep: (() => void) | undefined;
  return {
    sleep(ms) {
      if (pending) {
        pending = false;
        return Promise.resolve();
      }
      return new Promise<void>((resolve) => {
        const timer = setTimeout(done, ms);
        function done(): void {
          clearTimeout(timer);
          resolveSleep = undefined;
          resolve();
        }
        resolveSleep = done;
      });
    },
    wake() {
      if (resolveSleep) resolveSleep();
      else pending = true;
    },
  };
}
