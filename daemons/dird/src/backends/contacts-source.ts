/**
 * A source over stored contacts (personal or phonebook): the same search, reverse and list on
 * the contacts of one owner, the owner being found from the source and the asking user.
 */
import type { Kysely } from 'kysely';
import type { Contact } from '../contacts/contact.js';
import { type ContactOwner, contactsDao } from '../contacts/contacts.dao.js';
import type { DirdDatabase } from '../db/schema.js';
import type {
  BackendDependencies,
  LoadedSource,
  LookupContext,
  SourceConfig,
  SourceEntry,
} from './backend.js';

/** The personal and phonebook backends read dird's own database. */
export interface ContactsDependencies extends BackendDependencies {
  db: Kysely<DirdDatabase>;
}

export function contactEntry(contact: Contact): SourceEntry {
  return {
    fields: contact,
    relations: {
      xivo_id: null,
      agent_id: null,
      user_id: null,
      user_uuid: null,
      endpoint_id: null,
      source_entry_id: contact.id,
    },
  };
}

/** Owner of the contacts a context sees; null: none (no user, no such phonebook). */
export type OwnerOf = (context: LookupContext) => ContactOwner | null | Promise<ContactOwner | null>;

export function contactsSource(
  config: SourceConfig,
  dependencies: ContactsDependencies,
  ownerOf: OwnerOf,
): LoadedSource {
  const { db } = dependencies;
  if (!db) throw new Error(`the ${config.backend} backend needs dird's database (dependencies.db)`);

  async function matches(extens: string[], context: LookupContext): Promise<Contact[]> {
    const owner = await ownerOf(context);
    if (!owner) return [];
    return contactsDao.load(db, await contactsDao.matchIds(db, owner, config.firstMatchedColumns, extens));
  }

  return {
    config,
    async search(term, context) {
      const owner = await ownerOf(context);
      if (!owner) return [];
      const ids = await contactsDao.searchIds(db, owner, config.searchedColumns, term);
      return (await contactsDao.load(db, ids)).map(contactEntry);
    },
    async firstMatch(exten, context) {
      const [contact] = await matches([exten], context);
      return contact ? contactEntry(contact) : null;
    },
    async matchAll(extens, context) {
      const found = new Map<string, SourceEntry>();
      for (const contact of await matches(extens, context))
        for (const column of config.firstMatchedColumns) {
          const value = contact[column];
          if (value !== undefined && extens.includes(value) && !found.has(value))
            found.set(value, contactEntry(contact));
        }
      return found;
    },
    async list(ids, context) {
      const owner = await ownerOf(context);
      if (!owner) return [];
      return (await contactsDao.load(db, await contactsDao.ownedIds(db, owner, ids))).map(contactEntry);
    },
  };
}
