/** The token's user for the `/users/me/meetings` routes, as Wazo's `_MeResourceMixin` finds it. */
import { inputError } from '@wazo-ts/dao';
import type { FastifyRequest } from 'fastify';

export function meOf(request: FastifyRequest, resource: string): string {
  const uuid = request.auth?.token.metadata.uuid;
  if (typeof uuid !== 'string' || uuid === '')
    throw inputError(`field 'user_uuid': ${resource} was not found`);
  return uuid;
}
