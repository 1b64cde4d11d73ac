/**
 * SQL of subscriptions over webhookd's tables: a subscription row with its events, options
 * (the service's config) and metadata, always read whole. Reads are scoped by tenant uuids;
 * the few unscoped statements say so in their names (bus housekeeping).
 */
import type { Tx } from '@wazo-ts/db';
import { inTenants, isUuid } from '@wazo-ts/db';
import { sql } from 'kysely';
import type { WebhookdDatabase } from '../db/schema.js';
import { type NewSubscription, type Subscription, subscriptionOfRows } from './model.js';

type WTx = Tx<WebhookdDatabase>;

export interface SubscriptionFilter {
  /** Owner tenants seen; null for every tenant (bus housekeeping). */
  tenantUuids: readonly string[] | null;
  ownerUserUuid?: string;
  /** Every pair must match (Wazo's `search_metadata`). */
  metadata?: Record<string, string>;
  service?: string;
}

const uuids = (values: readonly string[]) => values.filter(isUuid);

/** Whole subscriptions for these uuids, in the order of `uuids`. */
async function loadMany(tx: WTx, subscriptionUuids: string[]): Promise<Subscription[]> {
  if (subscriptionUuids.length === 0) return [];
  const [rows, events, options, metadata] = await Promise.all([
    tx.db.selectFrom('webhookd_subscription').selectAll().where('uuid', 'in', subscriptionUuids).execute(),
    tx.db
      .selectFrom('webhookd_subscription_event')
      .selectAll()
      .where('subscription_uuid', 'in', subscriptionUuids)
      .execute(),
    tx.db
      .selectFrom('webhookd_subscription_option')
      .selectAll()
      .where('subscription_uuid', 'in', subscriptionUuids)
      .orderBy('name')
      .execute(),
    tx.db
      .selectFrom('webhookd_subscription_metadatum')
      .selectAll()
      .where('subscription_uuid', 'in', subscriptionUuids)
      .orderBy('key')
      .execute(),
  ]);
  const byUuid = new Map(rows.map((r) => [r.uuid, r]));
  return subscriptionUuids.flatMap((uuid) => {
    const subscription = byUuid.get(uuid);
    if (!subscription) return [];
    const of = <T extends { subscription_uuid: string }>(list: T[]) =>
      list.filter((x) => x.subscription_uuid === uuid);
    return [
      subscriptionOfRows({ subscription, events: of(events), options: of(options), metadata: of(metadata) }),
    ];
  });
}

async function writeRelations(tx: WTx, uuid: string, s: NewSubscription): Promise<void> {
  const events = [...new Set(s.events)];
  if (events.length > 0)
    await tx.db
      .insertInto('webhookd_subscription_event')
      .values(events.map((event_name) => ({ subscription_uuid: uuid, event_name })))
      .execute();
  const options = Object.entries(s.config);
  if (options.length > 0)
    await tx.db
      .insertInto('webhookd_subscription_option')
      .values(options.map(([name, value]) => ({ subscription_uuid: uuid, name, value })))
      .execute();
  const metadata = Object.entries(s.metadata);
  if (metadata.length > 0)
    await tx.db
      .insertInto('webhookd_subscription_metadatum')
      .values(metadata.map(([key, value]) => ({ subscription_uuid: uuid, key, value })))
      .execute();
}

async function clearRelations(tx: WTx, uuid: string): Promise<void> {
  await tx.db.deleteFrom('webhookd_subscription_event').where('subscription_uuid', '=', uuid).execute();
  await tx.db.deleteFrom('webhookd_subscription_option').where('subscription_uuid', '=', uuid).execute();
  await tx.db.deleteFrom('webhookd_subscription_metadatum').where('subscription_uuid', '=', uuid).execute();
}

