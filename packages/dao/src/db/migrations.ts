/** The Service API's schema as a migration set for @wazo-ts/db's runner (`dao_migration` tables). */
import type { MigrationSet } from '@wazo-ts/db';
import { migrations } from '../migrations/index.js';

export const serviceApiMigrations: MigrationSet = { key: 'dao', migrations };
