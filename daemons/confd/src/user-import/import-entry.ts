/**
 * One CSV row of `POST /users/import` made into resources, as Wazo's entry creator and
 * associators do: the user, then (each when its columns say so) its voicemail (an existing one
 * with the same number and context is reused), call permissions (by name), line with its SIP
 * endpoint (an existing endpoint of that name is reused), the line's extension (reused
 * likewise), and its incall number (reused likewise, with the incall it routes, or a new incall);
 * then the associations, the incall sending its calls to the user. The wazo-auth user is only checked here: the import makes it
 * once every row has passed. Everything is looked up in the import's tenant only.
 */
import {
  extensionCreateSchema,
  type Line,
  notFound,
  sipInputSchema,
  type TenantScope,
  userCreateSchema,
  type Voicemail,
  voicemailCreateSchema,
} from '@wazo-ts/dao';
import { InvalidDataError } from '@wazo-ts/errors';
import { pythonRepr } from '../common/python-repr.js';
import type { ConfdServices } from '../common/services.js';
import { type CsvRow, entryOf, type RowEntry } from './csv-rows.js';
import { checked, type WazoUserFields, wazoUserSchema, withoutNulls } from './row-schemas.js';

/** What `created` (and `updated`) lists for a row, with Wazo's keys. */
export interface ImportedIds {
  row_number: number;
  user_id: number;
  user_uuid: string;
  voicemail_id: number | null;
  line_id: number | null;
  sip_uuid: string | null;
  sccp_id: number | null;
  extension_id: number | null;
  incall_extension_id: number | null;
  call_permission_ids: number[];
}

/** A row made: its ids, and the wazo-auth user still to create (create only). */
export interface ImportedEntry {
  row: CsvRow;
  ids: ImportedIds;
  wazoUser: WazoUserFields & { uuid: string };
}

/** The endpoint types Wazo's import knows. */
const ENDPOINT_TYPES = ['sip', 'webrtc', 'sccp'];

export const notSupported = (field: string) =>
  new InvalidDataError(`Input Error - ${field}: ${pythonRepr(['Not supported by this confd.'])}`, {
    errorId: 'invalid-data',
    details: { field },
  });

const given = (value: unknown): value is string => typeof value === 'string' && value !== '';

