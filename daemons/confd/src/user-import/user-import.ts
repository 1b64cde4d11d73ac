/**
 * `POST /users/import` and `PUT /users/import` as one all-or-nothing unit: every row runs in
 * one transaction, each behind its own savepoint so a failing row is undone alone and the next
 * rows still get checked (Wazo reports each bad row). Any bad row rolls the whole import back:
 * nothing is kept and no event is sent (the outbox is in the same transaction).
 *
 * wazo-auth is called last, once every row has passed, still inside the transaction
 * (import-auth.ts): a bad row never reaches wazo-auth, a refusal of wazo-auth is that row's error
 * and rolls everything back, and what wazo-auth was sent is undone if the import does not commit
 * (Wazo's `auth_client.rollback`).
 */
import { UnavailableError } from '@wazo-ts/errors';
import type { AuthUsersClient } from '../common/auth-users.js';
import type { ConfdServices } from '../common/services.js';
import type { CsvRow } from './csv-rows.js';
import { createImportAuth, type Previous } from './import-auth.js';
import { createEntryMaker, type ImportedIds } from './import-entry.js';
import { createEntryUpdater } from './import-update.js';
import { isRowFault, type RowError, RowsRefused, rowErrorOf } from './row-errors.js';

export type { RowError } from './row-errors.js';

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

export function createUserImport(deps: UserImportDeps) {
  const { services } = deps;
  const rowError = rowErrorOf(deps.now ?? Date.now);
  const maker = createEntryMaker(services);
  const updater = createEntryUpdater(services);

  function token(): string {
    const current = deps.serviceToken();
    if (!current)
      throw new UnavailableError('wazo-confd has no service token for wazo-auth yet', {
        errorId: 'no-service-token',
      });
    return current;
  }

  const auth = createImportAuth({ authUsers: deps.authUsers, token, rowError, logger: deps.logger });

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

  /** The outcome of a refusal; any other failure goes on up. */
  function refused(error: unknown): ImportOutcome {
    if (error instanceof RowsRefused) return { ok: false, errors: error.errors };
    throw error;
  }

  return {
    /** Creates every row's user and resources in `tenantUuid`, or nothing. */
    async create(tenantUuid: string, rows: CsvRow[]): Promise<ImportOutcome> {
      token();
      await services.tenants.ensure(tenantUuid);
      const sent: string[] = [];
      try {
        const entries = await services.transaction(async () => {
          const made = await eachRow(rows, (row) => maker.create(tenantUuid, row));
          await auth.createUsers(tenantUuid, made, sent);
          return made;
        });
        return { ok: true, rows: entries.map((e) => e.ids) };
      } catch (error) {
        if (sent.length > 0) await auth.deleteUsers(tenantUuid, sent, error);
        return refused(error);
      }
    },

    /**
     * Updates each row's user (by `uuid`, in `tenantUuid`) and what its columns say, or nothing;
     * wazo-auth's names, login and e-mail last, put back if the update does not commit.
     */
    async update(tenantUuid: string, rows: CsvRow[]): Promise<ImportOutcome> {
      token();
      await services.tenants.ensure(tenantUuid);
      const previous: Previous[] = [];
      try {
        const entries = await services.transaction(async () => {
          const updated = await eachRow(rows, (row) => updater.update(tenantUuid, row));
          await auth.applyChanges(tenantUuid, updated, previous);
          return updated;
        });
        return { ok: true, rows: entries.map((e) => e.ids) };
      } catch (error) {
        if (previous.length > 0) await auth.restore(tenantUuid, previous, error);
        return refused(error);
      }
    },
  };
}

export type UserImport = ReturnType<typeof createUserImport>;
