/**
 * Groups of users, each with policies its members get. Every tenant has a system-managed
 * all-users group (`wazo-all-users-tenant-<uuid>`) that the API shows read-only.
 */

export interface Group {
  uuid: string;
  tenant_uuid: string;
  name: string;
  slug: string;
  read_only: boolean;
  system_managed: boolean;
}

export interface GroupRecord {
  uuid: string;
  tenant_uuid: string;
  name: string;
  slug: string;
  system_managed: boolean;
}

export interface GroupCreateInput {
  name: string;
  slug?: string | null | undefined;
  uuid?: string | undefined;
}

export interface GroupUpdateInput {
  name: string;
}

export const exposeGroup = (record: GroupRecord): Group => ({ ...record, read_only: record.system_managed });

/** The name of a tenant's all-users group, as Wazo names it. */
export const allUsersGroupName = (tenantUuid: string) => `wazo-all-users-tenant-${tenantUuid}`;

export const GroupSchema = {
  type: 'object',
  properties: {
    uuid: { type: 'string' },
    tenant_uuid: { type: 'string' },
    name: { type: 'string' },
    slug: { type: 'string' },
    read_only: { type: 'boolean' },
    system_managed: { type: 'boolean' },
  },
} as const;

export const GroupCreateSchema = {
  type: 'object',
  properties: {
    uuid: { type: 'string', format: 'uuid' },
    name: { type: 'string', minLength: 1, maxLength: 128 },
    slug: { type: ['string', 'null'], minLength: 1, maxLength: 80, pattern: '^[a-zA-Z0-9_-]+$' },
  },
  required: ['name'],
} as const;

export const GroupUpdateSchema = {
  type: 'object',
  properties: { name: { type: 'string', minLength: 1, maxLength: 128 } },
  required: ['name'],
} as const;
