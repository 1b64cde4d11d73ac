/** wazo-auth's events: tenants, sessions, refresh tokens, external auth. */
import { defineEvent } from './define.js';

export interface AuthTenantPayload {
  uuid: string;
  name?: string | null;
  slug?: string;
  domain_names?: string[];
}

export const authTenantAdded = defineEvent<AuthTenantPayload>()({
  name: 'auth_tenant_added',
  routingKey: 'auth.tenants.{tenant_uuid}.created',
  scope: 'tenant',
  service: 'auth',
});

export const authTenantUpdated = defineEvent<{ uuid: string; name: string | null }>()({
  name: 'auth_tenant_updated',
  routingKey: 'auth.tenants.{tenant_uuid}.updated',
  scope: 'tenant',
  service: 'auth',
});

export const authTenantDeleted = defineEvent<{ uuid: string }>()({
  name: 'auth_tenant_deleted',
  routingKey: 'auth.tenants.{tenant_uuid}.deleted',
  scope: 'tenant',
  service: 'auth',
});

export interface AuthSessionPayload {
  uuid: string;
  tenant_uuid: string;
  user_uuid: string;
}

export interface AuthSessionCreatedPayload extends AuthSessionPayload {
  mobile: boolean;
}

/** wazo-bus keeps the session uuid as an event attribute: a header and a routing-key variable. */
const sessionAttributes = (data: AuthSessionPayload) => ({ session_uuid: data.uuid });

export const authSessionCreated = defineEvent<AuthSessionCreatedPayload>()({
  name: 'auth_session_created',
  routingKey: 'auth.sessions.{session_uuid}.created',
  scope: 'user',
  service: 'auth',
  attributes: sessionAttributes,
});

export const authSessionDeleted = defineEvent<AuthSessionPayload>()({
  name: 'auth_session_deleted',
  routingKey: 'auth.sessions.{session_uuid}.deleted',
  scope: 'user',
  service: 'auth',
  attributes: sessionAttributes,
});

export const authSessionExpireSoon = defineEvent<AuthSessionPayload>()({
  name: 'auth_session_expire_soon',
  routingKey: 'auth.users.{user_uuid}.sessions.{session_uuid}.expire_soon',
  scope: 'user',
  service: 'auth',
  attributes: sessionAttributes,
});

export interface AuthRefreshTokenPayload {
  client_id: string;
  mobile: boolean;
  user_uuid: string;
  tenant_uuid: string;
}

export const authRefreshTokenCreated = defineEvent<AuthRefreshTokenPayload>()({
  name: 'auth_refresh_token_created',
  routingKey: 'auth.users.{user_uuid}.tokens.{client_id}.created',
  scope: 'user',
  service: 'auth',
});

export const authRefreshTokenDeleted = defineEvent<AuthRefreshTokenPayload>()({
  name: 'auth_refresh_token_deleted',
  routingKey: 'auth.users.{user_uuid}.tokens.{client_id}.deleted',
  scope: 'user',
  service: 'auth',
});

export interface AuthExternalAuthPayload {
  user_uuid: string;
  external_auth_name: string;
}

const externalAuth = <const N extends string>(name: N, action: string) =>
  defineEvent<AuthExternalAuthPayload>()({
    name,
    routingKey: `auth.users.{user_uuid}.external.{external_auth_name}.${action}`,
    scope: 'user',
    service: 'auth',
  });

export const authUserExternalAuthAdded = externalAuth('auth_user_external_auth_added', 'created');
export const authUserExternalAuthAuthorized = externalAuth(
  'auth_user_external_auth_authorized',
  'authorized',
);
export const authUserExternalAuthUpdated = externalAuth('auth_user_external_auth_updated', 'updated');
export const authUserExternalAuthDeleted = externalAuth('auth_user_external_auth_deleted', 'deleted');
