/**
 * POST /token: who is logging in (password or refresh token), then a new token and session with
 * the ACL computed now. Every authentication failure is the same 401, whatever its cause, and
 * costs the same time (an unknown login is checked against a dummy hash).
 */
import type { UnitOfWork } from '@wazo-ts/db';
import { isWazoError } from '@wazo-ts/errors';
import type { AclComputation } from '../acl-computation/acl.service.js';
import type { AuthDatabase } from '../db/schema.js';
import type { LoginGuard } from '../login-guard/login-guard.js';
import type { RefreshTokenDao } from '../refresh-tokens/refresh-token.dao.js';
import type { RefreshTokenService } from '../refresh-tokens/refresh-token.service.js';
import type { SessionNotifier } from '../sessions/session.notifier.js';
import type { LoginUser, TokenDao } from './token.dao.js';
import { authenticationFailed, tooManySessions } from './token.errors.js';
import { type Token, type TokenMetadata, type TokenRequest, toTokenDocument } from './token.model.js';
import { validateTokenRequest } from './token.validator.js';

export interface PasswordChecker {
  verify(password: string, hash: string | null, salt: Uint8Array | null): Promise<boolean>;
  dummy(password: string): Promise<boolean>;
}

export interface LoginInput {
  body: TokenRequest;
  credentials: { login: string; password: string } | null;
  mobile: boolean;
  userAgent: string;
  remoteAddr: string;
}

export interface LoginResult {
  token: Token;
  revokedSessions: number;
}

export interface LoginServiceDeps {
  uow: UnitOfWork<AuthDatabase>;
  dao: TokenDao;
  acl: AclComputation;
  refreshTokens: Pick<RefreshTokenService, 'issue'>;
  refreshTokenDao: Pick<RefreshTokenDao, 'find'>;
  notifier: SessionNotifier;
  passwords: PasswordChecker;
  guard: LoginGuard;
  settings: { defaultLifetime: number; maxSessions: number; xivoUuid: string | null };
  now: () => number;
  newUuid: () => string;
}

interface Identity {
  user: LoginUser;
  login: string;
  refreshTokenUuid: string | null;
  persistentMetadata: Record<string, unknown>;
}

export function createLoginService(deps: LoginServiceDeps) {
  const { uow, dao } = deps;

  const byPassword = async (credentials: LoginInput['credentials']): Promise<Identity> => {
    if (!credentials) throw authenticationFailed();
    const user = await uow.read((tx) => dao.findLoginUser(tx.db, credentials.login));
    if (!user) {
      await deps.passwords.dummy(credentials.password);
      throw authenticationFailed();
    }
    const ok = await deps.passwords.verify(credentials.password, user.passwordHash, user.passwordSalt);
    // Only the native method exists here: an LDAP or SAML user cannot log in with a password.
    if (!ok || user.authenticationMethod !== 'native') throw authenticationFailed();
    return { user, login: credentials.login, refreshTokenUuid: null, persistentMetadata: {} };
  };

  const byRefreshToken = async (refreshToken: string, clientId: string): Promise<Identity> => {
    const found = await uow.read(async (tx) => {
      const token = await deps.refreshTokenDao.find(tx.db, refreshToken, clientId);
      const user = token ? await dao.findEnabledUser(tx.db, token.userUuid) : null;
      return token && user ? { token, user } : null;
    });
    if (found?.user.authenticationMethod !== 'native') throw authenticationFailed();
    const { token, user } = found;
    return {
      user,
      login: token.login ?? '',
      refreshTokenUuid: token.uuid,
      persistentMetadata: token.metadata,
    };
  };

  const metadataOf = (user: LoginUser): TokenMetadata => ({
    uuid: user.uuid,
    tenant_uuid: user.tenantUuid,
    auth_id: user.uuid,
    pbx_user_uuid: user.purpose === 'user' ? user.uuid : null,
    xivo_uuid: deps.settings.xivoUuid,
    purpose: user.purpose,
  });

  const issue = (identity: Identity, input: LoginInput): Promise<LoginResult> =>
    uow.run(async (tx) => {
      const { user } = identity;
      const issuedAt = new Date(deps.now());
      await dao.lockUser(tx.db, user.uuid);
      if (user.purpose === 'user' || user.purpose === 'external_api') {
        const live = await dao.countLiveSessions(tx.db, user.uuid, issuedAt);
        if (live >= deps.settings.maxSessions) throw tooManySessions(user.uuid);
      }
      let offline: { uuid: string; revoked: number } | null = null;
      if (input.body.access_type === 'offline' && input.body.client_id) {
        offline = await deps.refreshTokens.issue(tx, {
          clientId: input.body.client_id,
          userUuid: user.uuid,
          tenantUuid: user.tenantUuid,
          backend: 'wazo_user',
          login: identity.login,
          mobile: input.mobile,
          metadata: {},
          userAgent: input.userAgent,
          remoteAddr: input.remoteAddr,
        });
      }
      const metadata = { ...identity.persistentMetadata, ...metadataOf(user) };
      const session = {
        uuid: deps.newUuid(),
        tenantUuid: user.tenantUuid,
        userUuid: user.uuid,
        mobile: input.mobile,
      };
      const expiration = input.body.expiration ?? deps.settings.defaultLifetime;
      const stored = {
        uuid: deps.newUuid(),
        sessionUuid: session.uuid,
        authId: user.uuid,
        pbxUserUuid: metadata.pbx_user_uuid,
        xivoUuid: deps.settings.xivoUuid,
        issuedAt,
        expiresAt: new Date(issuedAt.getTime() + expiration * 1000),
        acl: await deps.acl.forUser(tx.db, user.uuid),
        metadata,
        userAgent: input.userAgent,
        remoteAddr: input.remoteAddr,
        refreshTokenUuid: identity.refreshTokenUuid ?? offline?.uuid ?? null,
      };
      await dao.insert(tx.db, session, stored);
      deps.notifier.created(tx, session, user.uuid);
      return { token: toTokenDocument(stored, offline?.uuid), revokedSessions: offline?.revoked ?? 0 };
    });

  return {
    async login(input: LoginInput): Promise<LoginResult> {
      validateTokenRequest(input.body);
      const { refresh_token, client_id } = input.body;
      const viaRefresh = refresh_token !== undefined && client_id !== undefined;
      const login = viaRefresh ? null : (input.credentials?.login ?? null);
      await deps.guard.admit(login, input.remoteAddr);
      let identity: Identity;
      try {
        identity = viaRefresh
          ? await byRefreshToken(refresh_token, client_id)
          : await byPassword(input.credentials);
      } catch (err) {
        if (isWazoError(err) && err.code === 'unauthorized') await deps.guard.failed(login, input.remoteAddr);
        throw err;
      }
      if (login !== null) await deps.guard.succeeded(login, input.remoteAddr);
      return issue(identity, input);
    },
  };
}

export type LoginService = ReturnType<typeof createLoginService>;
