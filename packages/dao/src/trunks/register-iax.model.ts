/**
 * An IAX registration as wazo-confd shows it (`/registers/iax`): how Asterisk registers to a
 * remote IAX peer (`user:secret@host:port/extension?context`), platform-wide, and the trunk using
 * it.
 */
import { linked, nullable, type Static, Type } from '../schema.js';

/** `GET /registers/iax/{id}`. */
export const registerIaxSchema = linked('register_iax', {
  id: Type.Integer(),
  auth_username: nullable(Type.String()),
  auth_password: nullable(Type.String()),
  remote_host: Type.String(),
  remote_port: nullable(Type.Integer()),
  callback_extension: nullable(Type.String()),
  callback_context: nullable(Type.String()),
  enabled: Type.Boolean(),
  trunk: nullable(linked('trunks', { id: Type.Integer() })),
});
export type RegisterIax = Static<typeof registerIaxSchema>;

const optional = Type.Optional;
/** Wazo's INVALID_CHAR, INVALID_REMOTE_HOST and INVALID_CALLBACK_EXTENSION. */
const properties = {
  auth_username: optional(nullable(Type.String({ pattern: '^[^:/ ]*$' }))),
  auth_password: optional(nullable(Type.String({ pattern: '^[^:/ ]*$' }))),
  remote_host: Type.String({ pattern: '^[^:/? ]*$' }),
  remote_port: optional(nullable(Type.Integer({ minimum: 0, maximum: 65535 }))),
  callback_extension: optional(nullable(Type.String({ pattern: '^[^? ]*$' }))),
  callback_context: optional(nullable(Type.String())),
  enabled: optional(Type.Boolean()),
};

/** `POST /registers/iax` body: `remote_host` is required. */
export const registerIaxCreateSchema = Type.Object(properties);
export type RegisterIaxCreate = Static<typeof registerIaxCreateSchema>;

/** `PUT /registers/iax/{id}` body: merged into the current registration, then checked whole. */
export const registerIaxEditSchema = Type.Object({
  ...properties,
  remote_host: optional(properties.remote_host),
});
export type RegisterIaxEdit = Static<typeof registerIaxEditSchema>;

/** What the dao writes: empty values (and port 0) are absent, as Wazo's register string drops them. */
export type RegisterIaxRecord = Omit<RegisterIax, 'id' | 'trunk' | 'links'>;
