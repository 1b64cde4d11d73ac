/** wazo-confd's user events: the user itself, its services and forwards. */
import { defineEvent } from './define.js';

export interface UserPayload {
  id: number;
  uuid: string;
  subscription_type: number | null;
  created_at: string | null;
  tenant_uuid: string;
}

// Tenant events, not user events: every user of the tenant sees users come and go.
export const userCreated = defineEvent<UserPayload>()({
  name: 'user_created',
  routingKey: 'config.user.created',
  scope: 'tenant',
  service: 'confd',
});

export const userEdited = defineEvent<UserPayload>()({
  name: 'user_edited',
  routingKey: 'config.user.edited',
  scope: 'tenant',
  service: 'confd',
});

export const userDeleted = defineEvent<UserPayload>()({
  name: 'user_deleted',
  routingKey: 'config.user.deleted',
  scope: 'tenant',
  service: 'confd',
});

export const userFallbackEdited = defineEvent<UserPayload>()({
  name: 'user_fallback_edited',
  routingKey: 'config.users.fallbacks.edited',
  scope: 'user',
  service: 'confd',
});

export interface UserServicePayload {
  user_id: number;
  user_uuid: string;
  tenant_uuid: string;
  enabled: boolean;
}

/** wazo-bus names one event per service (`users_services_dnd_updated`), the service kept as an attribute. */
const userService = <const N extends string>(name: N, service: string) =>
  defineEvent<UserServicePayload>()({
    name,
    routingKey: 'config.users.{user_uuid}.services.{service_name}.updated',
    scope: 'user',
    service: 'confd',
    attributes: () => ({ service_name: service }),
  });

export const usersServicesDndUpdated = userService('users_services_dnd_updated', 'dnd');
export const usersServicesIncallfilterUpdated = userService(
  'users_services_incallfilter_updated',
  'incallfilter',
);

export interface UserForwardPayload extends UserServicePayload {
  destination: string | null;
}

const userForward = <const N extends string>(name: N, forward: string) =>
  defineEvent<UserForwardPayload>()({
    name,
    routingKey: 'config.users.{user_uuid}.forwards.{forward_name}.updated',
    scope: 'user',
    service: 'confd',
    attributes: () => ({ forward_name: forward }),
  });

export const usersForwardsBusyUpdated = userForward('users_forwards_busy_updated', 'busy');
export const usersForwardsNoanswerUpdated = userForward('users_forwards_noanswer_updated', 'noanswer');
export const usersForwardsUnconditionalUpdated = userForward(
  'users_forwards_unconditional_updated',
  'unconditional',
);
