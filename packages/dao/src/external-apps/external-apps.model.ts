/**
 * An external app as wazo-confd shows it: settings an application outside Wazo keeps under a
 * name, for a tenant (`/external/apps/{name}`) or for a user (`/users/{uuid}/external/apps/{name}`):
 * a label and any JSON object as `configuration`. The body is the same for create and edit.
 */
import { linked, nullable, type Static, Type } from '../schema.js';

export const EXTERNAL_APP_NAME_MAX = 128;

const configuration = nullable(
  Type.Unsafe<Record<string, unknown>>({ type: 'object', additionalProperties: true }),
);

/** `POST` and `PUT`: the given fields change; the name is the path's. */
export const externalAppBodySchema = Type.Object({
  label: Type.Optional(nullable(Type.String({ maxLength: 256 }))),
  configuration: Type.Optional(configuration),
});
export type ExternalAppBody = Static<typeof externalAppBodySchema>;

const appFields = { name: Type.String(), label: nullable(Type.String()), configuration };

/** A tenant's app. */
export const externalAppSchema = linked(
  'external_apps',
  { tenant_uuid: Type.String(), ...appFields },
  'name',
);
export type ExternalApp = Static<typeof externalAppSchema>;

/** A user's app (Wazo shows neither its user nor links). */
export const userExternalAppSchema = Type.Object(appFields);
export type UserExternalApp = Static<typeof userExternalAppSchema>;
