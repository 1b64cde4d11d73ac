/** Tables of the access features, as Kysely types. Only the access features dao queries them. */
import type { Generated } from 'kysely';

export interface AccessFeatureTable {
  id: Generated<number>;
  host: string;
  feature: string;
  enabled: boolean;
}

export interface AccessFeatureTables {
  access_feature: AccessFeatureTable;
}
