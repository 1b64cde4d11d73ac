/**
 * One CSV row of `PUT /users/import`: the user named by `uuid` (in the import's tenant) and what
 * the row's columns say of it, as Wazo's entry updater: its own fields; its voicemail (edited, or
 * found or made and associated); its call permissions (replaced when the column is there); its
 * main line (made with its SIP endpoint when it has none) and that endpoint's SIP username and
 * secret; the line's main extension (edited, or found or made and associated); its incall (its
 * number edited, or found or made, and sending calls to the user). A column left out
 * leaves its field alone. The wazo-auth side (names, login, e-mail) is returned for the import
 * to apply once every row has passed.
 */
import {
  extensionEditSchema,
  notFound,
  resourceError,
  type SipOption,
  type TenantScope,
  userEditSchema,
  voicemailEditSchema,
} from '@wazo-ts/dao';
import { isUuid } from '@wazo-ts/db';
import type { ConfdServices } from '../common/services.js';
import { type CsvRow, entryOf, type RowEntry } from './csv-rows.js';
import { createEntryMaker, type ImportedIds, notSupported } from './import-entry.js';
import { checked, wazoUserSchema } from './row-schemas.js';

/** What a row changes in wazo-auth: only the columns it has. */
export interface AuthChanges {
  uuid: string;
  firstname?: string;
  lastname?: string | null;
  username?: string | null;
  email_address?: string | null;
}

export interface UpdatedEntry {
  row: CsvRow;
  ids: ImportedIds;
  auth: AuthChanges | null;
}

const given = (value: unknown): value is string => typeof value === 'string' && value !== '';
const has = (fields: object) => Object.keys(fields).length > 0;

function withOption(options: SipOption[], key: string, value: unknown): SipOption[] {
  if (value === undefined) return options;
  if (!given(value)) throw notSupported(key === 'username' ? 'sip_username' : 'sip_secret');
  return [...options.filter(([k]) => k !== key), [key, value]];
}

/** The wazo-auth fields the row has columns for, checked as Wazo's `WazoUserSchema` (partial). */
function authChangesOf(uuid: string, entry: RowEntry, firstname: string): AuthChanges | null {
  const { uuid: _uuid, password, ...fields } = entry.wazoUser;
  // wazo-auth here has no route for an administrator to set a password.
  if (password !== undefined && password !== null) throw notSupported('password');
  // An empty login cell keeps the login: a wazo-auth user always has one.
  if (fields.username === null) delete fields.username;
  if (!has(fields)) return null;
  checked(wazoUserSchema, { firstname, ...fields });
  return { uuid, ...fields } as AuthChanges;
}

