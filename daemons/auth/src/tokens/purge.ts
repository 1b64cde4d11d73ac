/**
 * The expired-token purge, every `token_cleanup_interval` seconds (0: never), as Wazo's
 * ExpiredTokenRemover: delete expired tokens with their sessions (auth_session_deleted each),
 * then announce the sessions expiring before the next run (auth_session_expire_soon). A run
 * never overlaps the previous one; a failure is logged and the next run tries again.
 */
import type { Logger } from 'pino';
import type { TokenService } from './token.service.js';

export interface Purger {
  start(): void;
  stop(): Promise<void>;
  runOnce(): Promise<void>;
}

export function createPurger(service: TokenService, intervalSeconds: number, logger: Logger): Purger {
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;

  const runOnce = async () => {
    const purged = await service.purgeExpired();
    const warned = await service.notifyExpiringSoon(intervalSeconds);
    if (purged > 0 || warned > 0) logger.debug({ purged, warned }, 'expired tokens purged');
  };

  const tick = () => {
    if (running) return;
    running = runOnce()
      .catch((err: unknown) => logger.warn({ err }, 'expired token purge failed'))
      .finally(() => {
        running = null;
      });
  };

  return {
    start() {
      if (intervalSeconds <= 0 || timer) return;
      timer = setInterval(tick, intervalSeconds * 1000);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = null;
      await running;
    },
    runOnce,
  };
}
