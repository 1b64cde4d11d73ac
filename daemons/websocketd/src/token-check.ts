/**
 * When a session's token is checked again (Wazo's two strategies). `dynamic` sleeps according to
 * the time left: expired, 15 s; under 15 s, what remains; up to 80 s, at most 60 s; up to 16 h,
 * three quarters of it; beyond, 12 h. `static` checks every `auth_check_static_interval` seconds.
 * A check that finds the token gone, expired or unverifiable closes the session with 4003.
 */

export type AuthCheckStrategy = 'dynamic' | 'static';

export interface TokenCheckConfig {
  auth_check_strategy: AuthCheckStrategy;
  auth_check_static_interval: number;
}

/** Milliseconds until the next dynamic check of a token expiring at `expiresAt` (epoch ms). */
export function dynamicCheckDelay(expiresAt: number, now: number): number {
  const seconds = (expiresAt - now) / 1000;
  if (seconds <= 0) return 15_000;
  if (seconds < 15) return seconds * 1000;
  if (seconds <= 80) return Math.min(seconds, 60) * 1000;
  if (seconds <= 57_600) return Math.trunc(0.75 * seconds) * 1000;
  return 43_200_000;
}

export function nextCheckDelay(config: TokenCheckConfig, expiresAt: number, now: number): number {
  return config.auth_check_strategy === 'static'
    ? config.auth_check_static_interval * 1000
    : dynamicCheckDelay(expiresAt, now);
}
