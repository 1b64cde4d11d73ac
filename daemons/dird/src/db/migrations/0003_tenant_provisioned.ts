/**
 * Whether a tenant got its directory defaults. A tenant's row may exist before that (its
 * country arrived first, or a source was made in it before wazo-auth's event), so the row alone
 * cannot say it.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE dird_tenant ADD COLUMN provisioned boolean NOT NULL DEFAULT false`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE dird_tenant DROP COLUMN provisioned`.execute(db);
}
