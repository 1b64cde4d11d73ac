/**
 * wazo-auth's own database, as Kysely types. wazo-auth owns it alone (no other daemon reads it);
 * it is separate from the Service API's database, as in Wazo.
 */
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface TenantTable {
  uuid: string;
  /** The master tenant is its own parent. */
  parent_uuid: string;
  name: string | null;
  slug: string;
  phone: string | null;
  contact_uuid: string | null;
  address: ColumnType<Record<string, string | null> | null, string | null, string | null>;
  default_authentication_method: Generated<string>;
  created_at: Generated<Timestamp>;
}

export interface TenantDomainTable {
  uuid: Generated<string>;
  tenant_uuid: string;
  name: string;
}

export interface UserTable {
  uuid: string;
  tenant_uuid: string;
  username: string | null;
  firstname: string | null;
  lastname: string | null;
  /** PBKDF2-HMAC-SHA512 hex digest (Wazo's format); null for users without a password. */
  password_hash: string | null;
  password_salt: Buffer | null;
  purpose: Generated<string>;
  enabled: Generated<boolean>;
  authentication_method: Generated<string>;
  created_at: Generated<Timestamp>;
}

export interface EmailTable {
  uuid: Generated<string>;
  user_uuid: string;
  address: string;
  main: Generated<boolean>;
  confirmed: Generated<boolean>;
}

export interface GroupTable {
  uuid: Generated<string>;
  tenant_uuid: string;
  name: string;
  slug: string;
  /** The per-tenant all-users group and the config-managed default groups. */
  system_managed: Generated<boolean>;
}

export interface PolicyTable {
  uuid: Generated<string>;
  tenant_uuid: string;
  name: string;
  slug: string;
  description: string | null;
  /** Visible (read-only) to the sub-tenants. */
  shared: Generated<boolean>;
  /** Created from `default_policies` in the config: read-only through the API. */
  config_managed: Generated<boolean>;
}

export interface PolicyAccessTable {
  policy_uuid: string;
  access: string;
  position: number;
}

export interface GroupUserTable {
  group_uuid: string;
  user_uuid: string;
}

export interface GroupPolicyTable {
  group_uuid: string;
  policy_uuid: string;
}

export interface UserPolicyTable {
  user_uuid: string;
  policy_uuid: string;
}

export interface SessionTable {
  uuid: string;
  tenant_uuid: string;
  user_uuid: string | null;
  mobile: Generated<boolean>;
}

export interface TokenTable {
  uuid: string;
  session_uuid: string;
  auth_id: string;
  pbx_user_uuid: string | null;
  xivo_uuid: string | null;
  issued_at: Timestamp;
  expires_at: Timestamp;
  acl: string[];
  metadata: ColumnType<Record<string, unknown>, string, string>;
  user_agent: string | null;
  remote_addr: string | null;
  refresh_token_uuid: string | null;
}

export interface RefreshTokenTable {
  uuid: string;
  client_id: string;
  user_uuid: string;
  tenant_uuid: string;
  backend: string | null;
  login: string | null;
  mobile: Generated<boolean>;
  metadata: ColumnType<Record<string, unknown>, string, string>;
  user_agent: string | null;
  remote_addr: string | null;
  created_at: Generated<Timestamp>;
}

/** The login guard's failure counts (epoch ms as bigint, read back as strings by pg). */
export interface LoginFailureTable {
  kind: string;
  key: string;
  failures: number;
  window_start: ColumnType<string, string, string>;
}

export interface LoginKnownAddressTable {
  login: string;
  address: string;
  succeeded_at: ColumnType<string, string, string>;
  recency: ColumnType<string, never, string>;
}

export interface AuthDatabase {
  tenant: TenantTable;
  tenant_domain: TenantDomainTable;
  auth_user: UserTable;
  email: EmailTable;
  auth_group: GroupTable;
  policy: PolicyTable;
  policy_access: PolicyAccessTable;
  group_user: GroupUserTable;
  group_policy: GroupPolicyTable;
  user_policy: UserPolicyTable;
  session: SessionTable;
  token: TokenTable;
  refresh_token: RefreshTokenTable;
  auth_login_failure: LoginFailureTable;
  auth_login_known_address: LoginKnownAddressTable;
}
