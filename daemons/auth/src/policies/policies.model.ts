/**
 * Policies: a named list of accesses (ACL). A tenant sees its own policies, the `shared` policies
 * of its ancestors and the config-managed ones; those it does not own are read-only and shown
 * with the viewer's tenant, as Wazo shows them. The API's shapes are the schemas below, their
 * types derived from them.
 */
import { Nullable, type Static, Type } from '@wazo-ts/daemon/schema';
import { isUuid } from '@wazo-ts/db';

/** A policy as stored. */
export interface PolicyRecord {
  uuid: string;
  tenant_uuid: string;
  name: string;
  slug: string;
  description: string | null;
  acl: string[];
  shared: boolean;
  config_managed: boolean;
}

/**
 * Who is looking: the scoping tenant and the tenants whose policies it owns (itself, plus its
 * subtree on `recurse` or single-policy reads).
 */
export interface PolicyViewer {
  tenantUuid: string;
  tenantUuids: readonly string[];
}

/** The viewer's picture of a policy: foreign shared or config-managed ones are read-only. */
export function exposePolicy(record: PolicyRecord, viewer: PolicyViewer): Policy {
  const owned = viewer.tenantUuids.includes(record.tenant_uuid);
  const tenantUuid = owned ? record.tenant_uuid : viewer.tenantUuid;
  const foreignShared = record.shared && tenantUuid !== record.tenant_uuid;
  return {
    uuid: record.uuid,
    tenant_uuid: tenantUuid,
    name: record.name,
    slug: record.slug,
    description: record.description,
    acl: record.acl,
    read_only: record.config_managed || foreignShared,
    shared: record.shared && !foreignShared,
  };
}

const SLUG_ALLOWED = /[^a-zA-Z0-9_-]/g;
export const SLUG_MAX_LENGTH = 80;

/** Wazo's slug from a name: the allowed characters, cut at 80. */
export function slugFromName(name: string): string {
  return name.replace(SLUG_ALLOWED, '').slice(0, SLUG_MAX_LENGTH);
}

/** A policy as the API shows it to a viewer. */
export const PolicySchema = Type.Object({
  uuid: Type.String(),
  tenant_uuid: Type.String(),
  name: Type.String(),
  slug: Type.String(),
  description: Nullable(Type.String()),
  acl: Type.Array(Type.String()),
  read_only: Type.Boolean(),
  shared: Type.Boolean(),
});
export type Policy = Static<typeof PolicySchema>;

const access = () => Type.String({ minLength: 1 });

export const PolicyCreateSchema = Type.Object({
  uuid: Type.Optional(Type.String({ format: 'uuid' })),
  name: Type.String({ minLength: 1, maxLength: 80 }),
  slug: Type.Optional(Nullable(Type.String(), { minLength: 1, maxLength: 80, pattern: '^[a-zA-Z0-9_-]+$' })),
  description: Type.Optional(Nullable(Type.String())),
  acl: Type.Optional(Type.Array(access())),
  shared: Type.Optional(Type.Boolean()),
});
export type PolicyCreateInput = Static<typeof PolicyCreateSchema>;

export const PolicyUpdateSchema = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 80 }),
  description: Type.Optional(Nullable(Type.String())),
  acl: Type.Optional(Type.Array(access())),
});
export type PolicyUpdateInput = Static<typeof PolicyUpdateSchema>;

/** How a path names a policy: a UUID, else a slug (Wazo routes both on one path). */
export type PolicyKey = { uuid: string } | { slug: string };

export function policyKeyOf(value: string): PolicyKey {
  return isUuid(value) ? { uuid: value } : { slug: value };
}
