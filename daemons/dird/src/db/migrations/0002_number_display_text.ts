/**
 * A display column's `number_display` is a format string in Wazo (`{name} (mobile)`, how a
 * client shows a number of that column), not a flag: text, nullable.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE dird_display_column ALTER COLUMN number_display DROP DEFAULT;
    ALTER TABLE dird_display_column ALTER COLUMN number_display DROP NOT NULL;
    ALTER TABLE dird_display_column ALTER COLUMN number_display TYPE text USING NULL;
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE dird_display_column
      ALTER COLUMN number_display TYPE boolean USING number_display IS NOT NULL;
    UPDATE dird_display_column SET number_display = false WHERE number_display IS NULL;
    ALTER TABLE dird_display_column ALTER COLUMN number_display SET NOT NULL;
    ALTER TABLE dird_display_column ALTER COLUMN number_display SET DEFAULT false;
  `.execute(db);
}
