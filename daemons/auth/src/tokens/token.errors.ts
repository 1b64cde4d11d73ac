/**
 * The token routes' errors, worded as wazo-auth words them (clients match on `reason[0]`: the SDK
 * refreshes its token on a 404 whose reason is "No such token").
 */
import {
  ForbiddenError,
  InvalidDataError,
  NotFoundError,
  TooManyRequestsError,
  UnauthorizedError,
} from '@wazo-ts/errors';

export const noSuchToken = () => new NotFoundError('No such token', { errorId: 'not-found' });

/** Every login failure looks the same, whatever the cause, so none reveals which logins exist. */
export const authenticationFailed = () => new UnauthorizedError('Authentication Failed');

export const unauthorizedScope = (scope: string) => new ForbiddenError(`Unauthorized for ${scope}`);

export const unauthorizedTenant = (tenantUuid: string) =>
  new ForbiddenError(`Unauthorized for tenant ${tenantUuid}`, { details: { tenant_uuid: tenantUuid } });

export const tooManySessions = (userUuid: string) =>
  new TooManyRequestsError(`User ${userUuid} has exceeded the maximum number of active sessions`, {
    details: { user_uuid: userUuid },
  });

/** Wazo answers its body rules with the marshmallow messages as a string: same words here. */
export const invalidTokenRequest = (message: string) =>
  new InvalidDataError(`{'_schema': ['${message}']}`, { details: { _schema: [message] } });

export const unknownUser = (userUuid: string) =>
  new NotFoundError(`No such user: "${userUuid}"`, {
    errorId: 'unknown-user',
    details: { uuid: userUuid },
    resource: 'users',
  });
