/**
 * A tenant as confd knows it: a mirror of wazo-auth's tenant (uuid, slug, name). Tenants are
 * created and deleted in wazo-auth; confd only follows (auth_tenant_added/deleted and the sync).
 * Wazo's confd also keeps per-tenant SIP templates (`sip_templates_generated`, `*_sip_template_uuid`);
 * they belong to SIP endpoints and arrive with them.
 */
import { nullable, type Static, Type } from '../schema.js';

export interface Tenant {
  uuid: string;
  slug: string | null;
  name: string | null;
}

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
