/**
 * wazo-chatd's daemon-wide resources: created once privileges are dropped, given to every
 * plugin, closed on shutdown in reverse. Open the database, clients of other daemons or an outbox
 * relay here (see daemons/confd/src/resources.ts); the template has only the greeting counter.
 */
import type { DaemonResources, ResourceContext } from '@wazo-ts/daemon';
import type { ChatdConfig } from './definition.js';

export interface ChatdResources extends DaemonResources {
  /** Greetings answered since start, shown in /status. */
  greetings: { count: number };
}

export async function createChatdResources(context: ResourceContext<ChatdConfig>): Promise<ChatdResources> {
  const greetings = { count: 0 };
  context.status.add('greetings', () => ({ status: 'ok', count: greetings.count }));
  return { greetings, close: async () => undefined };
}
