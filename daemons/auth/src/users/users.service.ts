/**
 * Users' rules: logins (usernames and addresses) unique across tenants without regard to case,
 * users of another subtree do not exist, a new user joins its tenant's all-users group, disabling
 * a user or changing its password revokes its sessions (a password change its refresh tokens too),
 * and linking a policy passes the guard.
 */
import type { Tx, UnitOfWork } from '@wazo-ts/db';
import type { ListParams } from '../db/listing.js';
import type { AuthDatabase } from '../db/schema.js';
import type { GroupFilters, GroupsDao } from '../groups/groups.dao.js';
import { exposeGroup } from '../groups/groups.model.js';
import { type AccessGuard, assertMayAdd, assertMayRemove } from '../policies/access-guard.js';
import type { PoliciesDao, PolicyFilters } from '../policies/policies.dao.js';
import { exposePolicy, type PolicyKey } from '../policies/policies.model.js';
import type { PoliciesService } from '../policies/policies.service.js';
import type { RefreshTokenRevocation } from '../refresh-tokens/index.js';
import type { TenantTree } from '../tenant-tree/index.js';
import type { UserFilters, UsersDao } from './users.dao.js';
import {
  authenticationFailed,
  invalidEmails,
  loginAlreadyUsed,
  passwordManagedExternally,
  unknownUser,
} from './users.errors.js';
import {
  defaultAuthenticationMethod,
  type EmailInput,
  type User,
  type UserCreateInput,
  type UserUpdateInput,
} from './users.model.js';
import { notifySessionsDeleted } from './users.notifier.js';

type AuthTx = Tx<AuthDatabase>;

/** Password hashing, injected (PBKDF2 in src/passwords). */
export interface PasswordHasher {
  hash(password: string): Promise<{ hash: string; salt: Buffer }>;
  verify(password: string, hash: string | null, salt: Uint8Array | null): Promise<boolean>;
}

export interface UsersServiceDeps {
  uow: UnitOfWork<AuthDatabase>;
  dao: UsersDao;
  groups: Pick<GroupsDao, 'findAllUsersGroup' | 'addUser' | 'search'>;
  policies: Pick<PoliciesService, 'resolve'>;
  policiesDao: Pick<PoliciesDao, 'search'>;
  tenants: TenantTree;
  passwords: PasswordHasher;
  refreshTokens: RefreshTokenRevocation;
  newUuid: () => string;
}

export interface UserScope {
  tenantUuid: string;
  recurse: boolean;
}

const EXTERNAL_METHODS = new Set(['ldap', 'saml']);

function checkEmails(emails: readonly EmailInput[]): void {
  if (emails.length === 0) return;
  const mains = emails.filter((e) => e.main === true).length;
  if (mains > 1) throw invalidEmails('Only one address should be main');
  if (mains === 0) throw invalidEmails('At least one address should be main');
  const addresses = emails.map((e) => e.address.toLowerCase());
  if (new Set(addresses).size !== addresses.length)
    throw invalidEmails('The same address can only be used once');
}

