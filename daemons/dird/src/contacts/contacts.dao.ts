/**
 * The one storage of contacts, for personal contacts (owned by a user) and phonebook contacts
 * (owned by a phonebook): a contact row with its hash, and one row per field, `id` included.
 * Queries only; the rules are in the personal and phonebook services.
 */
import { randomUUID } from 'node:crypto';
import { ConflictError } from '@wazo-ts/errors';
import { type Expression, type Kysely, type SqlBool, sql, type Transaction } from 'kysely';
import type { DirdDatabase } from '../db/schema.js';
import { type Contact, type ContactFields, contactHash } from './contact.js';

export type ContactOwner = { userUuid: string } | { phonebookUuid: string };
type Db = Kysely<DirdDatabase> | Transaction<DirdDatabase>;

/** Wazo's 409 for an identical contact of the same owner. */
export class DuplicateContactError extends ConflictError {
  constructor() {
    super('Duplicate contact', { errorId: 'duplicate-contact' });
  }
}

const ownerColumns = (owner: ContactOwner) =>
  'userUuid' in owner
    ? { user_uuid: owner.userUuid, phonebook_uuid: null }
    : { user_uuid: null, phonebook_uuid: owner.phonebookUuid };

function ownerFilter(owner: ContactOwner) {
  return 'userUuid' in owner
    ? sql<SqlBool>`c.user_uuid = ${owner.userUuid}`
    : sql<SqlBool>`c.phonebook_uuid = ${owner.phonebookUuid}`;
}

const isUniqueViolation = (error: unknown): boolean => (error as { code?: string })?.code === '23505';

