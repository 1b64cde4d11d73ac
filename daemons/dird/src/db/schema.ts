/**
 * wazo-dird's own database, as Kysely types. dird owns it alone: users come from wazo-confd's
 * REST API, never from its tables.
 */
import type { ColumnType, Generated } from 'kysely';

type Json<T> = ColumnType<T, string, string>;

export interface DirdTenantTable {
  uuid: string;
  country: string | null;
  /** Whether the tenant got its directory defaults (sources, display, `default` profile). */
  provisioned: ColumnType<boolean, boolean | undefined, boolean>;
}

export interface DirdSourceTable {
  uuid: string;
  tenant_uuid: string;
  name: string;
  backend: string;
  searched_columns: ColumnType<string[], string[] | undefined, string[]>;
  first_matched_columns: ColumnType<string[], string[] | undefined, string[]>;
  format_columns: Json<Record<string, string>>;
  /** The backend's own fields, as validated by the backend's schema. */
  extern: Json<Record<string, unknown>>;
}

export interface DirdDisplayTable {
  uuid: string;
  tenant_uuid: string;
  name: string;
}

export interface DirdDisplayColumnTable {
  display_uuid: string;
  position: number;
  field: string | null;
  title: string | null;
  type: string | null;
  default: string | null;
  /** How a client shows a number of this column (`{name} (mobile)`). */
  number_display: string | null;
}

export interface DirdProfileTable {
  uuid: string;
  tenant_uuid: string;
  name: string;
  display_uuid: string | null;
}

export interface DirdProfileServiceTable {
  profile_uuid: string;
  /** lookup, reverse or favorites */
  service: string;
  /** `{timeout: number | null}` and whatever else the client stored. */
  options: Json<Record<string, unknown>>;
}

export interface DirdProfileServiceSourceTable {
  profile_uuid: string;
  service: string;
  source_uuid: string;
  position: number;
}

/** A user's favorite: a contact of a source, by the contact's id in it. */
export interface DirdFavoriteTable {
  user_uuid: string;
  source_uuid: string;
  contact_id: string;
}

/** A user owning personal contacts, with its tenant (Wazo's dird_user). */
export interface DirdUserTable {
  user_uuid: string;
  tenant_uuid: string;
}

export interface DirdPhonebookTable {
  id: Generated<number>;
  uuid: string;
  tenant_uuid: string;
  name: string;
  description: string | null;
}

/** A personal contact (user_uuid set) or a phonebook contact (phonebook_uuid set). */
export interface DirdContactTable {
  uuid: string;
  /** Insertion order, for listings and exports. */
  seq: Generated<string>;
  user_uuid: string | null;
  phonebook_uuid: string | null;
  /** sha1 of the fields without `id` (contact-hash.ts): identical contacts collide. */
  hash: string;
}

/** One field of a contact, `id` included. */
export interface DirdContactFieldTable {
  contact_uuid: string;
  name: string;
  value: string;
}

export interface DirdDatabase {
  dird_tenant: DirdTenantTable;
  dird_source: DirdSourceTable;
  dird_display: DirdDisplayTable;
  dird_display_column: DirdDisplayColumnTable;
  dird_profile: DirdProfileTable;
  dird_profile_service: DirdProfileServiceTable;
  dird_profile_service_source: DirdProfileServiceSourceTable;
  dird_favorite: DirdFavoriteTable;
  dird_user: DirdUserTable;
  dird_phonebook: DirdPhonebookTable;
  dird_contact: DirdContactTable;
  dird_contact_fields: DirdContactFieldTable;
}
