/**
 * `POST /users/import` and `PUT /users/import` as one all-or-nothing unit: every row runs in
 * one transaction, each behind its own savepoint so a failing row is undone alone and the next
 * rows still get checked (Wazo reports each bad row). Any bad row rolls the whole import back:
 * nothing is kept and no event is sent (the outbox is in the same transaction).
 *
 * wazo-auth users are made last, once every row has passed, still inside the transaction: a bad
 * row never reaches wazo-auth, and a refusal of wazo-auth (a taken login) is that row's error and
 * rolls everything back. Every wazo-auth user sent is deleted again if the import does not
 * commit (Wazo's `auth_client.rollback`); a failure to do so is logged for an operator.
 */
import { isWazoError, UnavailableError, type WazoError } from '@wazo-ts/errors';
import type {
  AuthEmail,
  AuthUser,
  AuthUserCreate,
  AuthUserEdit,
  AuthUsersClient,
} from '../common/auth-users.js';
import type { ConfdServices } from '../common/services.js';
import type { CsvRow } from './csv-rows.js';
import { createEntryMaker, type ImportedEntry, type ImportedIds } from './import-entry.js';
import { createEntryUpdater, type UpdatedEntry } from './import-update.js';
import type { WazoUserFields } from './row-schemas.js';

/** One row's failure in Wazo's shape. */
export interface RowError {
  message: string;
  /** Seconds since the epoch, an integer as Wazo's `int(time.time())`. */
  timestamp: number;
  details: { row: Record<string, string>; row_number: number };
}

export type ImportOutcome = { ok: true; rows: ImportedIds[] } | { ok: false; errors: RowError[] };

export interface UserImportDeps {
  services: ConfdServices;
  authUsers: Pick<Required<AuthUsersClient>, 'create' | 'delete' | 'list' | 'edit' | 'setEmails'>;
  /** confd's service token, or null while it has none. */
  serviceToken: () => string | null;
  logger: { error(details: object, message: string): void; warn(details: object, message: string): void };
  /** Milliseconds since the epoch; Date.now by default. */
  now?: () => number;
}

/** Thrown inside the transaction to roll it back with the rows' errors. */
class RowsRefused extends Error {
  constructor(readonly errors: RowError[]) {
    super('users import refused');
  }
}

/** Failures that are the row's fault (bad value, unknown reference, conflict), not the server's. */
const ROW_FAULTS = new Set(['invalid-data', 'not-found', 'conflict']);
const isRowFault = (error: unknown): error is WazoError => isWazoError(error) && ROW_FAULTS.has(error.code);

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

