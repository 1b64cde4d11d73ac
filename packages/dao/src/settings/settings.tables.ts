/** Tables of the settings sections, as Kysely types. Only the settings dao queries them. */
import type { Generated } from 'kysely';

/** One section's document; `tenant_uuid` null for a section of the whole system. */
export interface SettingsSectionTable {
  id: Generated<number>;
  name: string;
  tenant_uuid: string | null;
  document: unknown;
}

export interface SettingsTables {
  settings_section: SettingsSectionTable;
}
