// Brute-force guard of POST /token (a wazo-ts addition; Wazo has none).
export {
  createLoginGuard,
  type LoginFailureConfig,
  type LoginGuard,
  type LoginGuardOptions,
  tooManyFailures,
} from './login-guard.js';
