/** The feature extensions' table, as a Kysely type. Only the feature extensions dao queries it. */
import type { Generated } from 'kysely';

export interface FeatureExtensionTable {
  uuid: Generated<string>;
  enabled: Generated<boolean>;
  exten: string;
  feature: string;
}

export interface FeatureExtensionTables {
  feature_extension: FeatureExtensionTable;
}
