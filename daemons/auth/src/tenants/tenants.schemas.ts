/**
 * The tenants API's shapes, in TypeBox: bodies as Wazo's TenantFullSchema, the list query and the
 * answers. tenants.model.ts derives its types from them.
 */
import { ListOf, Nullable, StringEnum, Type } from '@wazo-ts/daemon/schema';
import { listResponseSchema } from '../http/list-schema.js';
import { pathParams } from '../http/path-params.js';

/** A body's optional text: null, or 1..maxLength characters; absent means null. */
const nullableString = (maxLength: number) =>
  Type.Optional(Type.Union([Type.String({ minLength: 1, maxLength }), Type.Null()], { default: null }));

// Wazo's DOMAIN_RE, with the character class written so JavaScript's unicode mode accepts it.
export const DOMAIN_PATTERN = '^(?=.{1,253}\\.?$)(?:(?!(-|_)|[^.]+_)[A-Za-z0-9_-]{1,}(?<!-)(?:\\.|$)){2,63}$';

const uuidOrNull = () =>
  Type.Optional(Type.Union([Type.String({ format: 'uuid' }), Type.Null()], { default: null }));

const AddressBody = Type.Object(
  {
    line_1: nullableString(256),
    line_2: nullableString(256),
    city: nullableString(128),
    state: nullableString(128),
    country: nullableString(128),
    zip_code: nullableString(16),
  },
  { default: {} },
);

const editableProperties = {
  name: nullableString(128),
  contact: uuidOrNull(),
  phone: nullableString(32),
  default_authentication_method: Type.Optional(Type.String({ default: 'native' })),
  domain_names: Type.Optional(Type.Array(Type.String({ pattern: DOMAIN_PATTERN }), { default: [] })),
  address: Type.Optional(AddressBody),
};

export const TenantEditBody = Type.Object(editableProperties);

export const TenantCreateBody = Type.Object({
  uuid: uuidOrNull(),
  slug: Type.Optional(
    Type.Union([Type.String({ pattern: '^[A-Za-z0-9_]{1,10}$' }), Type.Null()], { default: null }),
  ),
  ...editableProperties,
});

const addressLine = () => Nullable(Type.String());
export const TenantAddressSchema = Type.Object({
  line_1: addressLine(),
  line_2: addressLine(),
  city: addressLine(),
  state: addressLine(),
  country: addressLine(),
  zip_code: addressLine(),
});

export const TenantSchema = Type.Object({
  uuid: Type.String(),
  parent_uuid: Type.String(),
  name: Nullable(Type.String()),
  slug: Type.String(),
  /** A user uuid (Wazo's `contact_uuid`, shown as `contact`). */
  contact: Nullable(Type.String()),
  phone: Nullable(Type.String()),
  domain_names: Type.Array(Type.String()),
  address: TenantAddressSchema,
  default_authentication_method: Type.String(),
});

export const TenantListQuery = Type.Object({
  search: Type.Optional(Type.String()),
  order: Type.Optional(StringEnum(['name', 'slug'], { default: 'name' })),
  direction: Type.Optional(StringEnum(['asc', 'desc'], { default: 'asc' })),
  limit: Type.Optional(Type.Integer({ minimum: 0 })),
  offset: Type.Optional(Type.Integer({ minimum: 0 })),
  recurse: Type.Optional(Type.Boolean()),
  uuid: Type.Optional(Type.String()),
  uuids: Type.Optional(Type.Union([Type.String(), Type.Array(Type.String(), { maxItems: 25 })])),
  name: Type.Optional(Type.String()),
  slug: Type.Optional(Type.String()),
  domain_name: Type.Optional(Type.String()),
});

export const TenantPageSchema = listResponseSchema(TenantSchema);

export const TenantDomainSchema = Type.Object({ name: Type.String(), uuid: Type.String() });
export const DomainsSchema = ListOf(TenantDomainSchema);

export const TenantParams = pathParams(['tenant_uuid']);
export const TenantParentParams = pathParams(['tenant_uuid', 'parent_uuid']);
