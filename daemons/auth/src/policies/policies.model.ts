/**
 * Policies: a named list of accesses (ACL). A tenant sees its own policies, the `shared` policies
 * of its ancestors and the config-managed ones; those it does not own are read-only and shown
 * with the viewer's tenant, as Wazo shows them.
 */
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

/** A policy as the API shows it to a viewer. */
export interface Policy {
  uuid: string;
  tenant_uuid: string;
  name: string;
  slug: string;
  description: string | null;
  acl: string[];
  read_only: boolean;
  shared: boolean;
}

export interface PolicyCreateInput {
  name: string;
  slug?: string | null | undefined;
  description?: string | null | undefined;
  acl?: string[] | undefined;
  shared?: boolean | undefined;
  uuid?: string | undefined;
}

export interface PolicyUpdateInput {
  name: string;
  description?: string | null | undefined;
  acl?: string[] | undefined;
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

const access = { type: 'string', minLength: 1 } as const;

export const PolicySchema = {
  type: 'object',
  properties: {
    uuid: { type: 'string' },
    tenant_uuid: { type: 'string' },
    name: { type: 'string' },
    slug: { type: 'string' },
    description: { type: ['string', 'null'] },
    acl: { type: 'array', items: { type: 'string' } },
    read_only: { type: 'boolean' },
    shared: { type: 'boolean' },
  },
} as const;

export const PolicyCreateSchema = {
  type: 'object',
  properties: {
    uuid: { type: 'string', format: 'uuid' },
    name: { type: 'string', minLength: 1, maxLength: 80 },
    slug: { type: ['string', 'null'], minLength: 1, maxLength: 80, pattern: '^[a-zA-Z0-9_-]+$' },
    description: { type: ['string', 'null'] },
    acl: { type: 'array', items: access },
    shared: { type: 'boolean' },
  },
  required: ['name'],
} as const;

export const PolicyUpdateSchema = {
  type: 'object',
  properties: {
    name: { type: 'string', minLength: 1, maxLength: 80 },
    description: { type: ['string', 'null'] },
    acl: { type: 'array', items: access },
  },
  required: ['name'],
} as const;

/** How a path names a policy: a UUID, else a slug (Wazo routes both on one path). */
export type PolicyKey = { uuid: string } | { slug: string };

export function policyKeyOf(value: string): PolicyKey {
  return isUuid(value) ? { uuid: value } : { slug: value };
}
