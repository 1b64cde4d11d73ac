/**
 * A kind of on/off setting of a user, declared as data: a user's services (dnd, incallfilter:
 * `{enabled}`) and forwards (busy, noanswer, unconditional: `{enabled, destination}`). They live
 * on the user row, as in Wazo. The generic dao, service and notifier read their part, so a new
 * kind is one declaration (docs/service-api.md).
 */
import type { BusEvent } from '@wazo-ts/bus';

/** The body of `users_<kind>_<name>_updated`: the user, then the setting after the change. */
export type SettingPayload<S> = { user_id: number; user_uuid: string; tenant_uuid: string } & S;

/** A catalogue event as the notifier uses it (`usersServicesDndUpdated` fits). */
export interface SettingEvent<S> {
  build(data: SettingPayload<S>, scoping: { tenantUuid: string; userUuid: string }): BusEvent;
}

export interface UserSettingKind<N extends string, S extends object> {
  /** The settings of the kind, in Wazo's order (answers and events follow it). */
  names: readonly N[];
  /** The fields of each setting, in Wazo's order. */
  fields: readonly (keyof S & string)[];
  /** The users table's column holding a field of a setting, e.g. `forward_busy_destination`. */
  column(name: N, field: keyof S & string): string;
  /** Fields where '' means none: stored and answered as null, as Wazo does. */
  emptyIsNull?: readonly (keyof S & string)[];
  /** One `users_<kind>_<name>_updated` event per setting. */
  events: Record<N, SettingEvent<S>>;
}

/** Every setting of a kind: `{dnd: {enabled}, incallfilter: {enabled}}`. */
export type UserSettings<N extends string, S> = Record<N, S>;

/** A change: the settings given, and of each the fields given (the others are kept). */
export type UserSettingsUpdate<N extends string, S> = Partial<Record<N, Partial<S>>>;
