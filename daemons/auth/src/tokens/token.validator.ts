/**
 * POST /token's cross-field rules, in the order Wazo's TokenRequestSchema checks them, each a
 * 400 with the legacy body. Field types and ranges are checked by the route's JSON schema.
 */
import { invalidTokenRequest } from './token.errors.js';
import type { TokenRequest } from './token.model.js';

export function validateTokenRequest(body: TokenRequest): void {
  if (body.access_type === 'offline') {
    if (body.refresh_token)
      throw invalidTokenRequest('cannot use the "access_type" "offline" with a refresh token');
    if (!body.client_id)
      throw invalidTokenRequest('"client_id" must be specified when using "access_type" is "offline"');
  }
  if (body.tenant_id && body.domain_name)
    throw invalidTokenRequest('"tenant_id" and "domain_name" must be mutually exclusive');
  if (body.refresh_token && !body.client_id)
    throw invalidTokenRequest('"client_id" must be specified when using a "refresh_token"');
  if (body.saml_session_id && body.refresh_token)
    throw invalidTokenRequest('Cannot use a "saml_session_id" and a "refresh_token" at the same time');
}
