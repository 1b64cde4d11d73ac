/** auth_refresh_token_created / _deleted, queued in the caller's transaction. */
import { authRefreshTokenCreated, authRefreshTokenDeleted } from '@wazo-ts/bus';
import type { Tx } from '@wazo-ts/db';
import type { AuthDatabase } from '../db/schema.js';
import type { RefreshToken } from './refresh-token.model.js';

type AnyTx = Pick<Tx<AuthDatabase>, 'events'>;
type Described = Pick<RefreshToken, 'clientId' | 'mobile' | 'userUuid' | 'tenantUuid'>;

const payload = (token: Described) => ({
  client_id: token.clientId,
  mobile: token.mobile,
  user_uuid: token.userUuid,
  tenant_uuid: token.tenantUuid,
});
const scoping = (token: Described) => ({ tenantUuid: token.tenantUuid, userUuid: token.userUuid });

export const refreshTokenNotifier = {
  created(tx: AnyTx, token: Described): void {
    tx.events.add(authRefreshTokenCreated.build(payload(token), scoping(token)));
  },
  deleted(tx: AnyTx, token: Described): void {
    tx.events.add(authRefreshTokenDeleted.build(payload(token), scoping(token)));
  },
};

export type RefreshTokenNotifier = typeof refreshTokenNotifier;
