/** Tenants as wazo-auth's API shows them (reference §4 "Tenants"), and their request bodies. */

export interface TenantAddress {
  line_1: string | null;
  line_2: string | null;
  city: string | null;
  state: string | null;
  country: string | null;
  zip_code: string | null;
}

export interface Tenant {
  uuid: string;
  parent_uuid: string;
  name: string | null;
  slug: string;
  /** A user uuid (Wazo's `contact_uuid`, shown as `contact`). */
  contact: string | null;
  phone: string | null;
  domain_names: string[];
  address: TenantAddress;
  default_authentication_method: string;
}

/** A PUT body: every field replaced; the slug never changes. */
export interface TenantEdit {
  name: string | null;
  contact: string | null;
  phone: string | null;
  domain_names: string[];
  address: TenantAddress;
  default_authentication_method: string;
}

export interface TenantCreate extends TenantEdit {
  uuid?: string | null;
  slug?: string | null;
}

export interface TenantDomain {
  name: string;
  uuid: string;
}

export interface TenantListFilters {
  uuid?: string;
  uuids?: string[];
  name?: string;
  slug?: string;
  domain_name?: string;
}

export const TENANT_SLUG = /^[A-Za-z0-9_]{1,10}$/;
export const AUTHENTICATION_METHODS = ['native', 'ldap', 'saml'] as const;

export const emptyAddress = (): TenantAddress => ({
  line_1: null,
  line_2: null,
  city: null,
  state: null,
  country: null,
  zip_code: null,
});

/** The all-users group every tenant has (Wazo's name, also its slug). */
export const allUsersGroupName = (tenantUuid: string): string => `wazo-all-users-tenant-${tenantUuid}`;
