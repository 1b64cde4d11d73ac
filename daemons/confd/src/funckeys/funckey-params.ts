/**
 * Path values of the function key routes (Wazo's `<int:id>`, `<int:position>`): anything but
 * digits finds nothing, answered as the template's or the key's 404; and the `href` Wazo gives a
 * user destination, a link to that user, written here since only the route knows its URL.
 */
import type { FuncKey } from '@wazo-ts/dao';
import { notFound } from '@wazo-ts/dao';
import { InvalidDataError } from '@wazo-ts/errors';
import type { FastifyRequest } from 'fastify';
import { locationOf } from '../common/location.js';

export function templateIdOf(raw: string): number {
  if (!/^[0-9]{1,9}$/.test(raw)) throw notFound('FuncKeyTemplate', { id: raw });
  return Number(raw);
}

/** A position; 0 is refused as Wazo's key positions are (at least 1). */
export function positionOf(raw: string): number {
  if (!/^[0-9]{1,9}$/.test(raw)) throw notFound('FuncKey', { position: raw });
  const position = Number(raw);
  if (position < 1) {
    const message = "Input Error - position: ['Must be greater than or equal to 1.']";
    throw new InvalidDataError(message, { errorId: 'invalid-data', details: { field: 'position' } });
  }
  return position;
}

/** The key with its user destination's `href` filled in. */
export function withHref(request: FastifyRequest, key: FuncKey): FuncKey {
  const { destination } = key;
  if (destination.type !== 'user' || destination.user_id === undefined) return key;
  const href = locationOf(request, '1.1', `/users/${destination.user_id}`);
  return { ...key, destination: { ...destination, href } };
}

/** Every key of a template or of a user's keys with its `href`. */
export function withHrefs<T extends { keys: Record<string, FuncKey> }>(
  request: FastifyRequest,
  template: T,
): T {
  const keys = Object.fromEntries(
    Object.entries(template.keys).map(([p, key]) => [p, withHref(request, key)]),
  );
  return { ...template, keys };
}
