/** Profiles: a display and, per service (lookup, reverse, favorites), the sources searched. */
import { Nullable, Type } from '@wazo-ts/daemon/schema';
import { listQuerySchema, listResultSchema } from '../common/list.js';

const Resource = Type.Object({ uuid: Type.String({ format: 'uuid' }) });

const ServiceOptions = Type.Object(
  {
    timeout: Type.Optional(
      Nullable(Type.Number({ exclusiveMinimum: 0 }), {
        description: 'Seconds the service waits for its sources.',
      }),
    ),
  },
  { propertyNames: { enum: ['timeout'] } },
);

const ServiceConfig = Type.Object(
  {
    sources: Type.Optional(
      Type.Array(Resource, { description: 'Sources of the tenant, searched in parallel.' }),
    ),
    options: Type.Optional(ServiceOptions),
  },
  // Wazo refuses unknown keys here; the kit strips undeclared ones, so name the allowed keys.
  { propertyNames: { enum: ['sources', 'options'] } },
);

export const ProfileBody = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 512 }),
  display: Type.Optional(Nullable(Resource)),
  services: Type.Record(Type.String({ minLength: 1, maxLength: 128 }), ServiceConfig, {
    description: 'By service name: lookup, reverse, favorites.',
  }),
});

export const ProfileSchema = Type.Object({
  uuid: Type.String({ format: 'uuid' }),
  tenant_uuid: Type.String({ format: 'uuid' }),
  name: Type.String(),
  display: Nullable(Resource),
  services: Type.Record(
    Type.String(),
    Type.Object({
      sources: Type.Array(Resource),
      options: Type.Object({ timeout: Nullable(Type.Number()) }, { additionalProperties: true }),
    }),
  ),
});

export const ProfileListQuery = listQuerySchema(['name'], ['uuid', 'name']);
export const ProfileListSchema = listResultSchema(ProfileSchema);
export const ProfileParams = Type.Object({ profile_uuid: Type.String() });
