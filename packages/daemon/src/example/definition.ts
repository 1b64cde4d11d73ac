/** wazo-hello: the smallest daemon built on the kit, used by the kit's tests and as an example. */
import type { DaemonDefinition } from '../definition.js';
import { greetingsPlugin } from './greetings.plugin.js';

export const helloDaemon: DaemonDefinition = {
  name: 'hello',
  apiVersion: '1.0',
  defaultPort: 9399,
  errorShape: 'api',
  plugins: [greetingsPlugin],
};
