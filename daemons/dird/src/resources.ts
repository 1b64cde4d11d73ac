/**
 * wazo-dird's daemon-wide resources: created once privileges are dropped, given to every
 * plugin, closed on shutdown in reverse. Open the database, clients of other daemons or an outbox
 * relay here (see daemons/confd/src/resources.ts); the template has only the greeting counter.
 */
import type { DaemonResources, ResourceContext } from '@wazo-ts/daemon';
import type { DirdConfig } from './definition.js';

export interface DirdResources extends DaemonResources {
  /** Greetings answered since start, shown in /status. */
  greetings: { count: number };
}

export async function createDirdResources(context: ResourceContext<DirdConfig>): Promise<DirdResources> {
  const greetings = { count: 0 };
  context.status.add('greetings', () => ({ status: 'ok', count: greetings.count }));
  return { greetings, close: async () => undefined };
}
