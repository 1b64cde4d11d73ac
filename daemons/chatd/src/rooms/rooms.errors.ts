/** The rooms' errors, in Wazo's words and ids. */
import { InvalidDataError, NotFoundError } from '@wazo-ts/errors';

export const unknownRoom = (roomUuid: string) =>
  new NotFoundError(`No such room: "${roomUuid}"`, {
    errorId: 'unknown-room',
    resource: 'rooms',
    details: { uuid: roomUuid },
  });

export const duplicateUser = () =>
  new InvalidDataError('Duplicate user detected', {
    errorId: 'duplicate-user',
    resource: 'rooms',
    details: {},
  });

export const invalidUsers = (message: string, details: Record<string, unknown>) =>
  new InvalidDataError(message, { resource: 'rooms', details: { users: details } });

export const missingSearch = () =>
  new InvalidDataError('Sent data is invalid', { details: { _schema: ['Missing search or distinct'] } });
