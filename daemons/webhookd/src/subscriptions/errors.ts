/** webhookd's subscription errors, worded as Wazo's. */
import { InvalidDataError, NotFoundError } from '@wazo-ts/errors';

export function noSuchSubscription(uuid: string): NotFoundError {
  return new NotFoundError(`No such subscription: ${uuid}`, {
    errorId: 'no-such-subscription',
    details: { subscription_uuid: uuid },
  });
}

export interface FieldProblem {
  message: string;
  constraint_id: string;
  constraint: Record<string, unknown> | string;
}

/** A 400 `invalid-data` naming each bad field, as marshmallow's errors nest them. */
export function invalidSubscription(details: Record<string, unknown>): InvalidDataError {
  return new InvalidDataError('Sent data is invalid', { details });
}
