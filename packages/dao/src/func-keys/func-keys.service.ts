/**
 * Function keys' public API: templates (search, get, create, replace, delete, and one key by
 * position), a user's keys (its public template's merged under its own private template's), and
 * the user ↔ public template association. Every change of keys is its template's `edited` event.
 */
import type { Tx, UnitOfWork } from '../db/unit-of-work.js';
import { notFound, resourceError } from '../errors.js';
import type { FindUser, UserRef } from '../group-members/user-ref.js';
import { type SearchParams, type SearchResult, scopeOf, type TenantScope } from '../search/search.js';
import { userNotFound } from '../users/user-key.js';
import type { UserKey } from '../users/users.model.js';
import { cleanDestination, supportsBlf } from './func-key-destinations.js';
import type { FuncKeysDao, StoredKeys } from './func-keys.dao.js';
import type {
  FuncKey,
  FuncKeyInput,
  FuncKeyRow,
  FuncKeyTemplate,
  FuncKeyTemplateHead,
  FuncKeyTemplateInput,
  FuncKeyTemplateUser,
  UnifiedFuncKeys,
} from './func-keys.model.js';
import type { FuncKeysNotifier } from './func-keys.notifier.js';
import type { FuncKeysValidator } from './func-keys.validator.js';

export interface FuncKeysServiceDeps {
  uow: UnitOfWork;
  dao: FuncKeysDao;
  validator: FuncKeysValidator;
  notifier: FuncKeysNotifier;
  findUser: FindUser;
}

/** A key as stored: BLF on unless turned off, and off where the destination cannot light up. */
function rowOf(position: number, key: FuncKeyInput): FuncKeyRow {
  const destination = cleanDestination(key.destination);
  return {
    position,
    label: key.label ?? null,
    blf: (key.blf ?? true) && supportsBlf(destination),
    destination,
  };
}

const inputOf = (key: Omit<FuncKey, 'inherited'>): FuncKeyInput => {
  const {
    href: _href,
    user_firstname,
    user_lastname,
    group_name,
    group_label,
    filter_member_firstname,
    filter_member_lastname,
    parking_lot_name,
    ...destination
  } = key.destination;
  return { blf: key.blf, label: key.label, destination: destination as FuncKeyInput['destination'] };
};

function keysAnswer(keys: StoredKeys, inherited: boolean): Record<string, FuncKey> {
  return Object.fromEntries([...keys].map(([position, key]) => [String(position), { ...key, inherited }]));
}

const templateMissing = (id: number) => notFound('FuncKeyTemplate', { id });
const keyMissing = (templateId: number | null, position: number) =>
  notFound('FuncKey', { template_id: templateId, position });

