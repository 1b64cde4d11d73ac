/**
 * The "in use" foreign keys (an extension's or line's or voicemail's context, a line's or incall's
 * extension, a user's voicemail) become NO ACTION DEFERRABLE INITIALLY IMMEDIATE instead of
 * RESTRICT. A direct delete of a row in use still fails the same way (same constraint, same
 * error, checked at the end of its statement), but deleting a tenant can now remove both ends:
 * its cascade removes contexts and users in one statement, checked at its end rather than
 * mid-cascade, and the purge defers the keys of the rows it removes afterwards (an extension has
 * no tenant of its own: it goes with its context). RESTRICT refused the purge and left the
 * tenant's configuration behind.
 */
import { type Kysely, sql } from 'kysely';

const KEYS = [
  ['extension', 'extension_context_id_fkey', 'context_id', 'context (id)'],
  ['line', 'line_context_id_fkey', 'context_id', 'context (id)'],
  ['voicemail', 'voicemail_context_id_fkey', 'context_id', 'context (id)'],
  ['line_extension', 'line_extension_extension_id_fkey', 'extension_id', 'extension (id)'],
  ['incall_extension', 'incall_extension_extension_id_fkey', 'extension_id', 'extension (id)'],
  ['user_voicemail', 'user_voicemail_user_uuid_fkey', 'user_uuid', 'users (uuid)'],
  ['user_voicemail', 'user_voicemail_voicemail_id_fkey', 'voicemail_id', 'voicemail (id)'],
] as const;

async function setAction(db: Kysely<unknown>, action: 'NO ACTION' | 'RESTRICT'): Promise<void> {
  for (const [table, name, column, target] of KEYS) {
    await sql
      .raw(
        `ALTER TABLE ${table} DROP CONSTRAINT ${name},
           ADD CONSTRAINT ${name} FOREIGN KEY (${column}) REFERENCES ${target} ON DELETE ${action}${action === 'NO ACTION' ? ' DEFERRABLE INITIALLY IMMEDIATE' : ''}`,
      )
      .execute(db);
  }
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await setAction(db, 'NO ACTION');
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await setAction(db, 'RESTRICT');
}
