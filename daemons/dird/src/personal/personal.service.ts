/**
 * A user's personal contacts (Wazo's personal service): create, edit, delete, purge, list and
 * import from CSV. The owner is always the user of the request's token; a contact of another
 * user is not found.
 */
import { InvalidDataError, NotFoundError } from '@wazo-ts/errors';
import type { Kysely } from 'kysely';
import { type Contact, type ContactFields, contactProblems } from '../contacts/contact.js';
import { contactsDao } from '../contacts/contacts.dao.js';
import { parseCsv } from '../contacts/csv.js';
import type { DirdDatabase } from '../db/schema.js';

export interface PersonalUser {
  uuid: string;
  tenantUuid: string;
}

export interface ImportFailure {
  line: number;
  errors: string[];
}

export class NoSuchPersonalContactError extends NotFoundError {
  constructor(id: string) {
    super(`No such contact: ${id}`, { errorId: 'unknown-contact', details: { id } });
  }
}

function invalidContact(reasons: string[]): InvalidDataError {
  return new InvalidDataError(`Invalid personal contact: ${reasons.join(', ')}`, {
    errorId: 'invalid-personal-contact',
    details: { reasons },
  });
}

function validated(body: unknown): ContactFields {
  const problems = contactProblems(body);
  if (problems.length > 0) throw invalidContact(problems);
  return body as ContactFields;
}

export function createPersonalService({ db }: { db: Kysely<DirdDatabase> }) {
  const owner = (user: PersonalUser) => ({ userUuid: user.uuid });

  /** dird knows a user (and its tenant) from the first contact it stores for it. */
  async function ensureUser(user: PersonalUser): Promise<void> {
    await db
      .insertInto('dird_tenant')
      .values({ uuid: user.tenantUuid, country: null })
      .onConflict((oc) => oc.doNothing())
      .execute();
    await db
      .insertInto('dird_user')
      .values({ user_uuid: user.uuid, tenant_uuid: user.tenantUuid })
      .onConflict((oc) => oc.doNothing())
      .execute();
  }

  return {
    async list(user: PersonalUser): Promise<Contact[]> {
      return contactsDao.load(db, await contactsDao.listIds(db, owner(user)));
    },

    async get(user: PersonalUser, id: string): Promise<Contact> {
      const [found] = await contactsDao.load(db, await contactsDao.ownedIds(db, owner(user), [id]));
      if (!found) throw new NoSuchPersonalContactError(id);
      return found;
    },

    async create(user: PersonalUser, body: unknown): Promise<Contact> {
      const fields = validated(body);
      await ensureUser(user);
      return contactsDao.insertOne(db, owner(user), fields);
    },

    async edit(user: PersonalUser, id: string, body: unknown): Promise<Contact> {
      const edited = await contactsDao.replace(db, owner(user), id, validated(body));
      if (!edited) throw new NoSuchPersonalContactError(id);
      return edited;
    },

    async delete(user: PersonalUser, id: string): Promise<void> {
      if ((await contactsDao.delete(db, owner(user), id)) === 0) throw new NoSuchPersonalContactError(id);
    },

    async purge(user: PersonalUser): Promise<void> {
      await contactsDao.delete(db, owner(user), null);
    },

    /** On `user_deleted`: the user's contacts go (favorites are the favorites service's). */
    async userDeleted(userUuid: string): Promise<number> {
      const removed = await contactsDao.delete(db, { userUuid }, null);
      await db.deleteFrom('dird_user').where('user_uuid', '=', userUuid).execute();
      return removed;
    },

    /**
     * Imports a CSV document: each valid line becomes a contact (one identical to an existing
     * contact answers that contact); a line with too many or too few values, an empty column
     * name or an `id` already taken fails. Nothing created is a 400 with the failures.
     */
    async import(user: PersonalUser, text: string): Promise<{ created: Contact[]; failed: ImportFailure[] }> {
      const document = parseCsv(text);
      const failed: ImportFailure[] = [];
      const candidates: { line: number; fields: ContactFields }[] = [];
      for (const { line, values } of document.lines) {
        const problem = shapeProblem(document.columns, values);
        if (problem) {
          failed.push({ line, errors: [problem] });
          continue;
        }
        const fields = Object.fromEntries(document.columns.map((column, i) => [column, values[i] as string]));
        const problems = contactProblems(fields);
        if (problems.length > 0) failed.push({ line, errors: problems });
        else candidates.push({ line, fields });
      }
      const taken = await contactsDao.existingIds(
        db,
        candidates.flatMap(({ fields }) => (fields.id ? [fields.id] : [])),
      );
      const accepted = candidates.filter(({ line, fields }) => {
        if (!fields.id || !taken.has(fields.id)) return true;
        failed.push({ line, errors: [`contact "${fields.id}" already exist`] });
        return false;
      });
      failed.sort((a, b) => a.line - b.line);
      if (accepted.length === 0)
        throw new InvalidDataError('No contact found', {
          errorId: 'invalid-personal-import',
          details: { reasons: failed.length > 0 ? failed : ['No contact found'] },
        });
      await ensureUser(user);
      const outcome = await db.transaction().execute((trx) =>
        contactsDao.insertMany(
          trx,
          owner(user),
          accepted.map((c) => c.fields),
          { keepIds: true },
        ),
      );
      return { created: outcome.map((o) => o.contact), failed };
    },
  };
}

export type PersonalService = ReturnType<typeof createPersonalService>;

function shapeProblem(columns: string[], values: string[]): string | null {
  if (values.length > columns.length) return 'too many fields';
  if (values.length < columns.length) return 'missing fields';
  return null;
}
