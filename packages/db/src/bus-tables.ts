/**
 * The bus library's tables as one migration: the outbox the unit of work writes to and the
 * processed-events record of idempotent consumers. Every schema that uses the unit of work starts
 * with it (the Service API's `0000_bus_outbox`, wazo-auth's).
 */
import { outboxMigrations, processedEventsMigrations } from '@wazo-ts/bus';
import { type Kysely, type Migration, sql } from 'kysely';

export const busTablesMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    // The bus's statements are idempotent (IF NOT EXISTS), so a database that already has the
    // tables from a daemon's own `migrateOutbox` call takes this migration unchanged.
    for (const statement of [...outboxMigrations, ...processedEventsMigrations]) {
      await sql.raw(statement).execute(db);
    }
  },
};
