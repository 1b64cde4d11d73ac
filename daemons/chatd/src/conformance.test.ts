/**
 * wazo-chatd meets the Wazo daemon definition, proven by the kit's conformance suite on a real
 * child process (TLS, CORS, an ACL on every route, status, config layers, log, privileges,
 * SIGTERM) with the suite's fake wazo-auth and the in-process bus.
 */
import { fileURLToPath } from 'node:url';
import { describeConformance } from '@wazo-ts/daemon/testing';

describeConformance({
  name: 'chatd',
  apiVersion: '1.0',
  entry: fileURLToPath(new URL('./main.ts', import.meta.url)),
  config: { bus: { transport: 'memory' } },
});
