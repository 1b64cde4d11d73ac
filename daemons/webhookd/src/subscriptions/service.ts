/**
 * Subscriptions' rules: who sees which (owner tenants, owner user), what a create or a replace
 * stores, the events each change sends, and the housekeeping the bus asks for (a user or tenant
 * gone, a mobile external auth added or removed). Every change is one unit of work with its events.
 */
import type { Tx, UnitOfWork } from '@wazo-ts/db';
import type { WebhookdDatabase } from '../db/schema.js';
import type { SubscriptionChanges } from './changes.js';
import type { SubscriptionFilter, SubscriptionsDao } from './dao.js';
import { noSuchSubscription } from './errors.js';
import type { LogsDao, LogsQuery } from './logs.js';
import type { NewSubscription, Subscription } from './model.js';
import { notifySubscription, type SubscriptionChange } from './notifier.js';
import { validateConfig } from './validator.js';

/** Who may see a subscription: its owner tenant among these, and its owner this user if given. */
export interface SubscriptionScope {
  tenantUuids: readonly string[];
  ownerUserUuid?: string;
}

/** A subscription as asked for: its `config` not yet checked against its service. */
export type SubscriptionInput = Omit<NewSubscription, 'config'> & { config: Record<string, unknown> };

/** The events of Wazo's `mobile` service subscription. */
export const MOBILE_EVENTS = [
  'call_cancel_push_notification',
  'call_push_notification',
  'chatd_user_room_message_created',
  'global_voicemail_message_created',
  'user_missed_call',
  'user_voicemail_message_created',
];

export interface SubscriptionsServiceDeps {
  uow: UnitOfWork<WebhookdDatabase>;
  dao: SubscriptionsDao;
  logs: LogsDao;
  newUuid: () => string;
  /** Told of each change once committed. */
  changes: SubscriptionChanges;
}

export function createSubscriptionsService({ uow, dao, logs, newUuid, changes }: SubscriptionsServiceDeps) {
  /** Runs `work` in a unit of work, then tells the listeners what it changed (after commit only). */
  async function changing<T>(
    work: (tx: Tx<WebhookdDatabase>, changed: [SubscriptionChange, Subscription][]) => Promise<T>,
  ): Promise<T> {
    const changed: [SubscriptionChange, Subscription][] = [];
    const result = await uow.run((tx) => work(tx, changed));
    for (const [change, subscription] of changed) changes.emit(change, subscription);
    return result;
  }

  async function mustFind(tx: Tx<WebhookdDatabase>, uuid: string, scope: SubscriptionScope) {
    const found = await dao.find(tx, uuid, scope);
    if (!found) throw noSuchSubscription(uuid);
    return found;
  }

  const checked = (input: SubscriptionInput): NewSubscription => ({
    ...input,
    config: validateConfig(input.service, input.config),
  });

  async function remove(
    tx: Tx<WebhookdDatabase>,
    changed: [SubscriptionChange, Subscription][],
    subscription: Subscription,
  ): Promise<void> {
    await dao.delete(tx, subscription.uuid);
    notifySubscription(tx.events, 'deleted', subscription);
    changed.push(['deleted', subscription]);
  }

  return {
    list: (filter: SubscriptionFilter & { tenantUuids: readonly string[] }) =>
      uow.read((tx) => dao.list(tx, filter)),

    get: (uuid: string, scope: SubscriptionScope) => uow.read((tx) => mustFind(tx, uuid, scope)),

    create: (input: SubscriptionInput) =>
      changing(async (tx, changed) => {
        const created = await dao.create(tx, newUuid(), checked(input));
        notifySubscription(tx.events, 'created', created);
        changed.push(['created', created]);
        return created;
      }),

    /** Wazo's PUT: every field replaced by `input` (which the route built, as Wazo, from the body and the caller). */
    replace: (uuid: string, scope: SubscriptionScope, input: (current: Subscription) => SubscriptionInput) =>
      changing(async (tx, changed) => {
        const current = await mustFind(tx, uuid, scope);
        const updated = await dao.replace(tx, uuid, checked(input(current)));
        notifySubscription(tx.events, 'updated', updated);
        changed.push(['updated', updated]);
        return updated;
      }),

    delete: (uuid: string, scope: SubscriptionScope) =>
      changing(async (tx, changed) => remove(tx, changed, await mustFind(tx, uuid, scope))),

    logs: (uuid: string, scope: SubscriptionScope, query: LogsQuery) =>
      uow.read(async (tx) => {
        await mustFind(tx, uuid, scope);
        return logs.list(tx, uuid, query);
      }),

    /** `user_deleted`: the user's own subscriptions and those on their events. */
    deleteOfUser: (userUuid: string) =>
      changing(async (tx, changed) => {
        const gone = await dao.listOfUserInAnyTenant(tx, userUuid);
        for (const subscription of gone) await remove(tx, changed, subscription);
        return gone.length;
      }),

    /** `auth_tenant_deleted`: every subscription the tenant owns. */
    deleteOfTenant: (tenantUuid: string) =>
      changing(async (tx, changed) => {
        const gone = await dao.list(tx, { tenantUuids: [tenantUuid] });
        for (const subscription of gone) await remove(tx, changed, subscription);
        return gone.length;
      }),

    /**
     * A user's `mobile` external auth exists (`present`) or not: exactly one `mobile` service
     * subscription for them then, or none. Safe to repeat.
     */
    syncMobile: (user: { userUuid: string; tenantUuid: string }, present: boolean) =>
      changing(async (tx, changed) => {
        await dao.lockUser(tx, user.userUuid);
        const existing = await dao.list(tx, {
          tenantUuids: null,
          ownerUserUuid: user.userUuid,
          metadata: { mobile: 'true' },
        });
        const keep = present ? existing.find((s) => s.service === 'mobile') : undefined;
        for (const subscription of existing)
          if (subscription !== keep) await remove(tx, changed, subscription);
        if (keep || !present) return keep ?? null;
        const created = await dao.create(tx, newUuid(), {
          name: `Push notification mobile for user ${user.tenantUuid}/${user.userUuid}`,
          service: 'mobile',
          events: MOBILE_EVENTS,
          config: {},
          events_user_uuid: user.userUuid,
          events_wazo_uuid: null,
          owner_user_uuid: user.userUuid,
          owner_tenant_uuid: user.tenantUuid,
          metadata: { mobile: 'true' },
        });
        notifySubscription(tx.events, 'created', created);
        changed.push(['created', created]);
        return created;
      }),
  };
}

export type SubscriptionsService = ReturnType<typeof createSubscriptionsService>;