export function createUserImport(deps: UserImportDeps) {
  const { services, authUsers, logger } = deps;
  const now = deps.now ?? Date.now;
  const maker = createEntryMaker(services);
  const updater = createEntryUpdater(services);

  const rowError = (row: CsvRow, error: WazoError): RowError => ({
    message: error.message,
    timestamp: Math.floor(now() / 1000),
    details: { row: { ...row.fields }, row_number: row.number },
  });

  function token(): string {
    const current = deps.serviceToken();
    if (!current)
      throw new UnavailableError('wazo-confd has no service token for wazo-auth yet', {
        errorId: 'no-service-token',
      });
    return current;
  }

  /** Runs each row behind its savepoint; all rows' errors, or every row's result. */
  async function eachRow<T>(rows: CsvRow[], work: (row: CsvRow) => Promise<T>): Promise<T[]> {
    const done: T[] = [];
    const errors: RowError[] = [];
    for (const row of rows) {
      try {
        done.push(await services.savepoint(() => work(row)));
      } catch (error) {
        if (!isRowFault(error)) throw error;
        errors.push(rowError(row, error));
      }
    }
    if (errors.length > 0) throw new RowsRefused(errors);
    return done;
  }

  /** Deletes the wazo-auth users an import that did not commit had sent. */
  async function compensate(tenantUuid: string, uuids: string[], cause: unknown): Promise<void> {
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
  }

  async function createAuthUsers(
    tenantUuid: string,
    serviceToken: string,
    entries: ImportedEntry[],
    sent: string[],
  ) {
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
  }

  /** A wazo-auth user as it was before an update changed it, to put it back on rollback. */
  interface Previous {
    uuid: string;
    user: AuthUserEdit;
    emails: AuthEmail[] | null;
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

  /** Applies the rows' wazo-auth changes, noting each user's previous state in `previous`. */
  async function applyAuthChanges(
    tenantUuid: string,
    serviceToken: string,
    entries: UpdatedEntry[],
    previous: Previous[],
  ): Promise<void> {
    const changed = entries.filter((e) => e.auth !== null);
    if (changed.length === 0) return;
    const current = new Map((await authUsers.list(serviceToken, tenantUuid)).map((u) => [u.uuid, u]));
    for (const { row, auth } of changed) {
      const user = current.get(auth!.uuid);
      if (!user) {
        logger.warn({ user_uuid: auth!.uuid }, 'users import: no wazo-auth user to update');
        continue;
      }
      const before = editOf(user);
      const { uuid, email_address, ...names } = auth!;
      previous.push({ uuid, user: before, emails: email_address === undefined ? null : emailsOf(user) });
      try {
        await authUsers.edit(serviceToken, tenantUuid, uuid, { ...before, ...names });
        if (email_address !== undefined)
          await authUsers.setEmails(
            serviceToken,
            tenantUuid,
            uuid,
            email_address ? [{ address: email_address, main: true, confirmed: true }] : [],
          );
      } catch (error) {
        if (!isRowFault(error)) throw error;
        throw new RowsRefused([rowError(row, error)]);
      }
    }
  }

  /** Puts back the wazo-auth users an update that did not commit had changed. */
  async function restore(tenantUuid: string, previous: Previous[], cause: unknown): Promise<void> {
    for (const { uuid, user, emails } of previous.reverse()) {
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
  }

  return {
    /**
     * Updates each row's user (by `uuid`, in `tenantUuid`) and what its columns say, or nothing;
     * wazo-auth's names, login and e-mail last, put back if the update does not commit.
     */
    async update(tenantUuid: string, rows: CsvRow[]): Promise<ImportOutcome> {
      const serviceToken = token();
      await services.tenants.ensure(tenantUuid);
      const previous: Previous[] = [];
      try {
        const entries = await services.transaction(async () => {
          const updated = await eachRow(rows, (row) => updater.update(tenantUuid, row));
          await applyAuthChanges(tenantUuid, serviceToken, updated, previous);
          return updated;
        });
        return { ok: true, rows: entries.map((e) => e.ids) };
      } catch (error) {
        if (previous.length > 0) await restore(tenantUuid, previous, error);
        if (error instanceof RowsRefused) return { ok: false, errors: error.errors };
        throw error;
      }
    },

    /** Creates every row's user and resources in `tenantUuid`, or nothing. */
    async create(tenantUuid: string, rows: CsvRow[]): Promise<ImportOutcome> {
      const serviceToken = token();
      await services.tenants.ensure(tenantUuid);
      const sent: string[] = [];
      try {
        const entries = await services.transaction(async () => {
          const made = await eachRow(rows, (row) => maker.create(tenantUuid, row));
          await createAuthUsers(tenantUuid, serviceToken, made, sent);
          return made;
        });
        return { ok: true, rows: entries.map((e) => e.ids) };
      } catch (error) {
        if (sent.length > 0) {
          logger.warn(
            { err: error, tenant_uuid: tenantUuid },
            'users import rolled back: its wazo-auth users go',
          );
          await compensate(tenantUuid, sent, error);
        }
        if (error instanceof RowsRefused) return { ok: false, errors: error.errors };
        throw error;
      }
    },
  };
}

export type UserImport = ReturnType<typeof createUserImport>;
