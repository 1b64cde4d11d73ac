/** JSON Schemas of the tenants API: bodies as Wazo's TenantFullSchema, the list query, responses. */

const nullableString = (maxLength: number) => ({
  anyOf: [{ type: 'string', minLength: 1, maxLength }, { type: 'null' }],
  default: null,
});

// Wazo's DOMAIN_RE, with the character class written so JavaScript's unicode mode accepts it.
export const DOMAIN_PATTERN = '^(?=.{1,253}\\.?$)(?:(?!(-|_)|[^.]+_)[A-Za-z0-9_-]{1,}(?<!-)(?:\\.|$)){2,63}$';

const uuidOrNull = { anyOf: [{ type: 'string', format: 'uuid' }, { type: 'null' }], default: null };

export const TenantAddressSchema = {
  type: 'object',
  properties: {
    line_1: nullableString(256),
    line_2: nullableString(256),
    city: nullableString(128),
    state: nullableString(128),
    country: nullableString(128),
    zip_code: nullableString(16),
  },
} as const;

const editableProperties = {
  name: nullableString(128),
  contact: uuidOrNull,
  phone: nullableString(32),
  default_authentication_method: { type: 'string', default: 'native' },
  domain_names: { type: 'array', items: { type: 'string', pattern: DOMAIN_PATTERN }, default: [] },
  address: { ...TenantAddressSchema, default: {} },
};

export const TenantEditBody = { type: 'object', properties: editableProperties } as const;

export const TenantCreateBody = {
  type: 'object',
  properties: {
    uuid: uuidOrNull,
    slug: { anyOf: [{ type: 'string', pattern: '^[A-Za-z0-9_]{1,10}$' }, { type: 'null' }], default: null },
    ...editableProperties,
  },
} as const;

export const TenantSchema = {
  type: 'object',
  properties: {
    uuid: { type: 'string' },
    parent_uuid: { type: 'string' },
    name: { type: ['string', 'null'] },
    slug: { type: 'string' },
    contact: { type: ['string', 'null'] },
    phone: { type: ['string', 'null'] },
    domain_names: { type: 'array', items: { type: 'string' } },
    address: {
      type: 'object',
      properties: Object.fromEntries(
        ['line_1', 'line_2', 'city', 'state', 'country', 'zip_code'].map((k) => [
          k,
          { type: ['string', 'null'] },
        ]),
      ),
    },
    default_authentication_method: { type: 'string' },
  },
} as const;

export const TenantListQuery = {
  type: 'object',
  properties: {
    search: { type: 'string' },
    order: { type: 'string', enum: ['name', 'slug'], default: 'name' },
    direction: { type: 'string', enum: ['asc', 'desc'], default: 'asc' },
    limit: { type: 'integer', minimum: 0 },
    offset: { type: 'integer', minimum: 0 },
    recurse: { type: 'boolean' },
    uuid: { type: 'string' },
    uuids: { anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' }, maxItems: 25 }] },
    name: { type: 'string' },
    slug: { type: 'string' },
    domain_name: { type: 'string' },
  },
} as const;

export const TenantPageSchema = {
  type: 'object',
  properties: {
    total: { type: 'integer' },
    filtered: { type: 'integer' },
    items: { type: 'array', items: TenantSchema },
  },
} as const;

export const DomainsSchema = {
  type: 'object',
  properties: {
    total: { type: 'integer' },
    items: {
      type: 'array',
      items: { type: 'object', properties: { name: { type: 'string' }, uuid: { type: 'string' } } },
    },
  },
} as const;

export const TenantParams = {
  type: 'object',
  properties: { tenant_uuid: { type: 'string' } },
  required: ['tenant_uuid'],
} as const;

export const TenantParentParams = {
  type: 'object',
  properties: { tenant_uuid: { type: 'string' }, parent_uuid: { type: 'string' } },
  required: ['tenant_uuid', 'parent_uuid'],
} as const;
