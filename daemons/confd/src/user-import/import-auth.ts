/**
 * The users import's side in wazo-auth, done once every row has passed in confd: the create
 * makes each row's wazo-auth user (same uuid) and deletes them again if the import does not
 * commit; the update changes names, login and e-mail and puts them back if it does not commit.
 * A refusal of wazo-auth (a taken login) is that row's error; a failure to undo is logged for an
 * operator, naming the user.
 */
import type { WazoError } from '@wazo-ts/errors';
import type {
  AuthEmail,
  AuthUser,
  AuthUserCreate,
  AuthUserEdit,
  AuthUsersClient,
} from '../common/auth-users.js';
import type { CsvRow } from './csv-rows.js';
import type { ImportedEntry } from './import-entry.js';
import type { UpdatedEntry } from './import-update.js';
import { isRowFault, type RowError, RowsRefused } from './row-errors.js';
import type { WazoUserFields } from './row-schemas.js';

export interface ImportAuthDeps {
  authUsers: Pick<Required<AuthUsersClient>, 'create' | 'delete' | 'list' | 'edit' | 'setEmails'>;
  /** confd's service token (throws while it has none). */
  token: () => string;
  rowError: (row: CsvRow, error: WazoError) => RowError;
  logger: { error(details: object, message: string): void; warn(details: object, message: string): void };
}

/** A wazo-auth user as it was before an update changed it, to put it back on rollback. */
export interface Previous {
  uuid: string;
  user: AuthUserEdit;
  emails: AuthEmail[] | null;
}

/** Wazo's `WazoUserService.create`: the login is the username, else the e-mail, else the uuid. */
function authUserOf(user: WazoUserFields & { uuid: string }): AuthUserCreate {
  return {
    uuid: user.uuid,
    username: user.username || user.email_address || user.uuid,
    password: user.password ?? null,
    firstname: user.firstname,
    lastname: user.lastname ?? null,
    email_address: user.email_address ?? null,
    enabled: true,
    purpose: 'user',
  };
}

const editOf = (user: AuthUser): AuthUserEdit => ({
  username: (user.username as string | null) ?? null,
  firstname: (user.firstname as string | null) ?? null,
  lastname: (user.lastname as string | null) ?? null,
  purpose: (user.purpose as string) ?? 'user',
  ...(typeof user.authentication_method === 'string'
    ? { authentication_method: user.authentication_method }
    : {}),
  enabled: user.enabled !== false,
});

const emailsOf = (user: AuthUser): AuthEmail[] =>
  ((user.emails as AuthEmail[] | undefined) ?? []).map(({ address, main, confirmed }) => ({
    address,
    main,
    confirmed,
  }));

export function createImportAuth({ authUsers, token, rowError, logger }: ImportAuthDeps) {
  return {
    /** Makes each entry's wazo-auth user, noting its uuid in `sent` before the call. */
    async createUsers(tenantUuid: string, entries: ImportedEntry[], sent: string[]): Promise<void> {
      const serviceToken = token();
      for (const entry of entries) {
        // Noted before the call: a lost answer may hide a user wazo-auth did create.
        sent.push(entry.wazoUser.uuid);
        try {
          await authUsers.create(serviceToken, tenantUuid, authUserOf(entry.wazoUser));
        } catch (error) {
          if (!isRowFault(error)) throw error;
          sent.pop();
          throw new RowsRefused([rowError(entry.row, error)]);
        }
      }
    },

    /** Deletes the wazo-auth users an import that did not commit had sent. */
    async deleteUsers(tenantUuid: string, uuids: string[], cause: unknown): Promise<void> {
      logger.warn(
        { err: cause, tenant_uuid: tenantUuid },
        'users import rolled back: its wazo-auth users go',
      );
      for (const uuid of uuids) {
        try {
          await authUsers.delete(token(), tenantUuid, uuid);
        } catch (error) {
          logger.error(
            { err: error, cause, user_uuid: uuid, tenant_uuid: tenantUuid },
            'users import failed and a wazo-auth user it made could not be deleted: delete it by hand',
          );
        }
      }
    },

    /** Applies the rows' wazo-auth changes, noting each user's previous state in `previous`. */
    async applyChanges(tenantUuid: string, entries: UpdatedEntry[], previous: Previous[]): Promise<void> {
      const changed = entries.filter((e) => e.auth !== null);
      if (changed.length === 0) return;
      const serviceToken = token();
      const current = new Map((await authUsers.list(serviceToken, tenantUuid)).map((u) => [u.uuid, u]));
      for (const { row, auth } of changed) {
        const { uuid, email_address, ...names } = auth!;
        const user = current.get(uuid);
        if (!user) {
          logger.warn({ user_uuid: uuid }, 'users import: no wazo-auth user to update');
          continue;
        }
        const before = editOf(user);
        previous.push({ uuid, user: before, emails: email_address === undefined ? null : emailsOf(user) });
        try {
          await authUsers.edit(serviceToken, tenantUuid, uuid, { ...before, ...names });
          if (email_address !== undefined) {
            const emails = email_address ? [{ address: email_address, main: true, confirmed: true }] : [];
            await authUsers.setEmails(serviceToken, tenantUuid, uuid, emails);
          }
        } catch (error) {
          if (!isRowFault(error)) throw error;
          throw new RowsRefused([rowError(row, error)]);
        }
      }
    },

    /** Puts back the wazo-auth users an update that did not commit had changed. */
    async restore(tenantUuid: string, previous: Previous[], cause: unknown): Promise<void> {
      for (const { uuid, user, emails } of [...previous].reverse()) {
        try {
          await authUsers.edit(token(), tenantUuid, uuid, user);
          if (emails) await authUsers.setEmails(token(), tenantUuid, uuid, emails);
        } catch (error) {
          logger.error(
            { err: error, cause, user_uuid: uuid, tenant_uuid: tenantUuid, previous: user },
            'users import update failed and a wazo-auth user it changed could not be put back: fix it by hand',
          );
        }
      }
    },
  };
}
