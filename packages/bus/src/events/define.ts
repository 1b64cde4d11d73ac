/**
 * Declaring an event once: its Wazo name, routing-key format, optional ACL format, scope and
 * payload type. `build` turns a payload into a {@link BusEvent} with everything the envelope needs,
 * computed exactly as wazo-bus's event classes do (scoping headers, routing key, `required_acl`).
 */
import { formatKey } from '../envelope/format.js';
import type { HeaderValue } from '../transport.js';

/** Who an event is for: wazo-bus's ServiceEvent, TenantEvent, UserEvent and MultiUserEvent. */
export type EventScope = 'service' | 'tenant' | 'user' | 'multi_user';

export interface EventScoping {
  service: Record<string, never>;
  tenant: { tenantUuid: string };
  /** `userUuid: null` is allowed by wazo-bus: the event then carries no `user_uuid:` header. */
  user: { tenantUuid: string; userUuid: string | null };
  multi_user: { tenantUuid: string; userUuids: readonly string[] };
}

type ScopeArgs<S extends EventScope> = S extends 'service' ? [] : [scoping: EventScoping[S]];

export interface EventSpec<N extends string, D extends object, S extends EventScope> {
  /** Wazo's event name (header and body `name`). */
  name: N;
  /** Python format string over the payload and event attributes, e.g. `config.users.{user_uuid}...`. */
  routingKey: string;
  /** Format of `required_acl`; `events.<routing key>` when absent. */
  requiredAcl?: string;
  scope: S;
  /** The daemon that publishes it (documentation). */
  service?: string;
  /**
   * Extra event attributes (wazo-bus instance attributes such as `session_uuid`): they become AMQP
   * headers and format variables.
   */
  attributes?: (data: D) => Record<string, HeaderValue>;
}

/** An event ready to be encoded: plain data, so it can be stored (outbox) or compared in tests. */
export interface BusEvent<N extends string = string, D = unknown> {
  readonly name: N;
  readonly data: D;
  /** Scoping headers, extra attributes and `name`, in wazo-bus's order. */
  readonly headers: Readonly<Record<string, HeaderValue>>;
  readonly routingKey: string;
  readonly requiredAcl: string;
}

export interface EventDefinition<
  N extends string = string,
  D extends object = object,
  S extends EventScope = EventScope,
> extends Readonly<EventSpec<N, D, S>> {
  build(data: D, ...scoping: ScopeArgs<S>): BusEvent<N, D>;
}

/** Payload type of a definition: `EventData<typeof userCreated>`. */
export type EventData<E> = E extends EventDefinition<string, infer D> ? D : never;

function scopeAttributes(
  scope: EventScope,
  scoping: Partial<EventScoping['multi_user'] & EventScoping['user']>,
) {
  // `vars` are wazo-bus's instance attributes (format variables); `users` become header flags.
  if (scope === 'service') return { vars: {}, users: [] as string[] };
  const tenant = { tenant_uuid: String(scoping.tenantUuid) };
  if (scope === 'tenant') return { vars: { ...tenant, 'user_uuid:*': true }, users: [] };
  if (scope === 'user') {
    const user = scoping.userUuid ?? null;
    return { vars: { ...tenant, user_uuid: user }, users: user ? [user] : [] };
  }
  return { vars: tenant, users: [...(scoping.userUuids ?? [])] };
}

function buildEvent<N extends string, D extends object>(
  spec: EventSpec<N, D, EventScope>,
  data: D,
  scoping: Partial<EventScoping['multi_user'] & EventScoping['user']>,
): BusEvent<N, D> {
  const { vars, users } = scopeAttributes(spec.scope, scoping);
  const extra = spec.attributes?.(data) ?? {};
  const variables = { ...(data as Record<string, unknown>), ...vars, ...extra, name: spec.name };
  const headers: Record<string, HeaderValue> = { ...vars, ...extra, name: spec.name };
  delete headers.user_uuid;
  for (const user of users) headers[`user_uuid:${user}`] = true;
  const routingKey = formatKey(spec.routingKey, variables);
  const requiredAcl = spec.requiredAcl ? formatKey(spec.requiredAcl, variables) : `events.${routingKey}`;
  return { name: spec.name, data, headers, routingKey, requiredAcl };
}

/**
 * Declares an event. Curried so the payload type is given explicitly while the name and scope are
 * inferred: `defineEvent<UserPayload>()({ name: 'user_created', scope: 'tenant', ... })`.
 */
export function defineEvent<D extends object>() {
  return <const N extends string, const S extends EventScope>(
    spec: EventSpec<N, D, S>,
  ): EventDefinition<N, D, S> =>
    Object.freeze({
      ...spec,
      build: (data: D, ...args: ScopeArgs<S>) => buildEvent(spec, data, args[0] ?? {}),
    });
}
