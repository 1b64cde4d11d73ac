/**
 * The queues' skill rules (`/queues/skillrules`): a tenant's named list of Asterisk skill rule
 * definitions, kept as Wazo keeps them (one text, definitions joined by `;`, null for none). A
 * tenant's skill rules go with the tenant, as Wazo's foreign key cascades.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE queueskillrule (
      id serial PRIMARY KEY,
      tenant_uuid uuid NOT NULL
        CONSTRAINT queueskillrule_tenant_uuid_fkey REFERENCES tenant (uuid) ON DELETE CASCADE,
      name varchar(64) NOT NULL,
      rule text
    );
    CREATE INDEX queueskillrule__idx__tenant_uuid ON queueskillrule (tenant_uuid);
  `.execute(db);
}