export function createFuncKeysService({ uow, dao, validator, notifier, findUser }: FuncKeysServiceDeps) {
  async function existing(tx: Tx, scope: TenantScope, id: number): Promise<FuncKeyTemplateHead> {
    const template = await dao.find(tx, scope, id);
    if (!template) throw templateMissing(id);
    return template;
  }

  async function existingUser(tx: Tx, scope: TenantScope, key: UserKey): Promise<UserRef> {
    const user = await findUser(tx, scope, key);
    if (!user) throw userNotFound(key);
    return user;
  }

  async function answer(tx: Tx, head: FuncKeyTemplateHead): Promise<FuncKeyTemplate> {
    const keys = await dao.keys(tx, head.id);
    return {
      id: head.id,
      tenant_uuid: head.tenant_uuid,
      name: head.name,
      keys: keysAnswer(keys, !head.private_user_id),
    };
  }

  /** Validates and writes the template's whole set of keys, then announces the change. */
  async function replace(tx: Tx, template: FuncKeyTemplateHead, keys: Map<number, FuncKeyInput>) {
    await validator.validateKeys(tx, template.tenant_uuid, [...keys.values()]);
    await dao.replaceKeys(
      tx,
      template.id,
      [...keys].map(([position, key]) => rowOf(position, key)),
    );
    notifier.edited(tx, template);
  }

  async function currentKeys(tx: Tx, templateId: number): Promise<Map<number, FuncKeyInput>> {
    const stored = await dao.keys(tx, templateId);
    return new Map([...stored].map(([position, key]) => [position, inputOf(key)]));
  }

  const byPosition = (keys: Record<string, FuncKeyInput> = {}) =>
    new Map(Object.entries(keys).map(([position, key]) => [Number(position), key]));

  async function unified(tx: Tx, user: UserRef): Promise<UnifiedFuncKeys> {
    const own = await dao.findPrivate(tx, user.id);
    const ownKeys = keysAnswer(await dao.keys(tx, own.id), false);
    const publicId = await dao.templateOfUser(tx, user.id);
    if (publicId === null) return { id: own.id, name: own.name, keys: ownKeys };
    const shared = (await dao.find(tx, scopeOf(user.tenant_uuid), publicId))!;
    const sharedKeys = keysAnswer(await dao.keys(tx, shared.id), true);
    return { id: null, name: shared.name, keys: { ...sharedKeys, ...ownKeys } };
  }

  return {
    search(scope: TenantScope, params: SearchParams): Promise<SearchResult<FuncKeyTemplate>> {
      return uow.read(async (tx) => {
        const page = await dao.search(tx, scope, params);
        const items = page.items.map((t) => ({
          id: t.id,
          tenant_uuid: t.tenant_uuid,
          name: t.name,
          keys: keysAnswer(t.keys, true),
        }));
        return { total: page.total, items };
      });
    },

    get(scope: TenantScope, id: number): Promise<FuncKeyTemplate> {
      return uow.read(async (tx) => answer(tx, await existing(tx, scope, id)));
    },

    /** Creates in the caller's tenant; agent and bsfilter keys are refused (they need a user). */
    create(tenantUuid: string, input: FuncKeyTemplateInput): Promise<FuncKeyTemplate> {
      return uow.run(async (tx) => {
        validator.checkKeys(input.keys ?? {}, true);
        const keys = byPosition(input.keys);
        await validator.validateKeys(tx, tenantUuid, [...keys.values()]);
        const template = await dao.create(tx, tenantUuid, input.name ?? null);
        await dao.replaceKeys(
          tx,
          template.id,
          [...keys].map(([position, key]) => rowOf(position, key)),
        );
        notifier.created(tx, template);
        return answer(tx, template);
      });
    },

    /** Replaces the name and all the keys (an absent name or `keys` is none), as Wazo's PUT. */
    edit(scope: TenantScope, id: number, input: FuncKeyTemplateInput): Promise<void> {
      return uow.run(async (tx) => {
        const template = await existing(tx, scope, id);
        validator.checkKeys(input.keys ?? {}, false);
        await dao.rename(tx, id, input.name ?? null);
        await replace(tx, template, byPosition(input.keys));
      });
    },

    /** Deletes a public template; users using it are left without one. */
    delete(scope: TenantScope, id: number): Promise<void> {
      return uow.run(async (tx) => {
        const template = await existing(tx, scope, id);
        if (template.private_user_id !== null) {
          throw resourceError(
            `Operation not permitted. Deleting private templates is not allowed ('template_id': ${id})`,
          );
        }
        await dao.delete(tx, id);
        notifier.deleted(tx, template);
      });
    },

    getKey(scope: TenantScope, id: number, position: number): Promise<FuncKey> {
      return uow.read(async (tx) => {
        const template = await answer(tx, await existing(tx, scope, id));
        const key = template.keys[String(position)];
        if (!key) throw keyMissing(id, position);
        return key;
      });
    },

    setKey(scope: TenantScope, id: number, position: number, key: FuncKeyInput): Promise<void> {
      return uow.run(async (tx) => {
        const template = await existing(tx, scope, id);
        validator.checkExcluded(key);
        const keys = await currentKeys(tx, id);
        keys.set(position, key);
        await replace(tx, template, keys);
      });
    },

    deleteKey(scope: TenantScope, id: number, position: number): Promise<void> {
      return uow.run(async (tx) => {
        const template = await existing(tx, scope, id);
        await removeKey(tx, template, position);
      });
    },

    /** The users using the template (`GET /funckeys/templates/{id}/users`). */
    usersOf(scope: TenantScope, id: number): Promise<SearchResult<FuncKeyTemplateUser>> {
      return uow.read(async (tx) => {
        await existing(tx, scope, id);
        const items = await dao.usersOfTemplate(tx, id);
        return { total: items.length, items };
      });
    },

    userKeys(scope: TenantScope, userKey: UserKey): Promise<UnifiedFuncKeys> {
      return uow.read(async (tx) => unified(tx, await existingUser(tx, scope, userKey)));
    },

    userKey(scope: TenantScope, userKey: UserKey, position: number): Promise<FuncKey> {
      return uow.read(async (tx) => {
        const keys = await unified(tx, await existingUser(tx, scope, userKey));
        const key = keys.keys[String(position)];
        if (!key) throw keyMissing(keys.id, position);
        return key;
      });
    },

    /** Replaces the user's own keys and their template's name. */
    setUserKeys(scope: TenantScope, userKey: UserKey, input: FuncKeyTemplateInput): Promise<void> {
      return uow.run(async (tx) => {
        const user = await existingUser(tx, scope, userKey);
        const own = await dao.findPrivate(tx, user.id);
        validator.checkKeys(input.keys ?? {}, false);
        for (const key of Object.values(input.keys ?? {})) await validator.checkUserKey(tx, user.id, key);
        await dao.rename(tx, own.id, input.name ?? null);
        await replace(tx, own, byPosition(input.keys));
      });
    },

    setUserKey(scope: TenantScope, userKey: UserKey, position: number, key: FuncKeyInput): Promise<void> {
      return uow.run(async (tx) => {
        const user = await existingUser(tx, scope, userKey);
        await validator.checkUserKey(tx, user.id, key);
        const own = await dao.findPrivate(tx, user.id);
        const keys = await currentKeys(tx, own.id);
        keys.set(position, key);
        await replace(tx, own, keys);
      });
    },

    deleteUserKey(scope: TenantScope, userKey: UserKey, position: number): Promise<void> {
      return uow.run(async (tx) => {
        const user = await existingUser(tx, scope, userKey);
        await removeKey(tx, await dao.findPrivate(tx, user.id), position);
      });
    },

    /** The user's public template, as a list of at most one association. */
    templatesOfUser(scope: TenantScope, userKey: UserKey): Promise<SearchResult<FuncKeyTemplateUser>> {
      return uow.read(async (tx) => {
        const user = await existingUser(tx, scope, userKey);
        const templateId = await dao.templateOfUser(tx, user.id);
        const items = templateId === null ? [] : [{ user_id: user.id, template_id: templateId }];
        return { total: items.length, items };
      });
    },

    /** Makes the user use a public template of its tenant, in place of any other. */
    associate(scope: TenantScope, userKey: UserKey, templateId: number): Promise<void> {
      return uow.run(async (tx) => {
        const user = await existingUser(tx, scope, userKey);
        const template = await existing(tx, scope, templateId);
        if (template.private_user_id !== null) {
          throw resourceError(
            `Operation not permitted. Cannot associate a private template with a user ('template_id': ${templateId})`,
          );
        }
        if (template.tenant_uuid !== user.tenant_uuid) {
          throw resourceError(
            `different tenants ('user_tenant_uuid': '${user.tenant_uuid}', 'template_tenant_uuid': '${template.tenant_uuid}')`,
          );
        }
        await dao.setTemplateOfUser(tx, user.id, templateId);
      });
    },

    /** Stops the user using the template; a no-op when it uses another or none. */
    dissociate(scope: TenantScope, userKey: UserKey, templateId: number): Promise<void> {
      return uow.run(async (tx) => {
        const user = await existingUser(tx, scope, userKey);
        await existing(tx, scope, templateId);
        if ((await dao.templateOfUser(tx, user.id)) !== templateId) return;
        await dao.setTemplateOfUser(tx, user.id, null);
      });
    },
  };

  async function removeKey(tx: Tx, template: FuncKeyTemplateHead, position: number): Promise<void> {
    const keys = await currentKeys(tx, template.id);
    if (!keys.delete(position)) {
      throw notFound('FuncKey', { resource: 'FuncKey', position, template_id: template.id });
    }
    await replace(tx, template, keys);
  }
}

export type FuncKeysService = ReturnType<typeof createFuncKeysService>;
