/**
 * Tenant phonebooks and their contacts (Wazo's phonebook service): every call names the tenants
 * the request sees; a phonebook of another tenant is not found.
 */

import type { Kysely } from 'kysely';
import { type Contact, type ContactFields, contactProblems } from '../contacts/contact.js';
import { type ContactPage, contactsDao } from '../contacts/contacts.dao.js';
import type { CsvDocument } from '../contacts/csv.js';
import type { DirdDatabase } from '../db/schema.js';
import {
  createPhonebooksDao,
  type Phonebook,
  type PhonebookFields,
  type PhonebookPage,
} from './phonebooks.dao.js';
import {
  DuplicatePhonebookError,
  importError,
  invalidContact,
  NoSuchPhonebookContactError,
  NoSuchPhonebookError,
} from './phonebooks.errors.js';

export interface ContactEntryError {
  contact: Record<string, string>;
  message: string;
  index: number;
}

/** Wazo's checks of a phonebook contact; its `id` is the server's and is dropped. */
function validated(body: unknown): ContactFields {
  if (typeof body !== 'object' || body === null || Array.isArray(body) || Object.keys(body).length === 0)
    throw invalidContact('Contacts cannot be empty');
  if ('' in body) throw invalidContact('Contacts cannot have empty keys');
  const [problem] = contactProblems(body);
  if (problem) throw invalidContact(problem);
  const { id: _id, ...fields } = body as ContactFields;
  return fields;
}

export function createPhonebooksService({ db }: { db: Kysely<DirdDatabase> }) {
  const phonebooks = createPhonebooksDao(db);

  async function found(tenants: readonly string[], uuid: string): Promise<Phonebook> {
    const phonebook = await phonebooks.get(tenants, uuid);
    if (!phonebook) throw new NoSuchPhonebookError(uuid);
    return phonebook;
  }

  return {
    async list(tenants: readonly string[], page: PhonebookPage) {
      const [items, total] = await Promise.all([
        phonebooks.list(tenants, page),
        phonebooks.count(tenants, page.search),
      ]);
      return { items, total };
    },

    get: found,

    async create(tenantUuid: string, fields: PhonebookFields): Promise<Phonebook> {
      const created = await phonebooks.create(tenantUuid, fields);
      if (!created) throw new DuplicatePhonebookError(fields.name);
      return created;
    },

    async edit(tenants: readonly string[], uuid: string, fields: PhonebookFields): Promise<Phonebook> {
      const edited = await phonebooks.update(tenants, uuid, fields);
      if (edited === 'duplicate') throw new DuplicatePhonebookError(fields.name);
      if (!edited) throw new NoSuchPhonebookError(uuid);
      return edited;
    },

    async delete(tenants: readonly string[], uuid: string): Promise<void> {
      if (!(await phonebooks.delete(tenants, uuid))) throw new NoSuchPhonebookError(uuid);
    },

    async listContacts(tenants: readonly string[], uuid: string, page: ContactPage) {
      const owner = { phonebookUuid: (await found(tenants, uuid)).uuid };
      const [ids, total] = await Promise.all([
        contactsDao.listIds(db, owner, page),
        contactsDao.count(db, owner, page.search),
      ]);
      return { items: await contactsDao.load(db, ids), total };
    },

    /** The phonebook's number of contacts, all and matching `search`. */
    async countContacts(tenants: readonly string[], uuid: string, search?: string) {
      const owner = { phonebookUuid: (await found(tenants, uuid)).uuid };
      const [total, filtered] = await Promise.all([
        contactsDao.count(db, owner),
        search ? contactsDao.count(db, owner, search) : null,
      ]);
      return { total, filtered: filtered ?? total };
    },

    async createContact(tenants: readonly string[], uuid: string, body: unknown): Promise<Contact> {
      const fields = validated(body);
      const phonebook = await found(tenants, uuid);
      return contactsDao.insertOne(db, { phonebookUuid: phonebook.uuid }, fields);
    },

    async getContact(tenants: readonly string[], uuid: string, id: string): Promise<Contact> {
      const owner = { phonebookUuid: (await found(tenants, uuid)).uuid };
      const [contact] = await contactsDao.load(db, await contactsDao.ownedIds(db, owner, [id]));
      if (!contact) throw new NoSuchPhonebookContactError(id);
      return contact;
    },

    async editContact(tenants: readonly string[], uuid: string, id: string, body: unknown): Promise<Contact> {
      const fields = validated(body);
      const owner = { phonebookUuid: (await found(tenants, uuid)).uuid };
      const edited = await contactsDao.replace(db, owner, id, fields);
      if (!edited) throw new NoSuchPhonebookContactError(id);
      return edited;
    },

    async deleteContact(tenants: readonly string[], uuid: string, id: string): Promise<void> {
      const owner = { phonebookUuid: (await found(tenants, uuid)).uuid };
      if ((await contactsDao.delete(db, owner, id)) === 0) throw new NoSuchPhonebookContactError(id);
    },

    /**
     * Imports a parsed CSV document: all or nothing. Duplicate column names, no contact, or any
     * invalid line is a 400 with nothing created; a contact the phonebook already has is skipped.
     */
    async importContacts(tenants: readonly string[], uuid: string, document: CsvDocument, byteCount: number) {
      const phonebook = await found(tenants, uuid);
      const { columns, lines } = document;
      const duplicates = [...new Set(columns.filter((c, i) => columns.indexOf(c) !== i))];
      if (duplicates.length > 0)
        throw importError('duplicate-columns', `duplicate columns: ${JSON.stringify(duplicates)}`, {
          duplicates,
        });
      if (lines.length === 0)
        throw importError('empty-file', 'empty contact import file', {
          line_count: columns.length > 0 ? 1 : 0,
          byte_count: byteCount,
        });
      const errors: ContactEntryError[] = [];
      const contacts: ContactFields[] = [];
      lines.forEach(({ values }, index) => {
        const contact = Object.fromEntries(columns.map((column, i) => [column, values[i] ?? '']));
        try {
          if (values.length > columns.length) throw invalidContact('Contacts cannot have null keys');
          if (values.length < columns.length) throw invalidContact('Contacts cannot have missing values');
          contacts.push(validated(contact));
        } catch (error) {
          errors.push({ contact, message: (error as Error).message, index });
        }
      });
      if (errors.length > 0) throw importError('bad-contacts', 'failed to create contacts', { errors });
      const outcomes = await db
        .transaction()
        .execute((trx) => contactsDao.insertMany(trx, { phonebookUuid: phonebook.uuid }, contacts));
      return {
        created: outcomes.filter((o) => o.created).map((o) => o.contact),
        failed: [] as ContactEntryError[],
      };
    },
  };
}

export type PhonebooksService = ReturnType<typeof createPhonebooksService>;