export function createEntryUpdater(services: ConfdServices) {
  const maker = createEntryMaker(services);

  async function updateVoicemail(
    scope: TenantScope,
    userUuid: string,
    current: number | null,
    entry: RowEntry,
  ) {
    const fields = entry.voicemail;
    if (current !== null) {
      if (has(fields)) await services.voicemails.edit(scope, current, checked(voicemailEditSchema, fields));
      return current;
    }
    const made = await maker.voicemailOf(scope, fields);
    if (made) await services.userVoicemails.associate(scope, userUuid, made.id);
    return made?.id ?? null;
  }

  async function updateCallPermissions(
    scope: TenantScope,
    userUuid: string,
    current: number[],
    entry: RowEntry,
  ) {
    const names = entry.callPermissions.names;
    if (!Array.isArray(names)) return current;
    const wanted = await maker.callPermissionsOf(scope, names);
    for (const id of current) await services.userCallPermissions.dissociate(scope, userUuid, id);
    for (const permission of wanted)
      await services.userCallPermissions.associate(scope, userUuid, permission.id);
    return wanted.map((p) => p.id);
  }

  async function updateSip(scope: TenantScope, uuid: string, entry: RowEntry) {
    const { username, password } = entry.sip;
    if (username === undefined && password === undefined) return;
    const sip = await services.endpointSip.get(scope, uuid);
    let options = withOption(sip.auth_section_options, 'username', username);
    options = withOption(options, 'password', password);
    const name = given(username) ? { name: username } : {};
    await services.endpointSip.edit(scope, uuid, { ...name, auth_section_options: options });
  }

  async function updateExtension(
    scope: TenantScope,
    lineId: number | null,
    current: number | null,
    entry: RowEntry,
  ) {
    const { exten, context } = entry.extension;
    if (!given(exten) || !given(context)) return current;
    if (current !== null) {
      await services.extensions.edit(scope, current, checked(extensionEditSchema, { exten, context }));
      return current;
    }
    const extension = await maker.extensionOf(scope, { ...entry.extension, firstname: null });
    if (extension && lineId !== null) await services.lineExtensions.associate(scope, lineId, extension.id);
    return extension?.id ?? null;
  }

  /**
   * As Wazo's: the user's incall (refused when it has several), its number edited to the row's;
   * without one, found or made as on create. The incall then sends its calls to the user.
   */
  async function updateIncall(scope: TenantScope, tenantUuid: string, userId: number, entry: RowEntry) {
    const incalls = await services.incalls.search(scope, { filters: { user_id: userId } });
    if (incalls.items.length > 1)
      throw resourceError('Operation not permitted. Cannot update when user has multiple incalls');
    const incall = incalls.items[0];
    const extensionId = incall?.extensions[0]?.id ?? null;
    const { exten, context } = entry.incall;
    const changes = Object.fromEntries(
      Object.entries({ exten, context }).filter(([, value]) => value !== null && value !== undefined),
    );
    if (extensionId !== null && has(changes))
      await services.extensions.edit(scope, extensionId, checked(extensionEditSchema, changes));
    const current = incall ? { incallId: incall.id, extensionId } : null;
    return maker.incallOf(scope, tenantUuid, userId, entry.incall, current);
  }

  return {
    async update(tenantUuid: string, row: CsvRow): Promise<UpdatedEntry> {
      const scope: TenantScope = { tenantUuids: [tenantUuid] };
      const entry = entryOf(row);
      const uuid = entry.user.uuid;
      // By uuid only: a number in the column must not reach a user by its id.
      if (!given(uuid) || !isUuid(uuid)) throw notFound('User', { uuid: uuid ?? null });
      const user = await services.getUserWithRelations(scope, uuid);
      const { uuid: _uuid, ...fields } = entry.user;
      if (has(fields)) await services.users.edit(scope, user.uuid, checked(userEditSchema, fields));
      const auth = authChangesOf(
        user.uuid,
        entry,
        (fields.firstname as string | undefined) ?? user.firstname,
      );
      const voicemailId = await updateVoicemail(scope, user.uuid, user.voicemail?.id ?? null, entry);
      const permissionIds = await updateCallPermissions(
        scope,
        user.uuid,
        user.call_permissions.map((p) => p.id),
        entry,
      );
      let line = user.lines[0] ?? null;
      if (!line) {
        line = await maker.lineOf(scope, entry);
        if (line) await services.userLines.associate(scope, user.id, line.id);
      } else if (line.endpoint_sip) await updateSip(scope, line.endpoint_sip.uuid, entry);
      const extensionId = await updateExtension(
        scope,
        line?.id ?? null,
        line?.extensions[0]?.id ?? null,
        entry,
      );
      const sipUuid = line ? ((await services.lines.get(scope, line.id)).endpoint_sip?.uuid ?? null) : null;
      const incallExtensionId = await updateIncall(scope, tenantUuid, user.id, entry);
      return {
        row,
        auth,
        ids: {
          row_number: row.number,
          user_id: user.id,
          user_uuid: user.uuid,
          voicemail_id: voicemailId,
          line_id: line?.id ?? null,
          sip_uuid: sipUuid,
          sccp_id: null,
          extension_id: extensionId,
          incall_extension_id: incallExtensionId,
          call_permission_ids: permissionIds,
        },
      };
    },
  };
}
