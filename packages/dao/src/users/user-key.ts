/**
 * How `/users/{id|uuid}` names a user: an integer id, a string of digits (an id, as Wazo reads
 * it) or a uuid. Anything else names no user, so it is never sent to PostgreSQL as a uuid.
 */
import { isUuid } from '@wazo-ts/db';
import type { WazoError } from '@wazo-ts/errors';
import { notFound } from '../errors.js';
import type { UserKey } from './users.model.js';

const MAX_SERIAL = 2_147_483_647;

export type ParsedUserKey = { id: number } | { uuid: string };

export function parseUserKey(key: UserKey): ParsedUserKey | undefined {
  if (typeof key === 'number')
    return Number.isInteger(key) && key > 0 && key <= MAX_SERIAL ? { id: key } : undefined;
  if (/^[0-9]+$/.test(key)) return parseUserKey(Number(key));
  return isUuid(key) ? { uuid: key.toLowerCase() } : undefined;
}

/** `Resource Not Found - User was not found ('id': 42)`, or `('uuid': '...')` for a uuid. */
export function userNotFound(key: UserKey): WazoError {
  if (typeof key === 'number' || /^[0-9]+$/.test(key)) return notFound('User', { id: Number(key) });
  return notFound('User', { uuid: key });
}
