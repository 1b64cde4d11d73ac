/**
 * The service accounts of the daemons that call wazo-auth with their own token (confd lists
 * tenants, websocketd learns the master tenant), made through wazo-auth's REST API as
 * wazo-auth-keys makes them: an internal user, a policy `<name>-internal` holding exactly the
 * ACL the daemon needs, and a key file (`service_id`, `service_key`, mode 0600) the daemon reads
 * as `auth.key_file`. Accounts are made once: an existing key file is kept.
 */
import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { parse, stringify } from 'yaml';
import { type AuthApi, expectStatus } from './auth-api.js';

/** Wazo's ACLs for these accounts (wazo-auth-keys' config.yml). */
export const SERVICE_ACCOUNTS = {
  'wazo-confd': ['auth.admin.#', 'auth.tenants.read', 'auth.users.#'],
  'wazo-websocketd': ['auth.tenants.read'],
  // wazo-dird and its wazo and conference backends' keys in one: tenants, users, conferences.
  'wazo-dird': ['auth.tenants.read', 'confd.infos.read', 'confd.users.read', 'confd.conferences.read'],
} as const;

export type ServiceAccountName = keyof typeof SERVICE_ACCOUNTS;

export const keyFileOf = (dataDir: string, name: string) => join(dataDir, 'keys', `${name}-key.yml`);

async function readKey(path: string): Promise<{ service_id?: string; service_key?: string } | null> {
  try {
    return (parse(await readFile(path, 'utf8')) as { service_id?: string; service_key?: string }) ?? null;
  } catch {
    return null;
  }
}

async function ensurePolicy(api: AuthApi, token: string, name: string, acl: readonly string[]) {
  const slug = `${name}-internal`;
  const found = await api.call<{ uuid: string }>('GET', `/policies/${slug}`, token);
  const body = { name: slug, slug, description: `Service account ${name}`, acl: [...acl] };
  if (found.status === 200) {
    await expectStatus('update a policy', api.call('PUT', `/policies/${found.body.uuid}`, token, body), 200);
    return found.body.uuid;
  }
  const created = await expectStatus<{ uuid: string }>(
    'create a policy',
    api.call('POST', '/policies', token, body),
    200,
  );
  return created.uuid;
}

async function recreateUser(api: AuthApi, token: string, name: string, password: string) {
  const existing = await expectStatus<{ items: { uuid: string }[] }>(
    'list users',
    api.call('GET', `/users?username=${encodeURIComponent(name)}`, token),
    200,
  );
  for (const user of existing.items)
    await expectStatus('delete a user', api.call('DELETE', `/users/${user.uuid}`, token), 204, 404);
  const body = { username: name, password, purpose: 'internal' };
  return expectStatus<{ uuid: string }>('create a user', api.call('POST', '/users', token, body), 200);
}

/** True when the account's key file is there (its credentials are then trusted as they are). */
export async function hasKeyFile(dataDir: string, name: ServiceAccountName): Promise<boolean> {
  const key = await readKey(keyFileOf(dataDir, name));
  return key?.service_id === name && Boolean(key.service_key);
}

/** Makes (or remakes, with a new key) one account; returns its key file. */
export async function ensureServiceAccount(options: {
  api: AuthApi;
  adminToken: string;
  dataDir: string;
  name: ServiceAccountName;
}): Promise<string> {
  const { api, adminToken: token, name } = options;
  const keyFile = keyFileOf(options.dataDir, name);
  const policyUuid = await ensurePolicy(api, token, name, SERVICE_ACCOUNTS[name]);
  const password = randomBytes(21).toString('base64url');
  const user = await recreateUser(api, token, name, password);
  await expectStatus(
    'give a policy',
    api.call('PUT', `/users/${user.uuid}/policies/${policyUuid}`, token),
    204,
  );
  await mkdir(dirname(keyFile), { recursive: true, mode: 0o700 });
  await writeFile(keyFile, stringify({ service_id: name, service_key: password }), { mode: 0o600 });
  await chmod(keyFile, 0o600);
  return keyFile;
}
