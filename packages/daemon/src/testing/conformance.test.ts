// The kit proves its own conformance suite on its example daemon, as every daemon does on itself.
import { fileURLToPath } from 'node:url';
import { describeConformance } from './conformance.js';

describeConformance({
  name: 'hello',
  apiVersion: '1.0',
  entry: fileURLToPath(new URL('../example/main.ts', import.meta.url)),
  config: { bus: { transport: 'memory' } },
});