/** `%term%` for ILIKE, with the term's own wildcards taken literally. */
export const containsPattern = (term: string): string => `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

const CHUNK = 1000;

export const contactsDao = {
  /**
   * Adds contacts to an owner, in one outcome per contact, in order. Each gets its `id` (kept
   * when given and `keepIds`), stored as a field too. A contact identical to one the owner has
   * is not added (`created: false`) and answers the existing contact's id.
   */
  async insertMany(
    db: Db,
    owner: ContactOwner,
    contacts: readonly ContactFields[],
    options: { keepIds?: boolean } = {},
  ): Promise<InsertOutcome[]> {
    const outcomes: InsertOutcome[] = [];
    for (let start = 0; start < contacts.length; start += CHUNK) {
      const chunk = contacts.slice(start, start + CHUNK).map((fields) => {
        const { id: givenId, ...rest } = fields;
        const id = options.keepIds && givenId ? givenId : randomUUID();
        return { hash: contactHash(rest), contact: { ...rest, id } as Contact };
      });
      const inserted = await db
        .insertInto('dird_contact')
        .values(chunk.map(({ hash, contact }) => ({ uuid: contact.id, hash, ...ownerColumns(owner) })))
        .onConflict((oc) => oc.doNothing())
        .returning(['uuid'])
        .execute();
      const added = new Set(inserted.map((row) => row.uuid));
      const rest = chunk.filter(({ contact }) => !added.has(contact.id));
      const byHash = new Map<string, string>();
      if (rest.length > 0) {
        const existing = await db
          .selectFrom('dird_contact as c')
          .select(['c.hash', 'c.uuid'])
          .where(ownerFilter(owner))
          .where('c.hash', 'in', [...new Set(rest.map((r) => r.hash))])
          .execute();
        for (const row of existing) byHash.set(row.hash, row.uuid);
      }
      const fresh: Contact[] = [];
      for (const { hash, contact } of chunk) {
        if (added.has(contact.id)) {
          fresh.push(contact);
          outcomes.push({ contact, created: true });
          continue;
        }
        const id = byHash.get(hash);
        // Not the owner's duplicate: the id itself is taken (by another owner's contact).
        if (id === undefined) throw new DuplicateContactError();
        outcomes.push({ contact: { ...contact, id }, created: false });
      }
      await insertFields(db, fresh);
    }
    return outcomes;
  },

  /** Adds one contact; an identical one of the same owner is a DuplicateContactError. */
  async insertOne(db: Kysely<DirdDatabase>, owner: ContactOwner, fields: ContactFields): Promise<Contact> {
    return db.transaction().execute(async (trx) => {
      const [outcome] = await contactsDao.insertMany(trx, owner, [fields]);
      if (!outcome?.created) throw new DuplicateContactError();
      return outcome.contact;
    });
  },

  /** Replaces a contact's fields (its id stays); false when the owner has no such contact. */
  async replace(
    db: Kysely<DirdDatabase>,
    owner: ContactOwner,
    id: string,
    fields: ContactFields,
  ): Promise<Contact | null> {
    const { id: _ignored, ...rest } = fields;
    const contact = { ...rest, id } as Contact;
    return db.transaction().execute(async (trx) => {
      let updated: { uuid: string } | undefined;
      try {
        updated = await trx
          .updateTable('dird_contact as c')
          .set({ hash: contactHash(rest) })
          .where('c.uuid', '=', id)
          .where(ownerFilter(owner))
          .returning('c.uuid')
          .executeTakeFirst();
      } catch (error) {
        if (isUniqueViolation(error)) throw new DuplicateContactError();
        throw error;
      }
      if (!updated) return null;
      await trx.deleteFrom('dird_contact_fields').where('contact_uuid', '=', id).execute();
      await insertFields(trx, [contact]);
      return contact;
    });
  },

  /** Deletes one contact of the owner, or all of them when `id` is null; the number deleted. */
  async delete(db: Db, owner: ContactOwner, id: string | null): Promise<number> {
    let query = db.deleteFrom('dird_contact as c').where(ownerFilter(owner));
    if (id !== null) query = query.where('c.uuid', '=', id);
    const result = await query.executeTakeFirst();
    return Number(result.numDeletedRows);
  },

  /** The contacts with these ids, in that order (unknown ids left out). */
  async load(db: Db, ids: readonly string[]): Promise<Contact[]> {
    if (ids.length === 0) return [];
    const rows = await db
      .selectFrom('dird_contact_fields')
      .select(['contact_uuid', 'name', 'value'])
      .where('contact_uuid', 'in', ids)
      .execute();
    const byId = new Map<string, Contact>();
    for (const row of rows) {
      const contact = byId.get(row.contact_uuid) ?? ({ id: row.contact_uuid } as Contact);
      byId.set(row.contact_uuid, contact);
      contact[row.name] = row.value;
    }
    return ids.flatMap((id) => byId.get(id) ?? []);
  },

  /**
   * Ids of the owner's contacts, in the order asked: `search` matches any field (ILIKE),
   * `order` names the field to sort by (case-insensitive, contacts without it last), then
   * insertion order.
   */
  async listIds(db: Db, owner: ContactOwner, page: ContactPage = {}): Promise<string[]> {
    const direction = sql.raw(page.direction === 'desc' ? 'DESC' : 'ASC');
    let query = db
      .selectFrom('dird_contact as c')
      .select('c.uuid')
      .where(ownerFilter(owner))
      .where(searchFilter(page.search));
    if (page.order)
      query = query
        .leftJoin('dird_contact_fields as o', (join) =>
          join.onRef('o.contact_uuid', '=', 'c.uuid').on('o.name', '=', page.order as string),
        )
        .orderBy(sql`lower(o.value) ${direction} NULLS LAST`);
    query = query.orderBy('c.seq');
    if (page.limit !== undefined) query = query.limit(page.limit);
    if (page.offset) query = query.offset(page.offset);
    return (await query.execute()).map((row) => row.uuid);
  },

  async count(db: Db, owner: ContactOwner, search?: string): Promise<number> {
    const row = await db
      .selectFrom('dird_contact as c')
      .select((eb) => eb.fn.countAll<string>().as('total'))
      .where(ownerFilter(owner))
      .where(searchFilter(search))
      .executeTakeFirstOrThrow();
    return Number(row.total);
  },

  /**
   * Ids of the owner's contacts with one of `columns` containing `term`, accents and case
   * ignored (Wazo's `unaccent(value) ILIKE '%term%'`).
   */
  async searchIds(db: Db, owner: ContactOwner, columns: readonly string[], term: string): Promise<string[]> {
    if (columns.length === 0) return [];
    const rows = await db
      .selectFrom('dird_contact_fields as f')
      .innerJoin('dird_contact as c', 'c.uuid', 'f.contact_uuid')
      .select('c.uuid')
      .distinct()
      .where(ownerFilter(owner))
      .where('f.name', 'in', columns)
      .where(sql<SqlBool>`dird_unaccent(f.value) ILIKE dird_unaccent(${containsPattern(term)})`)
      .execute();
    return rows.map((row) => row.uuid);
  },

  /** Ids of the owner's contacts with one of `columns` equal to `value`. */
  async matchIds(
    db: Db,
    owner: ContactOwner,
    columns: readonly string[],
    values: readonly string[],
  ): Promise<string[]> {
    if (columns.length === 0 || values.length === 0) return [];
    const rows = await db
      .selectFrom('dird_contact_fields as f')
      .innerJoin('dird_contact as c', 'c.uuid', 'f.contact_uuid')
      .select('c.uuid')
      .distinct()
      .where(ownerFilter(owner))
      .where('f.name', 'in', columns)
      .where('f.value', 'in', values)
      .execute();
    return rows.map((row) => row.uuid);
  },

  /** Those of these ids that are the owner's contacts. */
  async ownedIds(db: Db, owner: ContactOwner, ids: readonly string[]): Promise<string[]> {
    if (ids.length === 0) return [];
    const rows = await db
      .selectFrom('dird_contact as c')
      .select('c.uuid')
      .where(ownerFilter(owner))
      .where('c.uuid', 'in', ids)
      .execute();
    const owned = new Set(rows.map((row) => row.uuid));
    return ids.filter((id) => owned.has(id));
  },

  /** Whether any of these ids is taken, by any owner. */
  async existingIds(db: Db, ids: readonly string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = await db.selectFrom('dird_contact').select('uuid').where('uuid', 'in', ids).execute();
    return new Set(rows.map((row) => row.uuid));
  },
};

export interface InsertOutcome {
  contact: Contact;
  /** False when the owner already had an identical contact (`contact.id` is that one's). */
  created: boolean;
}

export interface ContactPage {
  search?: string | undefined;
  order?: string | undefined;
  direction?: 'asc' | 'desc' | undefined;
  limit?: number | undefined;
  offset?: number | undefined;
}

function searchFilter(search: string | undefined): Expression<SqlBool> {
  if (!search) return sql<SqlBool>`true`;
  return sql<SqlBool>`EXISTS (SELECT 1 FROM dird_contact_fields s
    WHERE s.contact_uuid = c.uuid AND dird_unaccent(s.value) ILIKE dird_unaccent(${containsPattern(search)}))`;
}

async function insertFields(db: Db, contacts: readonly Contact[]): Promise<void> {
  const rows = contacts.flatMap((contact) =>
    Object.entries(contact).map(([name, value]) => ({ contact_uuid: contact.id, name, value })),
  );
  for (let start = 0; start < rows.length; start += CHUNK * 5)
    await db
      .insertInto('dird_contact_fields')
      .values(rows.slice(start, start + CHUNK * 5))
      .execute();
}
