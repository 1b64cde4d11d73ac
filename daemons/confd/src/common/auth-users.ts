/**
 * confd's calls to wazo-auth about users, with confd's service token: create the wazo-auth user
 * of a confd user (`POST /0.1/users`, same uuid, `Wazo-Tenant` = the user's tenant) and delete it
 * again (`DELETE /0.1/users/{uuid}`, a 404 counting as done), and list a tenant's users (their
 * logins, for `GET /users/export`). wazo-auth's refusals become confd's
 * error strings (a taken login is confd's "already exists" 400); no answer at all is the kit's 503.
 */
import {
  type AuthClientConfig,
  type AuthHttpResponse,
  authServerUnreachable,
  createAuthTransport,
} from '@wazo-ts/daemon';
import { InvalidDataError, UnavailableError, type WazoError } from '@wazo-ts/errors';

export const AUTH_USER_PURPOSES = ['user', 'internal', 'external_api'] as const;
export type AuthUserPurpose = (typeof AUTH_USER_PURPOSES)[number];

/** The body wazo-auth's `POST /users` takes, as Wazo's confd fills it from a user's `auth`. */
export interface AuthUserCreate {
  uuid: string;
  username: string | null;
  password: string | null;
  firstname: string | null;
  lastname: string | null;
  email_address: string | null;
  enabled: boolean;
  purpose: AuthUserPurpose;
}

/** The fields `PUT /0.1/users/{uuid}` replaces. */
export interface AuthUserEdit {
  username: string | null;
  firstname: string | null;
  lastname: string | null;
  purpose: string;
  authentication_method?: string;
  enabled: boolean;
}

export interface AuthEmail {
  address: string;
  main?: boolean;
  confirmed?: boolean;
}

/** wazo-auth's answer, as confd passes it on under the user's `auth`. */
export type AuthUser = Record<string, unknown> & { uuid: string };

export interface AuthUsersClient {
  create(token: string, tenantUuid: string, user: AuthUserCreate): Promise<AuthUser>;
  /** Resolves false when wazo-auth had no such user. */
  delete(token: string, tenantUuid: string, uuid: string): Promise<boolean>;
  // The users import's calls; optional so a test's client may leave them out (see withDirectory).
  /** The users of one tenant (not its sub-tenants), as wazo-auth lists them. */
  list?(token: string, tenantUuid: string): Promise<AuthUser[]>;
  /** `PUT /0.1/users/{uuid}`: wazo-auth replaces the user's fields with these. */
  edit?(token: string, tenantUuid: string, uuid: string, user: AuthUserEdit): Promise<void>;
  /** `PUT /0.1/admin/users/{uuid}/emails`: the user's addresses, replaced. */
  setEmails?(token: string, tenantUuid: string, uuid: string, emails: AuthEmail[]): Promise<void>;
  close(): void;
}

const reprString = (value: string) => `'${value.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;

/** wazo-auth's 409 names the login taken (`details.username` or `details.email_address`). */
type Login = Pick<AuthUserCreate, 'username'> & { email_address?: string | null };

function conflictError(body: Record<string, unknown>, user: Login): WazoError {
  const details = (body.details ?? {}) as Record<string, unknown>;
  const field = 'email_address' in details && !('username' in details) ? 'email_address' : 'username';
  const value = (field === 'username' ? user.username : user.email_address) ?? '';
  return new InvalidDataError(`Resource Error - User already exists ('${field}': ${reprString(value)})`, {
    errorId: 'resource-exists',
    details: { resource: 'User', [field]: value, auth: body },
  });
}

function parseBody(response: AuthHttpResponse): Record<string, unknown> {
  try {
    const parsed = JSON.parse(response.body) as unknown;
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** A refusal of wazo-auth in confd's words; 401/403/5xx mean confd cannot use wazo-auth now. */
function refusal(config: AuthClientConfig, response: AuthHttpResponse, user?: Login): WazoError {
  const body = parseBody(response);
  if (response.status === 409 && user) return conflictError(body, user);
  const message = typeof body.message === 'string' ? body.message : `status ${response.status}`;
  if (response.status === 400)
    return new InvalidDataError(`Input Error - field 'auth': ${message}`, {
      errorId: 'invalid-data',
      details: { field: 'auth', auth: body },
    });
  return new UnavailableError(`wazo-auth refused the request: ${message}`, {
    errorId: 'authentication-server-refused',
    details: { auth_server_host: config.host, auth_server_port: config.port, status: response.status },
  });
}

/** The client with every call; one it lacks answers 503 (a test's client that never expects it). */
export function withDirectory(client: AuthUsersClient): Required<AuthUsersClient> {
  const missing = (name: string) => () =>
    Promise.reject(
      new UnavailableError(`wazo-auth client cannot ${name}`, { errorId: 'authentication-server-refused' }),
    );
  return {
    create: (...args) => client.create(...args),
    delete: (...args) => client.delete(...args),
    close: () => client.close(),
    list: client.list?.bind(client) ?? missing('list users'),
    edit: client.edit?.bind(client) ?? missing('edit users'),
    setEmails: client.setEmails?.bind(client) ?? missing('set e-mails'),
  };
}

export function createAuthUsersClient(config: AuthClientConfig): Required<AuthUsersClient> {
  const transport = createAuthTransport(config);
  const send = async (request: Parameters<typeof transport.request>[0]) => {
    try {
      return await transport.request(request);
    } catch (error) {
      throw authServerUnreachable(config, error);
    }
  };
  const headers = (token: string, tenantUuid: string) => ({
    'x-auth-token': token,
    'wazo-tenant': tenantUuid,
  });
  return {
    async create(token, tenantUuid, user) {
      const response = await send({
        method: 'POST',
        path: '/0.1/users',
        headers: { ...headers(token, tenantUuid), 'content-type': 'application/json' },
        body: JSON.stringify(user),
      });
      if (response.status !== 200 && response.status !== 201) throw refusal(config, response, user);
      return parseBody(response) as AuthUser;
    },
    async delete(token, tenantUuid, uuid) {
      const path = `/0.1/users/${encodeURIComponent(uuid)}`;
      const response = await send({ method: 'DELETE', path, headers: headers(token, tenantUuid) });
      if (response.status === 404) return false;
      if (response.status !== 204 && response.status !== 200) throw refusal(config, response);
      return true;
    },
    async list(token, tenantUuid) {
      const response = await send({ method: 'GET', path: '/0.1/users', headers: headers(token, tenantUuid) });
      if (response.status !== 200) throw refusal(config, response);
      const items = parseBody(response).items;
      return Array.isArray(items) ? (items as AuthUser[]) : [];
    },
    async edit(token, tenantUuid, uuid, user) {
      const response = await send({
        method: 'PUT',
        path: `/0.1/users/${encodeURIComponent(uuid)}`,
        headers: { ...headers(token, tenantUuid), 'content-type': 'application/json' },
        body: JSON.stringify(user),
      });
      if (response.status !== 200) throw refusal(config, response, user);
    },
    async setEmails(token, tenantUuid, uuid, emails) {
      const response = await send({
        method: 'PUT',
        path: `/0.1/admin/users/${encodeURIComponent(uuid)}/emails`,
        headers: { ...headers(token, tenantUuid), 'content-type': 'application/json' },
        body: JSON.stringify({ emails }),
      });
      if (response.status !== 200) throw refusal(config, response);
    },
    close: () => transport.close(),
  };
}
