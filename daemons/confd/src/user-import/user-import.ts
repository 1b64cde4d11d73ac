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
import type { AuthUserCreate, AuthUsersClient } from '../common/auth-users.js';
import type { ConfdServices } from '../common/services.js';
import type { CsvRow } from './csv-rows.js';
import { createEntryMaker, type ImportedEntry, type ImportedIds } from './import-entry.js';
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
  authUsers: Pick<AuthUsersClient, 'create' | 'delete'>;
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

  return {
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
