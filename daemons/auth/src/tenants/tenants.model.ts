/**
 * Tenants as wazo-auth's API shows them (reference §4 "Tenants"), and their request bodies: the
 * types derived from the schemas of tenants.schemas.ts.
 */
import type { Static } from '@wazo-ts/daemon/schema';
import type {
  TenantAddressSchema,
  TenantCreateBody,
  TenantDomainSchema,
  TenantSchema,
} from './tenants.schemas.js';

export type TenantAddress = Static<typeof TenantAddressSchema>;
export type Tenant = Static<typeof TenantSchema>;

/** A PUT body once completed (Wazo's post-load): every field replaced; the slug never changes. */
export type TenantEdit = Omit<Tenant, 'uuid' | 'parent_uuid' | 'slug'>;

/** A POST body once completed: the edit, plus the uuid and slug a creation may choose. */
export type TenantCreate = TenantEdit & Pick<Static<typeof TenantCreateBody>, 'uuid' | 'slug'>;

export type TenantDomain = Static<typeof TenantDomainSchema>;

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
