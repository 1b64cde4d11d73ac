/**
 * The user operations that span resources and wazo-auth, as Wazo's `UserMiddleWare`: create a
 * user with its voicemail, lines (and their extensions, endpoint and device), groups, forwards,
 * switchboards, agent, incalls and wazo-auth user;
 * delete one with all of that (`recursive=true`).
 *
 * All or nothing: the Service API calls run as one transaction, and wazo-auth is called last,
 * before the commit, so bad relation input never reaches wazo-auth and a refusal of wazo-auth
 * rolls the rows back. Once the wazo-auth call is sent, any failure but wazo-auth's refusal (a
 * lost answer, a failed commit) deletes that wazo-auth user again (a 404 meaning there was none);
 * a failure to do so is logged: it is the one case left for an operator. A recursive delete
 * deletes the wazo-auth user after the commit; a failure there is logged naming the uuid.
 */
import { type Line, scopeOf, type TenantScope, type UserKey, type Voicemail } from '@wazo-ts/dao';
import { InvalidDataError, NotFoundError, UnavailableError } from '@wazo-ts/errors';
import type { AuthUser, AuthUserCreate, AuthUsersClient } from '../common/auth-users.js';
import { pythonRepr } from '../common/python-repr.js';
import type { ConfdServices } from '../common/services.js';
import { userVoicemailsOf } from '../voicemails/user-voicemails.js';
import type {
  UserAgentInput,
  UserAuthInput,
  UserCreateBody,
  UserIncallInput,
  UserLineInput,
  UserVoicemailInput,
} from './user-create.schema.js';

export interface UserCompositeDeps {
  services: ConfdServices;
  authUsers: Pick<AuthUsersClient, 'create' | 'delete'>;
  /** confd's service token, or null while it has none. */
  serviceToken: () => string | null;
  logger: { error(details: object, message: string): void; warn(details: object, message: string): void };
}

/** Wazo's `InputError` of the user middleware: `Input Error - <message>`. */
const inputError = (message: string) =>
  new InvalidDataError(`Input Error - ${message}`, { errorId: 'invalid-data', details: { message } });

/** Wazo's `init_auth`: the auth user's empty fields come from the user's. */
function authUserOf(auth: UserAuthInput, user: UserCreateBody, uuid: string): AuthUserCreate {
  const username = auth.username || user.username || null;
  const email = auth.email_address || user.email || null;
  return {
    uuid,
    // As Wazo's confd: a login is needed, the e-mail address or else the uuid stands in.
    username: username ?? email ?? uuid,
    password: auth.password || user.password || null,
    firstname: auth.firstname || user.firstname || null,
    lastname: auth.lastname || user.lastname || null,
    email_address: email,
    enabled: auth.enabled ?? true,
    purpose: auth.purpose ?? 'user',
  };
}

