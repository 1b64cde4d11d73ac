/**
 * What `wazo-auth-bootstrap` and `bootstrap_user_on_startup` do, idempotently: the initial admin
 * (Wazo's: purpose internal, method native, in the master tenant, holding the master policy) and
 * the service accounts of the config, each with its own policy and a key file the kit's
 * `auth.key_file` loader reads.
 */
import { randomInt } from 'node:crypto';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Kysely } from 'kysely';
import { parse, stringify } from 'yaml';
import type { AuthDatabase } from '../db/schema.js';
import { hashPassword, verifyPassword } from '../passwords/index.js';
import { seedAuthDatabase } from '../seed/index.js';
import * as dao from './bootstrap.dao.js';

const CHARS = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** Wazo's generated passwords: 28 letters and digits. */
export function randomPassword(length = 28): string {
  return Array.from({ length }, () => CHARS[randomInt(CHARS.length)]).join('');
}

export interface UserAccount {
  username: string;
  password: string;
  purpose?: 'user' | 'internal' | 'external_api';
  policySlug: string;
}

/** Creates the user, or resets its password when it exists; links the policy. Returns its uuid. */
export async function ensureUser(
  db: Kysely<AuthDatabase>,
  account: UserAccount,
  iterations: number,
): Promise<string> {
  const { masterTenantUuid } = await seedAuthDatabase(db);
  return db.transaction().execute(async (trx) => {
    const tx = { db: trx };
    const policyUuid = await dao.findPolicyUuid(tx, masterTenantUuid, account.policySlug);
    if (!policyUuid) throw new Error(`policy ${account.policySlug} does not exist in the master tenant`);
    const existing = await dao.findUserByUsername(tx, account.username);
    let uuid = existing?.uuid;
    if (!existing) {
      const { hash, salt } = await hashPassword(account.password, iterations);
      uuid = await dao.insertUser(tx, {
        tenantUuid: masterTenantUuid,
        username: account.username,
        purpose: account.purpose ?? 'internal',
        hash,
        salt,
      });
    } else if (
      !(await verifyPassword(account.password, existing.password_hash, existing.password_salt, iterations))
    ) {
      const { hash, salt } = await hashPassword(account.password, iterations);
      await dao.resetPassword(tx, existing.uuid, hash, salt);
    }
    await dao.linkUserPolicy(tx, uuid as string, policyUuid);
    return uuid as string;
  });
}

export interface ServiceAccountConfig {
  acl: string[];
  key_file?: string | undefined;
}

export const defaultKeyFile = (name: string) => `/var/lib/wazo-auth-keys/${name}-key.yml`;

async function readKeyFile(path: string): Promise<{ service_id?: string; service_key?: string } | null> {
  try {
    return parse(await readFile(path, 'utf8')) ?? null;
  } catch {
    return null;
  }
}

/**
 * One internal user per service account with a policy `<name>-internal` holding exactly its ACL.
 * A key file that already holds working credentials is kept; otherwise a new password is set and
 * the file (re)written, mode 0600.
 */
export async function ensureServiceAccount(
  db: Kysely<AuthDatabase>,
  name: string,
  account: ServiceAccountConfig,
  iterations: number,
): Promise<{ keyFile: string }> {
  const keyFile = account.key_file ?? defaultKeyFile(name);
  const { masterTenantUuid } = await seedAuthDatabase(db);
  const policySlug = `${name}-internal`.slice(0, 80);
  await db
    .transaction()
    .execute((trx) => dao.upsertPolicy({ db: trx }, masterTenantUuid, policySlug, account.acl));
  const current = await readKeyFile(keyFile);
  const password =
    current?.service_id === name && current.service_key ? current.service_key : randomPassword();
  await ensureUser(db, { username: name, password, purpose: 'internal', policySlug }, iterations);
  if (current?.service_key !== password || current.service_id !== name) {
    await mkdir(dirname(keyFile), { recursive: true });
    await writeFile(keyFile, stringify({ service_id: name, service_key: password }), { mode: 0o600 });
  }
  await chmod(keyFile, 0o600);
  return { keyFile };
}
