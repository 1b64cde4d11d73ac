/**
 * A tenant as confd knows it: a mirror of wazo-auth's tenant (uuid, slug, name). Tenants are
 * created and deleted in wazo-auth; confd only follows (auth_tenant_added/deleted and the sync).
 * confd gives each tenant default SIP templates (default-sip-templates.model.ts); the tenant view
 * shows their uuids.
 */
import { nullable, type Static, Type } from '../schema.js';
import type { TenantSipTemplates } from './default-sip-templates.model.js';

export interface Tenant {
  uuid: string;
  slug: string | null;
  name: string | null;
}

/** A tenant as `GET /tenants` shows it: the mirror and its default SIP templates. */
export type TenantView = Tenant & TenantSipTemplates;

export type TenantEnsureOutcome = 'created' | 'updated' | 'unchanged';

export const TENANT_SLUG_PATTERN = '^[A-Za-z0-9_]{1,10}$';
export const UUID_PATTERN = '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$';

/**
 * What the sync knows of a wazo-auth tenant: the body of an `auth_tenant_added` as confd reads it
 * (no REST create: POST /tenants is 405).
 */
export const tenantEnsureSchema = Type.Object({
  uuid: Type.String({ pattern: UUID_PATTERN }),
  slug: Type.Optional(nullable(Type.String({ pattern: TENANT_SLUG_PATTERN, maxLength: 10 }))),
  name: Type.Optional(nullable(Type.String({ maxLength: 128 }))),
});
export type TenantEnsure = Static<typeof tenantEnsureSchema>;