export function createUserComposite(deps: UserCompositeDeps) {
  const { services, authUsers, logger } = deps;

  function token(): string {
    const current = deps.serviceToken();
    if (!current)
      throw new UnavailableError('wazo-confd has no service token for wazo-auth yet', {
        errorId: 'no-service-token',
      });
    return current;
  }

  /** An extension given by exten and context is reused when it exists (Wazo's `create_or_get`). */
  async function extensionFor(scope: TenantScope, exten: string, context: string) {
    const found = await services.extensions.search(scope, { filters: { exten, context } });
    const existing = found.items.find((e) => e.exten === exten && e.context === context);
    return existing ?? services.extensions.create(scope, { exten, context });
  }

  async function createLine(scope: TenantScope, userId: number, input: UserLineInput): Promise<Line> {
    const { extensions = [], device_id: deviceId, ...fields } = input;
    const line = await services.lines.create(scope, fields);
    for (const { exten, context } of extensions) {
      const extension = await extensionFor(scope, exten, context);
      await services.lineExtensions.associate(scope, line.id, extension.id);
    }
    await services.userLines.associate(scope, userId, line.id);
    // Wazo's: the device after the user, so the phone is configured for a line with its user.
    if (deviceId) await services.devices.associateLine(scope, line.id, deviceId);
    return services.lines.get(scope, line.id);
  }

  /**
   * Wazo's user `agent`: a new agent with the given fields, its number the first line's first
   * exten and its names the user's when absent, then made the user's agent.
   */
  async function createAgent(
    scope: TenantScope,
    tenantUuid: string,
    user: { uuid: string; firstname: string; lastname: string | null },
    input: UserAgentInput,
    lines: UserLineInput[],
  ): Promise<void> {
    const number = input.number || lines[0]?.extensions?.[0]?.exten;
    if (!number) throw inputError(`agent: ${pythonRepr({ number: ['Missing data for required field.'] })}`);
    const agent = await services.agents.create(scope, tenantUuid, {
      ...input,
      number,
      firstname: input.firstname || user.firstname,
      lastname: input.lastname || user.lastname,
    });
    await services.userAgents.associate(scope, user.uuid, agent.id);
  }

  /**
   * An incall number of Wazo's user `incalls`: an existing extension by `id`, else found or made by
   * `exten` and `context`; its context must be an incall one, and gets a range of that one
   * number when none of its incall ranges holds it (Wazo compares the numbers as text).
   */
  async function incallNumber(scope: TenantScope, given: { id?: number; exten?: string; context?: string }) {
    let extension: Awaited<ReturnType<typeof services.extensions.get>>;
    if (given.id !== undefined) {
      extension = await services.extensions.get(scope, given.id).catch((error: unknown) => {
        throw error instanceof NotFoundError ? inputError('Extension not found') : error;
      });
    } else {
      if (!given.exten || !given.context) {
        const missing = Object.fromEntries(
          (['exten', 'context'] as const)
            .filter((key) => !given[key])
            .map((key) => [key, ['Missing data for required field.']]),
        );
        throw inputError(`incalls: ${pythonRepr({ extensions: missing })}`);
      }
      extension = await extensionFor(scope, given.exten, given.context);
    }
    const context = await services.contexts.findByName(scope, extension.context);
    if (context?.type !== 'incall')
      throw inputError("Context associated to the extension is not of type 'incall'");
    const { exten } = extension;
    if (!context.incall_ranges.some((range) => range.start <= exten && exten <= range.end)) {
      const ranges = context.incall_ranges.map(({ start, end, did_length }) => ({ start, end, did_length }));
      await services.contexts.edit(scope, context.id, {
        incall_ranges: [...ranges, { start: exten, end: exten, did_length: exten.length }],
      });
    }
    return services.extensions.get(scope, extension.id);
  }

  /**
   * Wazo's user `incalls`: each number's incall (a new one when it has none) sends its calls to
   * the user; an existing incall already sending them elsewhere is refused.
   */
  async function createIncalls(
    scope: TenantScope,
    tenantUuid: string,
    userId: number,
    incalls: UserIncallInput[],
  ): Promise<void> {
    const toUser = { type: 'user' as const, user_id: userId };
    for (const incall of incalls) {
      for (const given of incall.extensions ?? []) {
        const extension = await incallNumber(scope, given);
        if (!extension.incall) {
          const created = await services.incalls.create(scope, tenantUuid, { destination: toUser });
          await services.incalls.associateExtension(scope, created.id, extension.id);
          continue;
        }
        const existing = await services.incalls.get(scope, extension.incall.id);
        const destination = existing.destination as { type: string; user_id?: number };
        if (destination.type === 'none')
          await services.incalls.edit(scope, existing.id, { destination: toUser });
        else if (destination.type !== 'user' || destination.user_id !== userId)
          throw inputError('Existing incall does not have the new user as a destination');
      }
    }
  }

  /**
   * Wazo's `create_voicemail`: an existing voicemail (`id`) is associated and answered as read;
   * a new one is named after the user unless named, created, associated, and answered as created.
   */
  async function createVoicemail(
    scope: TenantScope,
    user: { uuid: string; firstname: string; lastname: string | null },
    input: UserVoicemailInput,
  ): Promise<Voicemail> {
    const { id, ...fields } = input;
    if (id) {
      await services.userVoicemails.associate(scope, user.uuid, id);
      return services.voicemails.get(scope, id);
    }
    if (!fields.name && !fields.number && !fields.context)
      throw new InvalidDataError(
        `Input Error - voicemail: ${pythonRepr({ _schema: ['name, number and context must be provided if no id provided'] })}`,
        { errorId: 'invalid-data', details: { field: 'voicemail' } },
      );
    const { number, context } = fields;
    if (!number || !context) {
      // As `POST /voicemails` refuses a body without them (Wazo loads it with the same schema).
      const messages = Object.entries({ number, context })
        .filter(([, value]) => !value)
        .map(([key]) => `Input Error - ${key}: ['Missing data for required field.']`);
      throw new InvalidDataError(messages.join('\n'), { errorId: 'invalid-data', details: { messages } });
    }
    const name = fields.name || (user.lastname ? `${user.firstname} ${user.lastname}` : user.firstname);
    const voicemail = await services.voicemails.create(scope, { ...fields, name, number, context });
    await services.userVoicemails.associate(scope, user.uuid, voicemail.id);
    return voicemail;
  }

  /**
   * Creates the wazo-auth user, noting its uuid in `sent` as soon as the request leaves: a lost
   * answer (timeout, reset) may hide a user wazo-auth did create. Only a refusal (wazo-auth's
   * 400/409, confd's InvalidDataError) proves nothing was made.
   */
  async function createAuthUser(
    sent: { uuid: string | null },
    serviceToken: string,
    tenantUuid: string,
    user: AuthUserCreate,
  ) {
    sent.uuid = user.uuid;
    try {
      return await authUsers.create(serviceToken, tenantUuid, user);
    } catch (error) {
      if (error instanceof InvalidDataError) sent.uuid = null;
      throw error;
    }
  }

  /** Deletes the wazo-auth user a failed create may have left; its 404 means nothing to undo. */
  async function compensate(tenantUuid: string, uuid: string, cause: unknown): Promise<void> {
    try {
      const deleted = await authUsers.delete(token(), tenantUuid, uuid);
      const outcome = deleted ? 'its wazo-auth user deleted' : 'wazo-auth had no such user';
      logger.warn({ err: cause, user_uuid: uuid, tenant_uuid: tenantUuid }, `user create failed: ${outcome}`);
    } catch (error) {
      logger.error(
        { err: error, cause, user_uuid: uuid, tenant_uuid: tenantUuid },
        'user create failed and its wazo-auth user could not be deleted: delete it by hand',
      );
    }
  }

  /**
   * Deletes the wazo-auth user of a deleted confd user (a 404 is fine: it may never have had a
   * login). The confd user is gone already, so a failure is logged for an operator to retry.
   */
  async function deleteAuthUser(serviceToken: string, tenantUuid: string, uuid: string): Promise<void> {
    try {
      await authUsers.delete(serviceToken, tenantUuid, uuid);
    } catch (error) {
      logger.error(
        { err: error, user_uuid: uuid, tenant_uuid: tenantUuid },
        `user ${uuid} deleted but not its wazo-auth user: delete it in wazo-auth (DELETE /0.1/users/${uuid})`,
      );
    }
  }

  /** A line no user is left on goes; each extension goes too unless another line still has it. */
  async function deleteLine(scope: TenantScope, line: Line): Promise<void> {
    const extensionIds = line.extensions.map((e) => e.id);
    for (const id of extensionIds) await services.lineExtensions.dissociate(scope, line.id, id);
    await services.lines.delete(scope, line.id);
    for (const id of extensionIds) {
      const extension = await services.extensions.get(scope, id);
      if (extension.lines.length === 0) await services.extensions.delete(scope, id);
    }
  }

  return {
    /**
     * Creates the user in `tenantUuid`; relations are looked up among `scope` (the tenant and
     * its visible sub-tenants, as Wazo's), their own rules refusing a foreign tenant.
     */
    async create(scope: TenantScope, tenantUuid: string, body: UserCreateBody) {
      const { auth, lines, groups, forwards, voicemail, switchboards, agent, incalls, ...fields } = body;
      const serviceToken = auth ? token() : null;
      await services.tenants.ensure(tenantUuid);
      const authSent: { uuid: string | null } = { uuid: null };
      try {
        return await services.transaction(async () => {
          const user = await services.users.create(scopeOf(tenantUuid), tenantUuid, fields);
          const createdVoicemail = voicemail ? await createVoicemail(scope, user, voicemail) : null;
          for (const line of lines ?? []) await createLine(scope, user.id, line);
          if (groups?.length) await services.groupMembers.associateGroups(scope, user.uuid, groups);
          if (forwards) await services.userForwards.update(scope, user.uuid, forwards);
          // Wazo's: each switchboard gets its operators and this user, as one PUT of them all.
          for (const { uuid } of switchboards ?? [])
            await services.switchboards.addMember(scope, uuid, user.uuid);
          if (agent) await createAgent(scope, tenantUuid, user, agent, lines ?? []);
          if (incalls?.length) await createIncalls(scope, tenantUuid, user.id, incalls);
          // A user created without relations has none to read back (saves seven reads a create).
          const related =
            (lines?.length ?? 0) > 0 ||
            (groups?.length ?? 0) > 0 ||
            forwards !== undefined ||
            (switchboards?.length ?? 0) > 0 ||
            Boolean(agent) ||
            (incalls?.length ?? 0) > 0 ||
            createdVoicemail;
          const read = related
            ? await services.getUserWithRelations(scope, user.uuid)
            : { ...user, lines: [], groups: [], schedules: [], call_permissions: [] };
          // Wazo answers the voicemail whole, as its create or read gave it.
          const created = { ...read, voicemail: createdVoicemail };
          let authUser: AuthUser | undefined;
          if (auth && serviceToken) {
            authUser = await createAuthUser(
              authSent,
              serviceToken,
              tenantUuid,
              authUserOf(auth, body, user.uuid),
            );
          }
          return { ...created, ...(authUser ? { auth: authUser } : {}) };
        });
      } catch (error) {
        if (authSent.uuid) await compensate(tenantUuid, authSent.uuid, error);
        throw error;
      }
    },

    /**
     * `DELETE /users/{id}`; with `recursive`, its lines no other user shares, their unshared
     * extensions and its wazo-auth user too.
     */
    async delete(scope: TenantScope, key: UserKey, recursive: boolean): Promise<void> {
      if (!recursive) {
        await services.users.delete(scope, key);
        return;
      }
      const serviceToken = token();
      const user = await services.transaction(async () => {
        const user = await services.getUserWithRelations(scope, key);
        if (user.groups.length > 0) await services.groupMembers.associateGroups(scope, user.uuid, []);
        if (user.voicemail) await userVoicemailsOf(services).remove(scope, user.uuid);
        for (const line of user.lines) {
          // A shared line stays with its other users (the main role passing on); only a line
          // left without users goes, with its unshared extensions.
          const left = await services.userLines.leave(scope, user.uuid, line.id);
          if (left.length === 0) await deleteLine(scope, line);
        }
        // Wazo's: each switchboard the user operates keeps its other operators (with its event).
        await services.switchboards.removeMemberEverywhere(scope, user.uuid);
        await services.users.delete(scope, user.uuid);
        return user;
      });
      // After the commit, so a failed commit never leaves a confd user without its login.
      await deleteAuthUser(serviceToken, user.tenant_uuid, user.uuid);
    },
  };
}

export type UserComposite = ReturnType<typeof createUserComposite>;
