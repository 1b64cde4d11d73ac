/**
 * An owner-to-resource link declared as data (user ↔ schedule, group ↔ schedule, ...): which
 * tables and columns hold it, how many resources an owner may have, what associating a linked
 * pair again does, and which catalogue events announce it. The generic dao, validator, service
 * and notifier each read their part, so a new link is one declaration (docs/service-api.md).
 */
import type { BusEvent } from '@wazo-ts/bus';

/** How a route names either side: an id (number or digits) or a uuid. */
export type LinkKey = number | string;

/** What either side must carry: every linked row belongs to a tenant. */
export interface Tenanted {
  tenant_uuid: string;
}

/** One side of a link: its table (tenant-scoped by `tenant_uuid`) and the link table's column. */
export interface LinkSide<M, S> {
  /** Wazo's name in errors: `User was not found`, `User is associated with a Schedule`. */
  name: string;
  /** The side's own table, e.g. `users`. */
  table: string;
  /** The model field (and table column) the link references, e.g. `uuid`. */
  key: keyof M & string;
  /** The link table's column holding that key, e.g. `user_uuid`. */
  column: string;
  /** The side's columns a list of it answers (the fields of its summary), e.g. `['id', 'name']`. */
  summary: readonly (keyof S & string)[];
}

/** wazo-bus's scoping of the events: a tenant event reads `tenantUuid`, a user event `userUuid` too. */
export interface LinkScoping {
  tenantUuid: string;
  userUuid?: string | null;
}

/** A catalogue event as the notifier uses it (`userScheduleAssociated` fits). */
export interface LinkEvent<D> {
  build(data: D, scoping: LinkScoping): BusEvent;
}

export interface LinkEvents<O, R, D = object> {
  associated: LinkEvent<D>;
  dissociated: LinkEvent<D>;
  /** The body of both events, as Wazo sends it. */
  payload(owner: O, resource: R): D;
  scoping(owner: O): LinkScoping;
}

export interface LinkKind<O, R, OS, RS, D = object> {
  /** The link table, e.g. `user_schedules`. */
  table: string;
  owner: LinkSide<O, OS>;
  resource: LinkSide<R, RS>;
  /** 'one': an owner has at most one resource of this kind; another one is refused. */
  perOwner: 'one' | 'many';
  /** Associating a linked pair again: nothing happens (no event), or it is refused. */
  whenLinked: 'ignore' | 'refuse';
  /** Criteria of `<Owner> is associated with a <Resource>` (Wazo words them per link). */
  linkedCriteria(owner: O, resourceKey: LinkKey): Record<string, unknown>;
  events: LinkEvents<O, R, D>;
}

/**
 * Declares a link kind with its four types given (owner, resource, and what a list of each
 * answers) and the event payload inferred from the events.
 */
export function defineLink<O extends Tenanted, R extends Tenanted, OS, RS>() {
  return <D extends object>(kind: LinkKind<O, R, OS, RS, D>): LinkKind<O, R, OS, RS, D> => kind;
}
