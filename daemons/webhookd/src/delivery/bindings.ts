/**
 * The durable queue's bindings, as Wazo makes them: one per subscription and event name, headers
 * matched all: `name`; `tenant_uuid` unless the owner is the master tenant (which sees every
 * tenant); `user_uuid:<events_user_uuid>` (`user_uuid:*` for `global_voicemail_message_created`);
 * `origin_uuid` = events_wazo_uuid. Equal bindings are declared once. Reconciling re-reads the
 * subscriptions and adds or removes the difference, one reconciliation at a time, so concurrent
 * changes always end with the bindings of the last state read; what is bound is recorded in the
 * database so that bindings of subscriptions removed while the daemon was down go too.
 */
import type { HeaderBinding, Subscription } from '@wazo-ts/bus';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { WebhookdDatabase } from '../db/schema.js';
import { GLOBAL_VOICEMAIL_EVENT } from './delivery.dao.js';

export interface BindingSource {
  owner_tenant_uuid: string;
  events_user_uuid: string | null;
  events_wazo_uuid: string | null;
  event_name: string;
}

export function bindingHeaders(
  source: BindingSource,
  masterTenant: string,
): Record<string, string | boolean> {
  const headers: Record<string, string | boolean> = { name: source.event_name };
  if (source.owner_tenant_uuid !== masterTenant) headers.tenant_uuid = source.owner_tenant_uuid;
  if (source.events_user_uuid) {
    const user = source.event_name === GLOBAL_VOICEMAIL_EVENT ? '*' : source.events_user_uuid;
    headers[`user_uuid:${user}`] = true;
  }
  if (source.events_wazo_uuid) headers.origin_uuid = source.events_wazo_uuid;
  return headers;
}

/** One key per distinct binding (header order does not matter). */
export function bindingKey(headers: Record<string, string | boolean>): string {
  return JSON.stringify(
    Object.keys(headers)
      .sort()
      .map((k) => [k, headers[k]]),
  );
}

const asBinding = (headers: Record<string, string | boolean>): HeaderBinding => ({ headers, match: 'all' });

export interface BindingsOptions {
  db: Kysely<WebhookdDatabase>;
  services: string[];
  masterTenant: string;
  logger: Logger;
}

export interface Bindings {
  /** The bindings every subscription needs now (declared with the queue at start). */
  desired(): Promise<Map<string, Record<string, string | boolean>>>;
  /** Brings the queue's bindings in line with the subscriptions; calls are serialized. */
  reconcile(subscription: Subscription): Promise<void>;
  /** Bindings in place after the last reconciliation (for /status). */
  count(): number;
}

export function createBindings(options: BindingsOptions): Bindings {
  const { db } = options;
  let chain: Promise<void> = Promise.resolve();
  let boundCount = 0;

  async function desired() {
    const rows = await db
      .selectFrom('webhookd_subscription as s')
      .innerJoin('webhookd_subscription_event as e', 'e.subscription_uuid', 's.uuid')
      .select(['s.owner_tenant_uuid', 's.events_user_uuid', 's.events_wazo_uuid', 'e.event_name'])
      .where('s.service', 'in', options.services)
      .execute();
    const wanted = new Map<string, Record<string, string | boolean>>();
    for (const row of rows) {
      const headers = bindingHeaders(row, options.masterTenant);
      wanted.set(bindingKey(headers), headers);
    }
    return wanted;
  }

  async function apply(subscription: Subscription): Promise<void> {
    const wanted = await desired();
    const bound = await db.selectFrom('webhookd_delivery_binding').select(['key', 'headers']).execute();
    const boundKeys = new Set(bound.map((b) => b.key));
    for (const [key, headers] of wanted) {
      if (boundKeys.has(key)) continue;
      await subscription.bind(asBinding(headers));
      await db
        .insertInto('webhookd_delivery_binding')
        .values({ key, headers: JSON.stringify(headers) })
        .execute();
    }
    const stale = bound.filter((b) => !wanted.has(b.key));
    for (const { key, headers } of stale) {
      await subscription.unbind(asBinding(headers));
      await db.deleteFrom('webhookd_delivery_binding').where('key', '=', key).execute();
    }
    boundCount = wanted.size;
    const added = [...wanted.keys()].filter((k) => !boundKeys.has(k)).length;
    if (added + stale.length > 0)
      options.logger.debug(
        { added, removed: stale.length, total: wanted.size },
        'delivery queue bindings updated',
      );
  }

  return {
    desired,
    reconcile(subscription) {
      const run = chain.then(() => apply(subscription));
      chain = run.catch(() => undefined);
      return run;
    },
    count: () => boundCount,
  };
}