export function createUsersService(deps: UsersServiceDeps) {
  const { uow, dao, tenants } = deps;

  /** Single users are looked up in the scoping tenant's whole subtree, as Wazo does. */
  const visibleUser = async (tx: AuthTx, tenantUuid: string, userUuid: string) => {
    const tenantUuids = await tenants.subtreeOf(tx.db, tenantUuid);
    const user = await dao.find(tx, tenantUuids, userUuid);
    if (!user) throw unknownUser(userUuid);
    return { user, tenantUuids };
  };

  const revokeSessions = async (tx: AuthTx, user: User) =>
    notifySessionsDeleted(tx, user, await dao.deleteSessions(tx, user.uuid));

  const usesExternalAuth = async (tx: AuthTx, user: User) => {
    if (EXTERNAL_METHODS.has(user.authentication_method)) return true;
    if (user.authentication_method !== 'default') return false;
    return EXTERNAL_METHODS.has((await dao.tenantAuthenticationMethod(tx, user.tenant_uuid)) ?? 'native');
  };

  const reread = async (tx: AuthTx, tenantUuid: string, uuid: string) => {
    const user = await dao.find(tx, [tenantUuid], uuid);
    if (!user) throw unknownUser(uuid);
    return user;
  };

  return {
    list: (scope: UserScope, filters: UserFilters, params: ListParams) =>
      uow.read(async (tx) => {
        const tenantUuids = scope.recurse
          ? await tenants.subtreeOf(tx.db, scope.tenantUuid)
          : [scope.tenantUuid];
        return dao.search(tx, tenantUuids, filters, params);
      }),

    get: (tenantUuid: string, userUuid: string) =>
      uow.read(async (tx) => (await visibleUser(tx, tenantUuid, userUuid)).user),

    create: (tenantUuid: string, input: UserCreateInput) =>
      uow.run(async (tx) => {
        const username = input.username ?? null;
        const email = input.email_address ?? null;
        if (username && (await dao.loginTaken(tx, username))) throw loginAlreadyUsed('username', username);
        if (email && (await dao.loginTaken(tx, email))) throw loginAlreadyUsed('email_address', email);
        const purpose = input.purpose ?? 'user';
        const password = input.password ? await deps.passwords.hash(input.password) : null;
        const uuid = input.uuid ?? deps.newUuid();
        await dao.insert(tx, {
          uuid,
          tenant_uuid: tenantUuid,
          username,
          firstname: input.firstname ?? null,
          lastname: input.lastname ?? null,
          purpose,
          authentication_method: input.authentication_method ?? defaultAuthenticationMethod(purpose),
          enabled: input.enabled ?? true,
          password_hash: password?.hash ?? null,
          password_salt: password?.salt ?? null,
        });
        if (email) await dao.replaceEmails(tx, uuid, [{ address: email, main: true, confirmed: true }]);
        const allUsers = await deps.groups.findAllUsersGroup(tx, tenantUuid);
        if (allUsers) await deps.groups.addUser(tx, allUsers.uuid, uuid);
        return reread(tx, tenantUuid, uuid);
      }),

    update: (tenantUuid: string, userUuid: string, input: UserUpdateInput) =>
      uow.run(async (tx) => {
        const { user } = await visibleUser(tx, tenantUuid, userUuid);
        const username = input.username ?? null;
        if (username && (await dao.loginTaken(tx, username, user.uuid)))
          throw loginAlreadyUsed('username', username);
        const purpose = input.purpose ?? 'user';
        const enabled = input.enabled ?? true;
        await dao.update(tx, user.uuid, {
          username,
          firstname: input.firstname ?? null,
          lastname: input.lastname ?? null,
          purpose,
          authentication_method: input.authentication_method ?? defaultAuthenticationMethod(purpose),
          enabled,
        });
        if (!enabled) await revokeSessions(tx, user);
        return reread(tx, user.tenant_uuid, user.uuid);
      }),

    delete: (tenantUuid: string, userUuid: string) =>
      uow.run(async (tx) => {
        const { user } = await visibleUser(tx, tenantUuid, userUuid);
        await revokeSessions(tx, user);
        await dao.remove(tx, user.uuid);
      }),

    changePassword: (tenantUuid: string, userUuid: string, oldPassword: string, newPassword: string) =>
      uow.run(async (tx) => {
        const { user } = await visibleUser(tx, tenantUuid, userUuid);
        const stored = await dao.passwordOf(tx, user.uuid);
        const ok = await deps.passwords.verify(
          oldPassword,
          stored?.password_hash ?? null,
          stored?.password_salt ?? null,
        );
        if (!ok) throw authenticationFailed();
        if (await usesExternalAuth(tx, user)) throw passwordManagedExternally(user.uuid);
        const next = await deps.passwords.hash(newPassword);
        await dao.setPassword(tx, user.uuid, next.hash, next.salt);
        await revokeSessions(tx, user);
        await deps.refreshTokens.revokeAllOf(tx, user.uuid);
      }),

    updateEmails: (tenantUuid: string, userUuid: string, emails: readonly EmailInput[], admin: boolean) =>
      uow.run(async (tx) => {
        checkEmails(emails);
        const { user } = await visibleUser(tx, tenantUuid, userUuid);
        for (const email of emails)
          if (await dao.loginTaken(tx, email.address, user.uuid))
            throw loginAlreadyUsed('email_address', email.address);
        const previous = new Map(user.emails.map((e) => [e.address.toLowerCase(), e.confirmed]));
        const kept = previous.get.bind(previous);
        await dao.replaceEmails(
          tx,
          user.uuid,
          emails.map((e) => ({
            address: e.address,
            main: e.main === true,
            // Only an admin confirms; otherwise an address keeps what it had, a new one is unconfirmed.
            confirmed: (admin ? e.confirmed : undefined) ?? kept(e.address.toLowerCase()) ?? false,
          })),
        );
        return (await reread(tx, user.tenant_uuid, user.uuid)).emails;
      }),

    listGroups: (tenantUuid: string, userUuid: string, filters: GroupFilters, params: ListParams) =>
      uow.read(async (tx) => {
        const { user, tenantUuids } = await visibleUser(tx, tenantUuid, userUuid);
        const page = await deps.groups.search(tx, tenantUuids, { ...filters, user_uuid: user.uuid }, params);
        return { ...page, items: page.items.map(exposeGroup) };
      }),

    listPolicies: (tenantUuid: string, userUuid: string, filters: PolicyFilters, params: ListParams) =>
      uow.read(async (tx) => {
        const { user, tenantUuids } = await visibleUser(tx, tenantUuid, userUuid);
        const viewer = { tenantUuid, tenantUuids };
        // `total` counts this user's policies the caller sees, not every policy it sees (as Wazo).
        const page = await deps.policiesDao.search(tx, viewer, filters, params, { user_uuid: user.uuid });
        return { ...page, items: page.items.map((record) => exposePolicy(record, viewer)) };
      }),

    addPolicy: (tenantUuid: string, userUuid: string, key: PolicyKey, guard: AccessGuard) =>
      uow.run(async (tx) => {
        const { user } = await visibleUser(tx, tenantUuid, userUuid);
        const { record } = await deps.policies.resolve(tx, tenantUuid, key);
        assertMayAdd(guard, record.acl);
        await dao.addPolicy(tx, user.uuid, record.uuid);
      }),

    removePolicy: (tenantUuid: string, userUuid: string, key: PolicyKey, guard: AccessGuard) =>
      uow.run(async (tx) => {
        const { user } = await visibleUser(tx, tenantUuid, userUuid);
        const { record } = await deps.policies.resolve(tx, tenantUuid, key);
        assertMayRemove(guard, record.acl);
        await dao.removePolicy(tx, user.uuid, record.uuid);
      }),
  };
}

export type UsersService = ReturnType<typeof createUsersService>;
