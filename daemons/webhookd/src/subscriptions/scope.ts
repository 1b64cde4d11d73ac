/**
 * The caller of a route as webhookd sees it: the scoping tenant (the kit has checked
 * `Wazo-Tenant` against the token), the tenants it sees below it (asked to wazo-auth), and the
 * token's user and Wazo uuid for the `/users/me` routes.
 */
import { UnauthorizedError } from '@wazo-ts/errors';
import type { FastifyRequest } from 'fastify';
import type { WebhookdResources } from '../resources.js';
import type { SubscriptionScope } from './service.js';

function authOf(request: FastifyRequest) {
  const auth = request.auth;
  if (!auth?.tenantUuid) throw new UnauthorizedError('Unauthorized', { errorId: 'unauthorized' });
  return { token: auth.token, tenantUuid: auth.tenantUuid };
}

export const scopingTenantOf = (request: FastifyRequest): string => authOf(request).tenantUuid;

/** The owner tenants a call sees: the scoping tenant, and the ones below it when recursing. */
export async function tenantsOf(
  request: FastifyRequest,
  resources: Pick<WebhookdResources, 'visibleTenants'>,
  recurse: boolean,
): Promise<string[]> {
  const { token, tenantUuid } = authOf(request);
  return recurse ? resources.visibleTenants.visible(token.token, tenantUuid) : [tenantUuid];
}

/** A `/users/me` caller: its user, its tenant and its Wazo, as Wazo's user routes force them. */
export function userOf(request: FastifyRequest, wazoUuid: string | null) {
  const { token, tenantUuid } = authOf(request);
  const userUuid = token.metadata.uuid;
  if (typeof userUuid !== 'string' || userUuid === '')
    throw new UnauthorizedError('A user token is required', { errorId: 'unauthorized' });
  const scope: SubscriptionScope = { tenantUuids: [tenantUuid], ownerUserUuid: userUuid };
  const xivoUuid = typeof token.metadata.xivo_uuid === 'string' ? token.metadata.xivo_uuid : wazoUuid;
  return { userUuid, tenantUuid, wazoUuid: xivoUuid, scope };
}

/** `search_metadata=key:value` pairs (repeatable); entries without `:` are ignored, as Wazo. */
export function metadataFilterOf(values: string[] | undefined): Record<string, string> {
  const pairs: Record<string, string> = {};
  for (const value of values ?? []) {
    const at = value.indexOf(':');
    if (at >= 0) pairs[value.slice(0, at)] = value.slice(at + 1);
  }
  return pairs;
}
