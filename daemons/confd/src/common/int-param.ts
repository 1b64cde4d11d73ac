/**
 * A numeric path id (Wazo's `<int:id>` routes): anything but digits matches no route there, so it
 * answers the resource's 404 here instead of a schema error.
 */
import { notFound } from '@wazo-ts/dao';

export function intParam(raw: string, resource: string): number {
  if (!/^\d{1,9}$/.test(raw)) throw notFound(resource, { id: raw });
  return Number(raw);
}

/** Path params of one numeric id, named as the route names it. */
export function idParams<K extends string>(name: K) {
  return {
    type: 'object',
    properties: { [name]: { type: 'string' } },
    required: [name],
  } as const;
}