export function createEntryMaker(services: ConfdServices) {
  async function contextNamed(scope: TenantScope, name: string) {
    const found = await services.contexts.search(scope, { filters: { name } });
    const context = found.items.find((c) => c.name === name);
    if (!context) throw notFound('Context', { name });
    return context;
  }

  async function voicemailOf(scope: TenantScope, fields: RowEntry['voicemail']): Promise<Voicemail | null> {
    const { number, context } = fields;
    if (!given(number) && !given(context)) return null;
    if (given(number) && given(context)) {
      const found = await services.voicemails.search(scope, { filters: { number, context } });
      const existing = found.items.find((v) => v.number === number && v.context === context);
      if (existing) return existing;
    }
    return services.voicemails.create(scope, checked(voicemailCreateSchema, withoutNulls(fields)));
  }

  async function callPermissionsOf(scope: TenantScope, names: string[]) {
    const permissions = [];
    for (const name of names) {
      const found = await services.callPermissions.search(scope, { filters: { name } });
      const permission = found.items.find((p) => p.name === name);
      if (!permission) throw notFound('CallPermission', { name });
      permissions.push(permission);
    }
    return permissions;
  }

  /** Wazo: an extension for a user needs a line protocol it knows. */
  function checkLineProtocol(fields: RowEntry['extension']): void {
    if (!given(fields.firstname)) return;
    const protocol = fields.line_protocol;
    if (!given(protocol))
      throw new InvalidDataError('Input Error - missing parameters: line_protocol', {
        errorId: 'invalid-data',
        details: { field: 'line_protocol' },
      });
    if (!ENDPOINT_TYPES.includes(protocol))
      throw new InvalidDataError(
        `Input Error - 'line_protocol' must be one of (${ENDPOINT_TYPES.join(', ')})`,
        {
          errorId: 'invalid-data',
          details: { field: 'line_protocol' },
        },
      );
  }

  async function extensionOf(scope: TenantScope, fields: RowEntry['extension']) {
    const { exten, context } = fields;
    if (!given(exten) || !given(context)) return null;
    checkLineProtocol(fields);
    const found = await services.extensions.search(scope, { filters: { exten, context } });
    const existing = found.items.find((e) => e.exten === exten && e.context === context);
    return existing ?? services.extensions.create(scope, checked(extensionCreateSchema, { exten, context }));
  }

  /** An existing SIP endpoint named as the row's SIP username, else none. */
  async function sipNamed(scope: TenantScope, name: unknown) {
    if (!given(name)) return null;
    const found = await services.endpointSip.search(scope, { filters: { name } });
    return found.items.find((sip) => sip.name === name) ?? null;
  }

  /**
   * The line with its SIP endpoint: a new endpoint named as its SIP username (8 random letters
   * without one), with the username and secret as auth options; `webrtc` marks it so.
   */
  /**
   * The tenant's default templates a new SIP line inherits, as Wazo's import gives them: `global`,
   * and `webrtc` after it for a webrtc line; a tenant without them refuses the row.
   */
  async function templatesOf(scope: TenantScope, endpoint: string): Promise<string[]> {
    const tenant = await services.tenants.get(scope, scope.tenantUuids[0] as string);
    if (!tenant.global_sip_template_uuid) throw notFound('global_sip_template');
    if (endpoint !== 'webrtc') return [tenant.global_sip_template_uuid];
    if (!tenant.webrtc_sip_template_uuid) throw notFound('webrtc_sip_template');
    return [tenant.global_sip_template_uuid, tenant.webrtc_sip_template_uuid];
  }

  async function lineOf(scope: TenantScope, entry: RowEntry): Promise<Line | null> {
    const { context, endpoint } = entry.line;
    if (!given(context) || !given(endpoint) || !ENDPOINT_TYPES.includes(endpoint)) return null;
    // As Wazo's: a new SCCP endpoint for the line, no options.
    if (endpoint === 'sccp') return services.lines.create(scope, { context, endpoint_sccp: { options: [] } });
    const existing = await sipNamed(scope, entry.sip.username);
    if (existing) {
      const line = await services.lines.create(scope, { context });
      await services.lineEndpoints.associate(scope, line.id, 'sip', existing.uuid);
      return services.lines.get(scope, line.id);
    }
    const username = given(entry.sip.username) ? entry.sip.username : randomLetters(8);
    const password = given(entry.sip.password) ? entry.sip.password : randomLetters(8);
    const sip = checked(sipInputSchema, {
      name: username,
      auth_section_options: [
        ['username', username],
        ['password', password],
      ],
      templates: (await templatesOf(scope, endpoint)).map((uuid) => ({ uuid })),
    });
    return services.lines.create(scope, { context, endpoint_sip: sip });
  }

  /** The row's incall number, found or made in an incall context (both columns needed to find it). */
  async function incallExtensionOf(scope: TenantScope, fields: RowEntry['incall']) {
    const { exten, context } = fields;
    const present = Object.fromEntries(
      Object.entries({ exten, context }).filter(([, value]) => value !== null && value !== undefined),
    );
    if (Object.keys(present).length === 0) return null;
    if (given(exten) && given(context)) {
      const found = await services.extensions.search(scope, { filters: { exten, context } });
      const existing = found.items.find((e) => e.exten === exten && e.context === context);
      if (existing) return existing;
    }
    return services.extensions.create(scope, checked(extensionCreateSchema, present));
  }

  /**
   * As Wazo's incall creator and associator: the incall whose number is the row's (a new one, to
   * nowhere, when the number routes none), given that number and sending its calls to the user,
   * ringing `incall_ring_seconds` when given. The incall number's id, or null without one.
   */
  async function incallOf(
    scope: TenantScope,
    tenantUuid: string,
    userId: number,
    fields: RowEntry['incall'],
    current: { incallId: number; extensionId: number | null } | null = null,
  ): Promise<number | null> {
    const extension =
      current?.extensionId != null
        ? await services.extensions.get(scope, current.extensionId)
        : await incallExtensionOf(scope, fields);
    let incallId = current?.incallId ?? extension?.incall?.id ?? null;
    if (incallId === null && extension) {
      incallId = (await services.incalls.create(scope, tenantUuid, { destination: { type: 'none' } })).id;
    }
    if (incallId === null) return null;
    if (extension) await services.incalls.associateExtension(scope, incallId, extension.id);
    const ringTime = fields.ring_seconds;
    const destination = {
      type: 'user' as const,
      user_id: userId,
      ...(typeof ringTime === 'number' && ringTime > 0 ? { ring_time: ringTime } : {}),
    };
    await services.incalls.edit(scope, incallId, { destination });
    return extension?.id ?? null;
  }

  return {
    voicemailOf,
    callPermissionsOf,
    extensionOf,
    lineOf,
    incallOf,

    /** Makes the row's resources in `tenantUuid` (the caller's transaction holds them). */
    async create(tenantUuid: string, row: CsvRow): Promise<ImportedEntry> {
      const scope: TenantScope = { tenantUuids: [tenantUuid] };
      const entry = entryOf(row);
      if (given(entry.context.context)) await contextNamed(scope, entry.context.context);
      const { uuid: _uuid, ...userFields } = entry.user;
      const user = await services.users.create(
        scope,
        tenantUuid,
        checked(userCreateSchema, withoutNulls(userFields)),
      );
      const { uuid: _authUuid, ...authFields } = entry.wazoUser;
      const wazoUser = { ...checked(wazoUserSchema, withoutNulls(authFields)), uuid: user.uuid };
      const voicemail = await voicemailOf(scope, entry.voicemail);
      const names = entry.callPermissions.names;
      const permissions = Array.isArray(names) ? await callPermissionsOf(scope, names) : [];
      const line = await lineOf(scope, entry);
      const extension = await extensionOf(scope, entry.extension);
      if (voicemail) await services.userVoicemails.associate(scope, user.uuid, voicemail.id);
      if (line) await services.userLines.associate(scope, user.id, line.id);
      if (line && extension) await services.lineExtensions.associate(scope, line.id, extension.id);
      for (const permission of permissions)
        await services.userCallPermissions.associate(scope, user.uuid, permission.id);
      const incallExtensionId = await incallOf(scope, tenantUuid, user.id, entry.incall);
      return {
        row,
        wazoUser,
        ids: {
          row_number: row.number,
          user_id: user.id,
          user_uuid: user.uuid,
          voicemail_id: voicemail?.id ?? null,
          line_id: line?.id ?? null,
          sip_uuid: line?.endpoint_sip?.uuid ?? null,
          sccp_id: line?.endpoint_sccp?.id ?? null,
          extension_id: extension?.id ?? null,
          incall_extension_id: incallExtensionId,
          call_permission_ids: permissions.map((p) => p.id),
        },
      };
    },
  };
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

function randomLetters(length: number): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(length));
  return Array.from(bytes, (b) => LETTERS[b % LETTERS.length]).join('');
}
