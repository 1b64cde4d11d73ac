/**
 * wazo-webhookd's daemon-wide resources: created once privileges are dropped, given to every
 * plugin, closed on shutdown in reverse. Open the database, clients of other daemons or an outbox
 * relay here (see daemons/confd/src/resources.ts); the template has only the greeting counter.
 */
import type { DaemonResources, ResourceContext } from '@wazo-ts/daemon';
import type { WebhookdConfig } from './definition.js';

export interface WebhookdResources extends DaemonResources {
  /** Greetings answered since start, shown in /status. */
  greetings: { count: number };
}

export async function createWebhookdResources(
  context: ResourceContext<WebhookdConfig>,
): Promise<WebhookdResources> {
  const greetings = { count: 0 };
  context.status.add('greetings', () => ({ status: 'ok', count: greetings.count }));
  return { greetings, close: async () => undefined };
}
