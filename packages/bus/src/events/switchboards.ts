/**
 * wazo-confd's switchboard events (wazo-bus's `switchboard` resource), consumed by wazo-calld:
 * the switchboard (its whole answer), its fallbacks and its operators. Each carries the
 * switchboard's uuid as an event attribute (an AMQP header and a routing-key variable), and the
 * required ACL is wazo-bus's own format, without the `events.` prefix.
 */
import type { HeaderValue } from '../transport.js';
import { type BusEvent, defineEvent } from './define.js';

/** The switchboard as `GET /switchboards/{uuid}` shows it (uuid, tenant_uuid, name, relations...). */
export interface SwitchboardPayload {
  uuid: string;
  tenant_uuid: string;
  [field: string]: unknown;
}

const switchboardAttributes = (data: { uuid: string }) => ({ switchboard_uuid: data.uuid });

const switchboardEvent = <const N extends string>(name: N, action: string) =>
  defineEvent<SwitchboardPayload>()({
    name,
    routingKey: `config.switchboards.{switchboard_uuid}.${action}`,
    requiredAcl: `switchboards.{switchboard_uuid}.${action}`,
    scope: 'tenant',
    service: 'confd',
    attributes: switchboardAttributes,
  });

export const switchboardCreated = switchboardEvent('switchboard_created', 'created');
export const switchboardEdited = switchboardEvent('switchboard_edited', 'edited');
export const switchboardDeleted = switchboardEvent('switchboard_deleted', 'deleted');

/** What wazo-confd sends: its fallbacks schema dumped over the switchboard itself, so always null. */
export interface SwitchboardFallbackPayload {
  noanswer_destination: unknown;
}

export const switchboardFallbackEdited = defineEvent<SwitchboardFallbackPayload>()({
  name: 'switchboard_fallback_edited',
  routingKey: 'config.switchboards.fallbacks.edited',
  requiredAcl: 'switchboards.fallbacks.edited',
  scope: 'tenant',
  service: 'confd',
});

/**
 * `switchboard_fallback_edited` with its `switchboard_uuid` attribute, which its payload does not
 * hold: a header only (its routing key does not name the switchboard).
 */
export function switchboardFallbackEditedFor(
  data: SwitchboardFallbackPayload,
  switchboardUuid: string,
  tenantUuid: string,
): BusEvent<'switchboard_fallback_edited', SwitchboardFallbackPayload> {
  const event = switchboardFallbackEdited.build(data, { tenantUuid });
  const { name: _name, ...scoping } = event.headers;
  const headers: Record<string, HeaderValue> = {
    ...scoping,
    switchboard_uuid: switchboardUuid,
    name: event.name,
  };
  return { ...event, headers };
}

export interface SwitchboardMemberUsersPayload {
  switchboard_uuid: string;
  users: { uuid: string }[];
}

/** For the switchboard's tenant and, by their `user_uuid:` headers, each new operator. */
export const switchboardMemberUserAssociated = defineEvent<SwitchboardMemberUsersPayload>()({
  name: 'switchboard_member_user_associated',
  routingKey: 'config.switchboards.{switchboard_uuid}.members.users.updated',
  requiredAcl: 'switchboards.{switchboard_uuid}.members.users.updated',
  scope: 'multi_user',
  service: 'confd',
  attributes: (data) => ({ switchboard_uuid: data.switchboard_uuid }),
});
