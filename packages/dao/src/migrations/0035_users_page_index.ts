/**
 * Deep pages of the users list in their default order (`GET /users?offset=5000`): the list reads
 * the page's ids first (search/apply.ts via the list core's deep-page form), and this index answers
 * that from the index alone, in the page's order (a tenant's users by `lower(lastname)` then id,
 * NULLs last as the list sorts them), instead of walking every skipped user's row. `lastname` is
 * carried so PostgreSQL can use an index-only scan for an expression over it.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE INDEX users_tenant_lastname_page_idx
      ON users (tenant_uuid, lower(lastname::text), id) INCLUDE (lastname)
  `.execute(db);
}
