/**
 * A numeric path id (Wazo's `<int:id>` routes): anything but digits matches no route there, so it
 * answers the resource's 404 here instead of a schema error.
 */
import { Type } from '@wazo-ts/daemon/schema';
import { notFound } from '@wazo-ts/dao';

export function intParam(raw: string, resource: string): number {
  if (!/^\d{1,9}$/.test(raw)) throw notFound(resource, { id: raw });
  return Number(raw);
}

/** Path params of one numeric id, named as the route names it (a string, checked by intParam). */
export function idParams<K extends string>(name: K) {
  return Type.Object({ [name]: Type.String() } as { [P in K]: ReturnType<typeof Type.String> });
}

/** Path params of a user or group named by id or uuid. */
export function keyParams<K extends string>(name: K) {
  return Type.Object({ [name]: Type.String({ description: 'The id or uuid' }) } as {
    [P in K]: ReturnType<typeof Type.String>;
  });
}