export const subscriptionsDao = {
  async list(tx: WTx, filter: SubscriptionFilter): Promise<Subscription[]> {
    let query = tx.db.selectFrom('webhookd_subscription as s').select('s.uuid');
    if (filter.tenantUuids) query = query.where(inTenants('s.owner_tenant_uuid', uuids(filter.tenantUuids)));
    if (filter.ownerUserUuid !== undefined)
      query = query.where('s.owner_user_uuid', '=', filter.ownerUserUuid);
    if (filter.service !== undefined) query = query.where('s.service', '=', filter.service);
    for (const [key, value] of Object.entries(filter.metadata ?? {}))
      query = query.where(({ exists, selectFrom }) =>
        exists(
          selectFrom('webhookd_subscription_metadatum as m')
            .select('m.key')
            .whereRef('m.subscription_uuid', '=', 's.uuid')
            .where('m.key', '=', key)
            .where('m.value', '=', value),
        ),
      );
    const rows = await query.orderBy('s.created_at').orderBy('s.uuid').execute();
    return loadMany(
      tx,
      rows.map((r) => r.uuid),
    );
  },

  /** The subscription if its owner tenant is among `tenantUuids` (and its owner is `ownerUserUuid`). */
  async find(
    tx: WTx,
    uuid: string,
    scope: { tenantUuids: readonly string[]; ownerUserUuid?: string },
  ): Promise<Subscription | null> {
    if (!isUuid(uuid)) return null;
    let query = tx.db
      .selectFrom('webhookd_subscription as s')
      .select('s.uuid')
      .where('s.uuid', '=', uuid)
      .where(inTenants('s.owner_tenant_uuid', uuids(scope.tenantUuids)));
    if (scope.ownerUserUuid !== undefined) query = query.where('s.owner_user_uuid', '=', scope.ownerUserUuid);
    const row = await query.executeTakeFirst();
    return row ? ((await loadMany(tx, [row.uuid]))[0] ?? null) : null;
  },

  async create(tx: WTx, uuid: string, s: NewSubscription): Promise<Subscription> {
    await tx.db
      .insertInto('webhookd_subscription')
      .values({
        uuid,
        name: s.name,
        service: s.service,
        events_user_uuid: s.events_user_uuid,
        events_wazo_uuid: s.events_wazo_uuid,
        owner_user_uuid: s.owner_user_uuid,
        owner_tenant_uuid: s.owner_tenant_uuid,
      })
      .execute();
    await writeRelations(tx, uuid, s);
    return (await loadMany(tx, [uuid]))[0] as Subscription;
  },

  /** Replaces every field and relation of an existing subscription (Wazo's PUT). */
  async replace(tx: WTx, uuid: string, s: NewSubscription): Promise<Subscription> {
    await tx.db
      .updateTable('webhookd_subscription')
      .set({
        name: s.name,
        service: s.service,
        events_user_uuid: s.events_user_uuid,
        events_wazo_uuid: s.events_wazo_uuid,
        owner_user_uuid: s.owner_user_uuid,
        owner_tenant_uuid: s.owner_tenant_uuid,
      })
      .where('uuid', '=', uuid)
      .execute();
    await clearRelations(tx, uuid);
    await writeRelations(tx, uuid, s);
    return (await loadMany(tx, [uuid]))[0] as Subscription;
  },

  async delete(tx: WTx, uuid: string): Promise<void> {
    await tx.db.deleteFrom('webhookd_subscription').where('uuid', '=', uuid).execute();
  },

  /** Serialises the changes of one user's subscriptions until commit (mobile sync runs once at a time). */
  async lockUser(tx: WTx, userUuid: string): Promise<void> {
    await sql`SELECT pg_advisory_xact_lock(hashtext(${`webhookd-user:${userUuid}`}))`.execute(tx.db);
  },

  /** Unscoped, for `user_deleted`: subscriptions owned by the user or filtering on their events. */
  async listOfUserInAnyTenant(tx: WTx, userUuid: string): Promise<Subscription[]> {
    const rows = await tx.db
      .selectFrom('webhookd_subscription')
      .select('uuid')
      .where((eb) => eb.or([eb('owner_user_uuid', '=', userUuid), eb('events_user_uuid', '=', userUuid)]))
      .orderBy('created_at')
      .execute();
    return loadMany(
      tx,
      rows.map((r) => r.uuid),
    );
  },
};

export type SubscriptionsDao = typeof subscriptionsDao;
