/**
 * A subscription as Wazo's webhookd answers it, the bodies it accepts (admin and user routes),
 * and the mapping from webhookd's five tables to it, which the delivery engine reads too.
 */
import { Nullable, type Static, Type } from '@wazo-ts/daemon/schema';

const StringMap = (description: string) =>
  Type.Record(Type.String(), Type.String(), { description, default: {} });

const Uuid36 = (description: string) => Nullable(Type.String({ maxLength: 36 }), { description });

export const SubscriptionSchema = Type.Object({
  uuid: Type.String({ format: 'uuid' }),
  name: Type.String(),
  service: Type.String({ description: '`http` or `mobile`; any other name is stored but never run.' }),
  events: Type.Array(Type.String(), { description: 'Bus event names (the `name` header).' }),
  config: Type.Record(Type.String(), Type.String(), {
    description: "The service's options as a flat string map (http: url, method, body, ...).",
  }),
  events_user_uuid: Nullable(Type.String(), { description: 'Only events for this user.' }),
  events_wazo_uuid: Nullable(Type.String(), { description: 'Only events from this Wazo (origin_uuid).' }),
  owner_user_uuid: Nullable(Type.String(), { description: 'The user who owns the subscription.' }),
  owner_tenant_uuid: Type.String({ format: 'uuid' }),
  metadata: Type.Record(Type.String(), Type.String()),
});
export type Subscription = Static<typeof SubscriptionSchema>;

/** What Wazo puts in a user's subscription events (webhookd_user_subscription_*). */
export type UserSubscription = Pick<
  Subscription,
  'uuid' | 'name' | 'service' | 'events' | 'config' | 'metadata'
>;

const common = {
  name: Type.String({ maxLength: 128 }),
  service: Type.String({ maxLength: 128 }),
  events: Type.Array(Type.String({ maxLength: 128 })),
  config: Type.Record(Type.String(), Type.Unknown(), {
    description:
      'http: `url` (required, ≤8192, a template), `method` (required: head, get, post, put or delete), `body` (≤16384, a template), `verify_certificate` ("true", "false" or a CA bundle path), `content_type` (≤256). Other services: strings.',
  }),
  metadata: Type.Optional(StringMap('Free key/value strings, searchable with `search_metadata=key:value`.')),
};

/** POST/PUT /subscriptions (unknown keys dropped, as Wazo). */
export const SubscriptionBodySchema = Type.Object(
  {
    ...common,
    events_user_uuid: Type.Optional(Uuid36('Only events for this user.')),
    events_wazo_uuid: Type.Optional(Uuid36('Only events from this Wazo.')),
    owner_user_uuid: Type.Optional(Uuid36('The user owning the subscription.')),
  },
  { additionalProperties: false },
);
export type SubscriptionBody = Static<typeof SubscriptionBodySchema>;

/** POST/PUT /users/me/subscriptions: the owner and event filters come from the token. */
export const UserSubscriptionBodySchema = Type.Object(common, { additionalProperties: false });
export type UserSubscriptionBody = Static<typeof UserSubscriptionBodySchema>;

/** A subscription ready to store: validated, config normalised to strings. */
export interface NewSubscription {
  name: string;
  service: string;
  events: string[];
  config: Record<string, string>;
  events_user_uuid: string | null;
  events_wazo_uuid: string | null;
  owner_user_uuid: string | null;
  owner_tenant_uuid: string;
  metadata: Record<string, string>;
}

/** The rows of one subscription as its tables hold them. */
export interface SubscriptionRows {
  subscription: {
    uuid: string;
    name: string;
    service: string;
    events_user_uuid: string | null;
    events_wazo_uuid: string | null;
    owner_user_uuid: string | null;
    owner_tenant_uuid: string;
  };
  events: { event_name: string }[];
  options: { name: string; value: string | null }[];
  metadata: { key: string; value: string | null }[];
}

/** The subscription of its rows (events sorted by name; null option or metadatum values as ''). */
export function subscriptionOfRows(rows: SubscriptionRows): Subscription {
  const { subscription: s } = rows;
  return {
    uuid: s.uuid,
    name: s.name,
    service: s.service,
    events: rows.events.map((e) => e.event_name).sort(),
    config: Object.fromEntries(rows.options.map((o) => [o.name, o.value ?? ''])),
    events_user_uuid: s.events_user_uuid,
    events_wazo_uuid: s.events_wazo_uuid,
    owner_user_uuid: s.owner_user_uuid,
    owner_tenant_uuid: s.owner_tenant_uuid,
    metadata: Object.fromEntries(rows.metadata.map((m) => [m.key, m.value ?? ''])),
  };
}

export function userSubscriptionOf(s: Subscription): UserSubscription {
  return {
    uuid: s.uuid,
    name: s.name,
    service: s.service,
    events: s.events,
    config: s.config,
    metadata: s.metadata,
  };
}

/** The list answer: Wazo's `total` is the number of items (no paging). */
export const SubscriptionListSchema = Type.Object({
  items: Type.Array(SubscriptionSchema),
  total: Type.Integer(),
});
