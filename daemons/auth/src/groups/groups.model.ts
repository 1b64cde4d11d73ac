/**
 * Groups of users, each with policies its members get. Every tenant has a system-managed
 * all-users group (`wazo-all-users-tenant-<uuid>`) that the API shows read-only. The API's shapes
 * are the schemas below, their types derived from them.
 */
import { Nullable, type Static, Type } from '@wazo-ts/daemon/schema';

export interface GroupRecord {
  uuid: string;
  tenant_uuid: string;
  name: string;
  slug: string;
  system_managed: boolean;
}

export const exposeGroup = (record: GroupRecord): Group => ({ ...record, read_only: record.system_managed });

/** The name of a tenant's all-users group, as Wazo names it. */
export const allUsersGroupName = (tenantUuid: string) => `wazo-all-users-tenant-${tenantUuid}`;

export const GroupSchema = Type.Object({
  uuid: Type.String(),
  tenant_uuid: Type.String(),
  name: Type.String(),
  slug: Type.String(),
  read_only: Type.Boolean(),
  system_managed: Type.Boolean(),
});
export type Group = Static<typeof GroupSchema>;

export const GroupCreateSchema = Type.Object({
  uuid: Type.Optional(Type.String({ format: 'uuid' })),
  name: Type.String({ minLength: 1, maxLength: 128 }),
  slug: Type.Optional(Nullable(Type.String(), { minLength: 1, maxLength: 80, pattern: '^[a-zA-Z0-9_-]+$' })),
});
export type GroupCreateInput = Static<typeof GroupCreateSchema>;

export const GroupUpdateSchema = Type.Object({ name: Type.String({ minLength: 1, maxLength: 128 }) });
export type GroupUpdateInput = Static<typeof GroupUpdateSchema>;
