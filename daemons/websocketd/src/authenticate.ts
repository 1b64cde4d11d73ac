/**
 * Turns a token id into what a session may see. wazo-auth is asked through the kit's verifier
 * (one GET /token per token, cached until expiry, dropped on `auth_session_deleted`; asked afresh
 * for the periodic re-checks) and the `websocketd` ACL is checked locally with the shared matcher.
 * Every failure is the client's 4002 (or 4003 during a re-check), with the cause kept for the log.
 */
import { aclMatcherFor, type TokenVerifier } from '@wazo-ts/daemon';
import { audienceOf } from './audience.js';
import type { Authenticate } from './session.js';

export const WEBSOCKETD_ACL = 'websocketd';

export class AuthenticationFailure extends Error {}

export interface AuthenticatorOptions {
  verifier: TokenVerifier;
  /** The master tenant (from the daemon's own service token); null until it is known. */
  masterTenantUuid(): string | null;
}

export function createAuthenticator(options: AuthenticatorOptions): Authenticate {
  return async (tokenId, lookup) => {
    const master = options.masterTenantUuid();
    if (master === null) throw new AuthenticationFailure('master tenant unknown: no service token yet');
    let token: Awaited<ReturnType<TokenVerifier['get']>>;
    try {
      token = await options.verifier.get(tokenId, lookup);
    } catch (error) {
      throw new AuthenticationFailure(`wazo-auth unreachable: ${(error as Error).message}`);
    }
    if (token === null) throw new AuthenticationFailure('unknown or expired token');
    if (!aclMatcherFor(token).matches(WEBSOCKETD_ACL))
      throw new AuthenticationFailure(`token lacks the ${WEBSOCKETD_ACL} ACL`);
    return { token, audience: audienceOf(token, master) };
  };
}
