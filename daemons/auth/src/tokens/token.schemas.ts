/**
 * The token API's shapes in TypeBox (validation, serialisation, the OpenAPI document);
 * token.model.ts derives its types from them. Field names are Wazo's, since every Wazo daemon and
 * the SDK parse them.
 */
import { Nullable, type Static, StringEnum, Type } from '@wazo-ts/daemon/schema';

const nullableString = () => Nullable(Type.String());

const KnownMetadata = Type.Object(
  {
    uuid: nullableString(),
    tenant_uuid: nullableString(),
    auth_id: Type.String(),
    pbx_user_uuid: nullableString(),
    xivo_uuid: nullableString(),
    purpose: Type.Optional(Type.String()),
  },
  // Open: a refresh token's persistent metadata is merged in, and Wazo's plugins add their own
  // keys (`user_admin_status` adds `admin`); a closed schema would drop them from the answer.
  { additionalProperties: true },
);
/** The keys every login writes, and any a backend added (TypeBox's Static omits the latter). */
export const TokenMetadataSchema = Type.Unsafe<Static<typeof KnownMetadata> & Record<string, unknown>>(
  KnownMetadata,
);

/** The token document, in Wazo's field order. */
export const TokenSchema = Type.Object({
  token: Type.String(),
  auth_id: Type.String(),
  xivo_user_uuid: nullableString(),
  xivo_uuid: nullableString(),
  issued_at: Type.String(),
  expires_at: Type.String(),
  utc_issued_at: Type.String(),
  utc_expires_at: Type.String(),
  acl: Type.Array(Type.String()),
  metadata: TokenMetadataSchema,
  session_uuid: Type.String(),
  remote_addr: nullableString(),
  user_agent: nullableString(),
  /** Only on an offline login (POST with `access_type: offline`). */
  refresh_token: Type.Optional(Type.String()),
});

export const TokenResponseSchema = Type.Object({ data: TokenSchema });

export const TEN_YEARS = 3600 * 24 * 365 * 10;

/** The body of POST /token (unknown fields are ignored, as Wazo's schema does). */
export const TokenRequestSchema = Type.Object({
  backend: Type.Optional(Type.String()),
  expiration: Type.Optional(Type.Integer({ minimum: 1, maximum: TEN_YEARS })),
  access_type: Type.Optional(StringEnum(['online', 'offline'])),
  client_id: Type.Optional(Type.String({ minLength: 1, maxLength: 1024 })),
  refresh_token: Type.Optional(Type.String()),
  saml_session_id: Type.Optional(Type.String({ minLength: 1, maxLength: 1024 })),
  tenant_id: Type.Optional(Type.String()),
  domain_name: Type.Optional(Type.String()),
});

export const TokenParams = Type.Object({ token: Type.String() });

export const CheckQuery = Type.Object({
  scope: Type.Optional(Type.String()),
  tenant: Type.Optional(Type.String()),
});

export const ScopesBody = Type.Object({
  scopes: Type.Optional(Type.Array(Type.String())),
  tenant_uuid: Type.Optional(nullableString()),
});

/** `{scopes: {<scope>: bool}}`: a map whose keys are the scopes asked, as Wazo answers. */
export const ScopesResponse = Type.Object({
  scopes: Type.Unsafe<Record<string, boolean>>({ type: 'object', additionalProperties: { type: 'boolean' } }),
});

export const LegacyDeleteResponse = Type.Object({ data: Type.Object({ message: Type.String() }) });
