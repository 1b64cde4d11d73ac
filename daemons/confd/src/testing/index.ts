// wazo-confd for tests: the real daemon in-process against a real wazo-auth (startConfd), and
// confd's routes on a real database behind the kit's HTTP stack with a fake verifier (buildTestApi).
export {
  CONFD_SERVICE_ACL,
  type ConfdUnderTest,
  type StartConfdOptions,
  startConfd,
} from './confd-under-test.js';
export { buildTestApi, type TestApi } from './test-app.js';
