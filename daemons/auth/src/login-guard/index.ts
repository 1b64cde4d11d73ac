// Brute-force guard of POST /token (a wazo-ts addition; Wazo has none).

export { createMemoryGuardStore, type LoginGuardStore } from './guard-store.js';
export {
  createLoginGuard,
  type LoginFailureConfig,
  type LoginGuard,
  type LoginGuardOptions,
  tooManyFailures,
} from './login-guard.js';
export { createPgGuardStore } from './pg-guard-store.js';
