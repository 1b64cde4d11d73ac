/**
 * wazo-auth's services, built once per daemon as part of its resources (resources.ts) and handed
 * to every plugin: explicit wiring in one place, so every plugin shares one set (one login guard,
 * one refresh-token service) and tests build the same graph.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { UnitOfWork } from '@wazo-ts/db';
import type { Kysely } from 'kysely';
import { aclDao } from './acl-computation/acl.dao.js';
import { createAclComputation } from './acl-computation/acl.service.js';
import type { AuthDatabase } from './db/schema.js';
import type { AuthConfig } from './definition.js';
import { groupsDao } from './groups/groups.dao.js';
import { createGroupsService } from './groups/groups.service.js';
import { createLoginGuard } from './login-guard/login-guard.js';
import { createPgGuardStore } from './login-guard/pg-guard-store.js';
import { hashPassword, verifyAgainstDummy, verifyPassword } from './passwords/index.js';
import { policiesDao } from './policies/policies.dao.js';
import { createPoliciesService } from './policies/policies.service.js';
import { refreshTokenDao } from './refresh-tokens/refresh-token.dao.js';
import { refreshTokenNotifier } from './refresh-tokens/refresh-token.notifier.js';
import { createRefreshTokenRevocation } from './refresh-tokens/refresh-token.revocation.js';
import { createRefreshTokenService } from './refresh-tokens/refresh-token.service.js';
import { sessionDao } from './sessions/session.dao.js';
import { sessionNotifier } from './sessions/session.notifier.js';
import { createSessionService } from './sessions/session.service.js';
import { tenantTree } from './tenant-tree/index.js';
import * as tenantsDao from './tenants/tenants.dao.js';
import * as tenantGroupsDao from './tenants/tenants.groups.dao.js';
import { tenantsNotifier } from './tenants/tenants.notifier.js';
import { createTenantsService } from './tenants/tenants.service.js';
import * as uniquenessDao from './tenants/tenants.uniqueness.dao.js';
import { createTenantsValidator } from './tenants/tenants.validator.js';
import { createLoginService } from './tokens/login.service.js';
import { tokenDao } from './tokens/token.dao.js';
import { createTokenService } from './tokens/token.service.js';
import type { TokenCache } from './tokens/token-cache.js';
import { createTokenLookup } from './tokens/token-lookup.js';
import { usersDao } from './users/users.dao.js';
import { createUsersService } from './users/users.service.js';

export interface AuthServicesOptions {
  db: Kysely<AuthDatabase>;
  uow: UnitOfWork<AuthDatabase>;
  config: AuthConfig;
  /** The daemon's token cache (null: every check reads the database). */
  tokenCache: TokenCache | null;
  now?: () => number;
}

const SLUG_CHARS = 'abcdefghijklmnopqrstuvwxyz0123456789';
const randomSlug = () => [...randomBytes(3)].map((b) => SLUG_CHARS[b % SLUG_CHARS.length]).join('');

/** Users, groups, policies and tenants: the identity side of wazo-auth. */
function identityServices({ uow, config }: AuthServicesOptions) {
  const iterations = config.password_hash_iterations;
  const policies = createPoliciesService({ uow, dao: policiesDao, tenants: tenantTree });
  const common = { uow, policies, policiesDao, tenants: tenantTree };
  const groups = createGroupsService({ ...common, dao: groupsDao, users: usersDao });
  const users = createUsersService({
    ...common,
    dao: usersDao,
    groups: groupsDao,
    passwords: {
      hash: (password) => hashPassword(password, iterations),
      verify: (password, hash, salt) => verifyPassword(password, hash, salt, iterations),
    },
    refreshTokens: createRefreshTokenRevocation({ dao: refreshTokenDao, notifier: refreshTokenNotifier }),
    newUuid: randomUUID,
  });
  const tenants = createTenantsService({
    uow,
    dao: { ...tenantsDao, ...tenantGroupsDao, ...uniquenessDao },
    tenants: tenantTree,
    validator: createTenantsValidator(uniquenessDao),
    notifier: tenantsNotifier,
    newUuid: randomUUID,
    randomSlug,
    allUsersPolicies: config.all_users_policies,
    defaultGroups: config.tenant_default_groups as Record<string, tenantGroupsDao.DefaultGroupConfig>,
  });
  return { policies, groups, users, tenants };
}

/** Logins, token checks, sessions and refresh tokens: the token side, on the shared cache. */
function tokenServices({ db, uow, config, tokenCache, now = Date.now }: AuthServicesOptions) {
  const iterations = config.password_hash_iterations;
  const sessions = createSessionService({
    uow,
    dao: sessionDao,
    notifier: sessionNotifier,
    tenants: tenantTree,
  });
  const refreshTokens = createRefreshTokenService({
    uow,
    dao: refreshTokenDao,
    notifier: refreshTokenNotifier,
    sessionNotifier,
    tenants: tenantTree,
    newUuid: randomUUID,
  });
  const tokens = createTokenService({
    uow,
    dao: tokenDao,
    lookup: createTokenLookup({ db, dao: tokenDao, cache: tokenCache, now }),
    notifier: sessionNotifier,
    tenants: tenantTree,
    now,
  });
  const logins = createLoginService({
    uow,
    dao: tokenDao,
    acl: createAclComputation(aclDao, config.default_user_policy),
    refreshTokens,
    refreshTokenDao,
    notifier: sessionNotifier,
    passwords: {
      verify: (password, hash, salt) => verifyPassword(password, hash, salt, iterations),
      dummy: (password) => verifyAgainstDummy(password, iterations),
    },
    guard: createLoginGuard(config.login_failures, { store: (limits) => createPgGuardStore(db, limits) }),
    settings: {
      defaultLifetime: config.default_token_lifetime,
      maxSessions: config.max_user_concurrent_sessions,
      xivoUuid: config.uuid ?? null,
    },
    now,
    newUuid: randomUUID,
  });
  return { sessions, refreshTokens, tokens, logins };
}

export function createAuthServices(options: AuthServicesOptions) {
  return { ...identityServices(options), ...tokenServices(options) };
}

export type AuthServices = ReturnType<typeof createAuthServices>;
