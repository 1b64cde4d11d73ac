// wazo-auth for other packages' tests: a real daemon on a throwaway database, users seeded with an
// exact ACL, a token client, and a TLS gateway with Wazo's public paths.
export {
  type AuthUnderTest,
  type StartOptions,
  startAuth,
  TEST_PASSWORD_ITERATIONS,
} from './auth-under-test.js';
export { createUserSeeder, type SeededUser, type UserSeed, type UserSeeder } from './seed.js';
export { startTlsGateway, type TlsGateway } from './tls-gateway.js';
export * from './token-client.js';
