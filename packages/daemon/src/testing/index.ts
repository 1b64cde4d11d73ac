// Test helpers of the daemon kit, for every daemon's tests: `@wazo-ts/daemon/testing`.

export { createFakeTokenVerifier, type FakeTokenVerifier } from '../auth/testing/fake-verifier.js';
export {
  type FakeTenant,
  type FakeToken,
  type FakeWazoAuth,
  startFakeWazoAuth,
} from '../auth/testing/fake-wazo-auth.js';
export { type CertificateFiles, createSelfSignedCertificate } from './certificates.js';
export { type ConformanceOptions, describeConformance } from './conformance.js';
export {
  type DaemonProcess,
  type DaemonProcessOptions,
  runDaemonToExit,
  startDaemonProcess,
} from './daemon-process.js';
export { serializedAsDocumented } from './documented-serialization.js';
export { createFakeClock, type FakeClock } from './fake-clock.js';
export { call, type TestRequest, type TestResponse } from './http-client.js';
export { documentedOperations, undocumentedAnswers } from './openapi-coverage.js';
export {
  assertNoHarm,
  fillPath,
  hostileTexts,
  UNKNOWN_KEYS,
  WRONG_VALUES,
  type WriteProbe,
  type WriteRoute,
  writeRoutes,
  wrongFieldBodies,
} from './write-routes.js';
