/**
 * Access features (`/access_features`): the hosts allowed to use a feature of the system, so
 * far only wazo-phoned's phonebook. A host is listed once per feature.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE access_feature (
      id serial PRIMARY KEY,
      host varchar(255) NOT NULL DEFAULT '',
      feature varchar(64) NOT NULL DEFAULT 'phonebook'
        CONSTRAINT access_feature_feature_check CHECK (feature = 'phonebook'),
      enabled boolean NOT NULL DEFAULT true,
      CONSTRAINT access_feature_host_feature_key UNIQUE (host, feature)
    )`.execute(db);
}
