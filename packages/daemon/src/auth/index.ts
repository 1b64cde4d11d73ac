export { invalidTokenError, missingPermissionError, unauthorizedTenantError } from './auth-errors.js';
export {
  type AuthHttpRequest,
  type AuthHttpResponse,
  type AuthTransport,
  authServerUnreachable,
  createAuthTransport,
} from './auth-transport.js';
export {
  type AuthenticateRequestInput,
  authenticateRequest,
  type RequestHeaders,
  tokenOf,
} from './authenticate.js';
export { type Clock, type Scheduler, systemClock, systemScheduler } from './clock.js';
export {
  type AuthLogger,
  createHttpTokenVerifier,
  type HttpTokenVerifier,
  type HttpTokenVerifierOptions,
} from './http-verifier.js';
export { loadServiceCredentials, type ServiceCredentials } from './service-credentials.js';
export {
  createServiceTokenRenewer,
  type ServiceToken,
  type ServiceTokenListener,
  type ServiceTokenRenewer,
  type ServiceTokenRenewerOptions,
} from './service-token.js';
export type { TokenCacheOptions } from './token-cache.js';
export type {
  RequestAuth,
  RouteAccess,
  TokenInfo,
  TokenLookupOptions,
  TokenMetadata,
  TokenVerifier,
} from './types.js';
export { parseTokenDocument, parseWazoUtc } from './wazo-token.js';
