/**
 * Contacts as Wazo stores them: a contact (`dird_contact`) is owned either by a user (personal
 * contacts, `dird_user` giving the user's tenant) or by a phonebook (`dird_phonebook`), and is a
 * flat map of string fields, one row per field (`dird_contact_fields`, the `id` field included).
 * `hash` is the digest of the fields without `id`: unique per owner, it makes an identical
 * contact a conflict.
 *
 * Searches are `unaccent(value) ILIKE '%term%'` on the source's searched columns: `dird_unaccent`
 * is an IMMUTABLE wrapper (unaccent itself is only STABLE) so that a trigram index can answer
 * them; reverse lookups compare `value` exactly, through the (name, value) index. Where unaccent
 * or pg_trgm cannot be installed (no contrib, no right) the wrapper is the identity or the
 * trigram index is missing: searches stay correct, only accents or speed are lost.
 */
import { type Kysely, sql } from 'kysely';

async function tryExtension(db: Kysely<unknown>, name: 'unaccent' | 'pg_trgm'): Promise<string | null> {
  const { rows } = await sql`SELECT 1 FROM pg_available_extensions WHERE name = ${name}`.execute(db);
  if (rows.length > 0) {
    await sql`SAVEPOINT dird_extension`.execute(db);
    try {
      await sql`CREATE EXTENSION IF NOT EXISTS ${sql.raw(name)}`.execute(db);
      await sql`RELEASE SAVEPOINT dird_extension`.execute(db);
    } catch {
      await sql`ROLLBACK TO SAVEPOINT dird_extension`.execute(db);
    }
  }
  const found = await sql<{ schema: string }>`
    SELECT n.nspname AS schema FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
    WHERE e.extname = ${name}`.execute(db);
  return found.rows[0]?.schema ?? null;
}

const quoteIdent = (name: string): string => `"${name.replaceAll('"', '""')}"`;

export async function up(db: Kysely<unknown>): Promise<void> {
  const unaccent = await tryExtension(db, 'unaccent');
  // The body names the dictionary by schema: an index expression must not depend on search_path.
  const body = unaccent
    ? `SELECT ${quoteIdent(unaccent)}.unaccent('${quoteIdent(unaccent)}.unaccent'::regdictionary, $1)`
    : 'SELECT $1';
  await sql`CREATE OR REPLACE FUNCTION dird_unaccent(text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS ${sql.lit(body)}`.execute(db);

  await sql`
    CREATE TABLE dird_user (
      user_uuid uuid PRIMARY KEY,
      tenant_uuid uuid NOT NULL REFERENCES dird_tenant(uuid) ON DELETE CASCADE
    );
    CREATE INDEX dird_user_tenant_idx ON dird_user (tenant_uuid);

    CREATE TABLE dird_phonebook (
      id serial UNIQUE,
      uuid uuid PRIMARY KEY,
      tenant_uuid uuid NOT NULL REFERENCES dird_tenant(uuid) ON DELETE CASCADE,
      name varchar(255) NOT NULL CHECK (name <> ''),
      description text,
      CONSTRAINT dird_phonebook_tenant_name UNIQUE (tenant_uuid, name)
    );

    -- uuid is text as in Wazo: a personal import may keep the ids of its CSV.
    -- seq keeps the order contacts were added in, for listings and exports.
    CREATE TABLE dird_contact (
      uuid text PRIMARY KEY,
      seq bigserial NOT NULL,
      user_uuid uuid REFERENCES dird_user(user_uuid) ON DELETE CASCADE,
      phonebook_uuid uuid REFERENCES dird_phonebook(uuid) ON DELETE CASCADE,
      hash varchar(40) NOT NULL,
      CONSTRAINT dird_contact_one_owner CHECK ((user_uuid IS NULL) <> (phonebook_uuid IS NULL)),
      CONSTRAINT dird_contact_user_hash UNIQUE (user_uuid, hash),
      CONSTRAINT dird_contact_phonebook_hash UNIQUE (phonebook_uuid, hash)
    );

    CREATE TABLE dird_contact_fields (
      contact_uuid text NOT NULL REFERENCES dird_contact(uuid) ON DELETE CASCADE,
      name text NOT NULL,
      value text NOT NULL,
      PRIMARY KEY (contact_uuid, name)
    );
    CREATE INDEX dird_contact_user_idx ON dird_contact (user_uuid, seq);
    CREATE INDEX dird_contact_phonebook_idx ON dird_contact (phonebook_uuid, seq);
    CREATE INDEX dird_contact_fields_name_value_idx ON dird_contact_fields (name, value);
  `.execute(db);

  const trgm = await tryExtension(db, 'pg_trgm');
  if (trgm)
    await sql`CREATE INDEX dird_contact_fields_value_trgm_idx ON dird_contact_fields
      USING gin (dird_unaccent(value) ${sql.raw(`${quoteIdent(trgm)}.gin_trgm_ops`)})`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP TABLE dird_contact_fields;
    DROP TABLE dird_contact;
    DROP TABLE dird_phonebook;
    DROP TABLE dird_user;
    DROP FUNCTION dird_unaccent(text);
  `.execute(db);
}
