/**
 * `GET /users/export`: the tenant's users as CSV in Wazo's columns, each with its wazo-auth login
 * (`username`, last column) read from wazo-auth's list of the tenant's users. A user wazo-auth
 * does not know gets an empty username and a warning in the log, as Wazo does.
 */
import { USER_EXPORT_COLUMNS } from '@wazo-ts/dao';
import { UnavailableError } from '@wazo-ts/errors';
import { stringify } from 'csv-stringify/sync';
import type { AuthUsersClient } from '../common/auth-users.js';
import type { ConfdServices } from '../common/services.js';

export interface UserExportDeps {
  services: ConfdServices;
  authUsers: Pick<Required<AuthUsersClient>, 'list'>;
  serviceToken: () => string | null;
  logger: { warn(details: object, message: string): void };
}

export const EXPORT_HEADER = [...USER_EXPORT_COLUMNS, 'username'] as const;

export function createUserExport({ services, authUsers, serviceToken, logger }: UserExportDeps) {
  return {
    /** The CSV text: a header line, then one line per user (CRLF, as Python's csv writes). */
    async csvOf(tenantUuid: string): Promise<string> {
      const token = serviceToken();
      if (!token)
        throw new UnavailableError('wazo-confd has no service token for wazo-auth yet', {
          errorId: 'no-service-token',
        });
      const rows = await services.userExport.rowsOf(tenantUuid);
      const logins = new Map<string, string>();
      for (const user of await authUsers.list(token, tenantUuid))
        if (typeof user.username === 'string') logins.set(user.uuid, user.username);
      const records = rows.map((row) => {
        const username = logins.get(row.uuid);
        if (username === undefined)
          logger.warn({ user_uuid: row.uuid }, 'user has no wazo-auth user: create one with the same uuid');
        return { ...row, username: username ?? '' };
      });
      return stringify(records, { header: true, columns: [...EXPORT_HEADER], record_delimiter: 'windows' });
    },
  };
}
