/** wazo-confd's call filter (boss/secretary) events: the filter, its fallbacks and its members. */
import { defineEvent } from './define.js';

export interface CallFilterPayload {
  id: number;
}

const callFilterEvent = <const N extends string>(name: N, routingKey: string) =>
  defineEvent<CallFilterPayload>()({ name, routingKey, scope: 'tenant', service: 'confd' });

export const callFilterCreated = callFilterEvent('call_filter_created', 'config.callfilter.created');
export const callFilterEdited = callFilterEvent('call_filter_edited', 'config.callfilter.edited');
export const callFilterDeleted = callFilterEvent('call_filter_deleted', 'config.callfilter.deleted');
export const callFilterFallbackEdited = callFilterEvent(
  'call_filter_fallback_edited',
  'config.callfilters.fallbacks.edited',
);

export interface CallFilterUsersPayload {
  call_filter_id: number;
  user_uuids: string[];
}

export const callFilterRecipientUsersAssociated = defineEvent<CallFilterUsersPayload>()({
  name: 'call_filter_recipient_users_associated',
  routingKey: 'config.callfilters.recipients.users.updated',
  scope: 'tenant',
  service: 'confd',
});

export const callFilterSurrogateUsersAssociated = defineEvent<CallFilterUsersPayload>()({
  name: 'call_filter_surrogate_users_associated',
  routingKey: 'config.callfilters.surrogates.users.updated',
  scope: 'tenant',
  service: 'confd',
});
