/** Presence errors with wazo-chatd's wording and ids. */
import { NotFoundError, UnavailableError } from '@wazo-ts/errors';

export const unknownUser = (uuid: string) =>
  new NotFoundError(`No such user: "${uuid}"`, {
    errorId: 'unknown-user',
    resource: 'users',
    details: { uuid },
  });

/** Until the start-up synchronization is done, chatd's copy may be stale: it says so. */
export const notInitialized = () =>
  new UnavailableError('Server not initialized', { errorId: 'not-initialized', details: {} });
