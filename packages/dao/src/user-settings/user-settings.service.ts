/**
 * A user's settings of one kind (services, forwards): read all or one, change all or one. A
 * change sets only the fields given (an absent field is kept). As in wazo-confd, changing one
 * setting announces that setting, changing the set announces every setting of the kind.
 */
import type { Tx, UnitOfWork } from '../db/unit-of-work.js';
import type { TenantScope } from '../search/search.js';
import { userNotFound } from '../users/user-key.js';
import type { UserKey } from '../users/users.model.js';
import type { UserSettingsDao, UserWithSettings } from './user-settings.dao.js';
import type { UserSettingKind, UserSettings, UserSettingsUpdate } from './user-settings.kind.js';
import type { UserSettingsNotifier } from './user-settings.notifier.js';

/** A kind's rule over all its settings after the change (forwards: none enabled without destination). */
export interface UserSettingsValidator<N extends string, S> {
  validateEdit(settings: UserSettings<N, S>): void;
}

export interface UserSettingsServiceDeps<N extends string, S extends object> {
  uow: UnitOfWork;
  kind: Pick<UserSettingKind<N, S>, 'names' | 'fields' | 'emptyIsNull'>;
  dao: UserSettingsDao<N, S>;
  validator?: UserSettingsValidator<N, S>;
  notifier: UserSettingsNotifier<N, S>;
}

export function createUserSettingsService<N extends string, S extends object>(
  deps: UserSettingsServiceDeps<N, S>,
) {
  const { uow, kind, dao, validator, notifier } = deps;

  /** The setting with the fields given, in the kind's field order ('' as null where it means none). */
  function merged(current: S, given: Partial<S>): S {
    const entries = kind.fields.map((field) => {
      const value = given[field] === undefined ? current[field] : given[field];
      return [field, value === '' && kind.emptyIsNull?.includes(field) ? null : value];
    });
    return Object.fromEntries(entries) as S;
  }

  const findIn = async (tx: Tx, scope: TenantScope, key: UserKey): Promise<UserWithSettings<N, S>> => {
    const found = await dao.find(tx, scope, key);
    if (!found) throw userNotFound(key);
    return found;
  };

  const apply = (
    scope: TenantScope,
    key: UserKey,
    update: UserSettingsUpdate<N, S>,
    announce: readonly N[],
  ) =>
    uow.run(async (tx) => {
      const { user, settings } = await findIn(tx, scope, key);
      const after = { ...settings };
      const changed: Partial<UserSettings<N, S>> = {};
      for (const name of kind.names) {
        const given = update[name];
        if (!given) continue;
        after[name] = merged(settings[name], given);
        changed[name] = after[name];
      }
      validator?.validateEdit(after);
      await dao.update(tx, scope, user.id, changed);
      notifier.updated(tx, user, announce, after);
      return after;
    });

  const get = async (scope: TenantScope, key: UserKey): Promise<UserSettings<N, S>> =>
    (await uow.read((tx) => findIn(tx, scope, key))).settings;

  return {
    /** Every setting of the kind: `{dnd: {enabled}, incallfilter: {enabled}}`. */
    get,

    async getOne(scope: TenantScope, key: UserKey, name: N): Promise<S> {
      return (await get(scope, key))[name];
    },

    /** `PUT /users/{id}/<kind>`: changes the settings given, announces them all. */
    update(scope: TenantScope, key: UserKey, update: UserSettingsUpdate<N, S>): Promise<UserSettings<N, S>> {
      return apply(scope, key, update, kind.names);
    },

    /** `PUT /users/{id}/<kind>/{name}`: changes and announces that one. */
    async updateOne(scope: TenantScope, key: UserKey, name: N, setting: Partial<S>): Promise<S> {
      const update = { [name]: setting } as UserSettingsUpdate<N, S>;
      return (await apply(scope, key, update, [name]))[name];
    },
  };
}

export type UserSettingsService<N extends string, S extends object> = ReturnType<
  typeof createUserSettingsService<N, S>
>;
