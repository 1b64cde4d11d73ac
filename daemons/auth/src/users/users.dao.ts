/** Users and their e-mail addresses in wazo-auth's database; reads are tenant-scoped. */
import type { Tx } from '@wazo-ts/db';
import { isUuid } from '@wazo-ts/db';
import { type Expression, type SqlBool, sql } from 'kysely';
import { type ListPage, type ListParams, pageOf, searchMatch, searchPattern } from '../db/listing.js';
import type { AuthDatabase } from '../db/schema.js';
import type { AuthenticationMethod, User, UserEmail, UserPurpose } from './users.model.js';

type AuthTx = Tx<AuthDatabase>;

export interface UserFilters {
  uuid?: string | undefined;
  username?: string | undefined;
  firstname?: string | undefined;
  lastname?: string | undefined;
  purpose?: string | undefined;
  email_address?: string | undefined;
  group_uuid?: string | undefined;
  policy_uuid?: string | undefined;
  policy_slug?: string | undefined;
  has_policy_uuid?: string | undefined;
  has_policy_slug?: string | undefined;
}

const ORDER: Record<string, string> = {
  username: 'auth_user.username',
  firstname: 'auth_user.firstname',
  lastname: 'auth_user.lastname',
};

const uuidList = (uuids: readonly string[]) => sql`${[...uuids].filter(isUuid)}::uuid[]`;

function selectUsers(tx: AuthTx, tenantUuids: readonly string[]) {
  return tx.db
    .selectFrom('auth_user')
    .select([
      sql<string>`auth_user.uuid::text`.as('uuid'),
      sql<string>`auth_user.tenant_uuid::text`.as('tenant_uuid'),
      'auth_user.username',
      'auth_user.firstname',
      'auth_user.lastname',
      'auth_user.purpose',
      'auth_user.enabled',
      'auth_user.authentication_method',
    ])
    .where(sql<SqlBool>`auth_user.tenant_uuid = ANY(${uuidList(tenantUuids)})`);
}

type UserRow = Omit<User, 'emails'>;

const directPolicy = (match: Expression<SqlBool>) =>
  sql<SqlBool>`EXISTS (SELECT 1 FROM user_policy up JOIN policy p ON p.uuid = up.policy_uuid
    WHERE up.user_uuid = auth_user.uuid AND ${match})`;
const groupPolicy = (match: Expression<SqlBool>) =>
  sql<SqlBool>`EXISTS (SELECT 1 FROM group_user gu JOIN group_policy gp ON gp.group_uuid = gu.group_uuid
    JOIN policy p ON p.uuid = gp.policy_uuid WHERE gu.user_uuid = auth_user.uuid AND ${match})`;

function filterClauses(f: UserFilters): Expression<SqlBool>[] {
  const clauses: Expression<SqlBool>[] = [];
  const column = (name: 'username' | 'firstname' | 'lastname' | 'purpose') => {
    const value = f[name];
    if (value !== undefined) clauses.push(sql<SqlBool>`${sql.ref(`auth_user.${name}`)} = ${value}`);
  };
  for (const name of ['username', 'firstname', 'lastname', 'purpose'] as const) column(name);
  if (f.uuid !== undefined) clauses.push(sql<SqlBool>`auth_user.uuid::text = ${f.uuid}`);
  if (f.email_address !== undefined)
    clauses.push(sql<SqlBool>`EXISTS (SELECT 1 FROM email e WHERE e.user_uuid = auth_user.uuid
      AND e.address = ${f.email_address})`);
  if (f.group_uuid !== undefined)
    clauses.push(sql<SqlBool>`EXISTS (SELECT 1 FROM group_user gu WHERE gu.user_uuid = auth_user.uuid
      AND gu.group_uuid::text = ${f.group_uuid})`);
  const byUuid = (v: string) => sql<SqlBool>`p.uuid::text = ${v}`;
  const bySlug = (v: string) => sql<SqlBool>`p.slug = ${v}`;
  if (f.policy_uuid !== undefined) clauses.push(directPolicy(byUuid(f.policy_uuid)));
  if (f.policy_slug !== undefined) clauses.push(directPolicy(bySlug(f.policy_slug)));
  if (f.has_policy_uuid !== undefined) {
    const match = byUuid(f.has_policy_uuid);
    clauses.push(sql<SqlBool>`(${directPolicy(match)} OR ${groupPolicy(match)})`);
  }
  if (f.has_policy_slug !== undefined) {
    const match = bySlug(f.has_policy_slug);
    clauses.push(sql<SqlBool>`(${directPolicy(match)} OR ${groupPolicy(match)})`);
  }
  return clauses;
}

async function withEmails(tx: AuthTx, rows: UserRow[]): Promise<User[]> {
  if (rows.length === 0) return [];
  const emails = await tx.db
    .selectFrom('email')
    .select([
      sql<string>`uuid::text`.as('uuid'),
      sql<string>`user_uuid::text`.as('user_uuid'),
      'address',
      'main',
      'confirmed',
    ])
    .where(sql<SqlBool>`user_uuid = ANY(${uuidList(rows.map((r) => r.uuid))})`)
    .orderBy('main', 'desc')
    .orderBy('address')
    .execute();
  const byUser = new Map<string, UserEmail[]>();
  for (const { user_uuid, ...email } of emails) {
    const list = byUser.get(user_uuid) ?? [];
    list.push(email);
    byUser.set(user_uuid, list);
  }
  return rows.map((row) => ({
    ...row,
    purpose: row.purpose as UserPurpose,
    authentication_method: row.authentication_method as AuthenticationMethod,
    emails: byUser.get(row.uuid) ?? [],
  }));
}

async function search(
  tx: AuthTx,
  tenantUuids: readonly string[],
  filters: UserFilters,
  params: ListParams,
): Promise<ListPage<User>> {
  const visible = selectUsers(tx, tenantUuids);
  let narrowed = visible;
  for (const clause of filterClauses(filters)) narrowed = narrowed.where(clause);
  if (params.search) {
    const pattern = searchPattern(params.search);
    const columns = ['firstname', 'lastname', 'username'].map((c) => sql.ref(`auth_user.${c}`));
    narrowed = narrowed.where(
      sql<SqlBool>`(${searchMatch(columns, params.search)} OR EXISTS (SELECT 1 FROM email e
        WHERE e.user_uuid = auth_user.uuid AND e.address ILIKE ${pattern}))`,
    );
  }
  const order = sql.ref(ORDER[params.order ?? 'username'] ?? 'auth_user.username');
  const page = await pageOf(visible, narrowed, order, sql.ref('auth_user.uuid'), params);
  return { ...page, items: await withEmails(tx, page.items as UserRow[]) };
}

async function find(tx: AuthTx, tenantUuids: readonly string[], uuid: string): Promise<User | null> {
  if (!isUuid(uuid)) return null;
  const rows = await selectUsers(tx, tenantUuids)
    .where(sql<SqlBool>`auth_user.uuid = ${uuid}::uuid`)
    .execute();
  return (await withEmails(tx, rows as UserRow[]))[0] ?? null;
}

async function passwordOf(tx: AuthTx, uuid: string) {
  const row = await tx.db
    .selectFrom('auth_user')
    .select(['password_hash', 'password_salt'])
    .where(sql<SqlBool>`uuid = ${uuid}::uuid`)
    .executeTakeFirst();
  return row ?? null;
}

/** True when `login` is some user's username or e-mail address, whatever the case. */
async function loginTaken(tx: AuthTx, login: string, ignoredUser?: string): Promise<boolean> {
  const others = ignoredUser && isUuid(ignoredUser) ? sql`AND user_uuid <> ${ignoredUser}::uuid` : sql``;
  const othersUser = ignoredUser && isUuid(ignoredUser) ? sql`AND uuid <> ${ignoredUser}::uuid` : sql``;
  const { rows } = await sql<{ taken: boolean }>`SELECT
    EXISTS (SELECT 1 FROM auth_user WHERE lower(username) = lower(${login}) ${othersUser})
    OR EXISTS (SELECT 1 FROM email WHERE lower(address) = lower(${login}) ${others}) AS taken`.execute(tx.db);
  return rows[0]?.taken === true;
}

export interface NewUser {
  uuid: string;
  tenant_uuid: string;
  username: string | null;
  firstname: string | null;
  lastname: string | null;
  purpose: UserPurpose;
  authentication_method: AuthenticationMethod;
  enabled: boolean;
  password_hash: string | null;
  password_salt: Buffer | null;
}

async function insert(tx: AuthTx, user: NewUser): Promise<void> {
  await tx.db.insertInto('auth_user').values(user).execute();
}

async function update(
  tx: AuthTx,
  uuid: string,
  fields: Omit<NewUser, 'uuid' | 'tenant_uuid' | 'password_hash' | 'password_salt'>,
) {
  await tx.db.updateTable('auth_user').set(fields).where('uuid', '=', uuid).execute();
}

async function remove(tx: AuthTx, uuid: string): Promise<void> {
  await tx.db.deleteFrom('auth_user').where('uuid', '=', uuid).execute();
}

async function setPassword(
  tx: AuthTx,
  uuid: string,
  hash: string | null,
  salt: Buffer | null,
): Promise<void> {
  await tx.db
    .updateTable('auth_user')
    .set({ password_hash: hash, password_salt: salt })
    .where('uuid', '=', uuid)
    .execute();
}

/** Replaces the user's addresses; an address kept keeps its uuid. */
async function replaceEmails(tx: AuthTx, userUuid: string, emails: Omit<UserEmail, 'uuid'>[]): Promise<void> {
  const kept = emails.map((e) => e.address.toLowerCase());
  await tx.db
    .deleteFrom('email')
    .where('user_uuid', '=', userUuid)
    .where(sql<SqlBool>`NOT lower(address) = ANY(${kept}::text[])`)
    .execute();
  // Clear `main` first: the one-main-per-user index would refuse a swap done row by row.
  await tx.db.updateTable('email').set({ main: false }).where('user_uuid', '=', userUuid).execute();
  for (const email of emails) {
    const updated = await tx.db
      .updateTable('email')
      .set({ address: email.address, main: email.main, confirmed: email.confirmed })
      .where('user_uuid', '=', userUuid)
      .where(sql<SqlBool>`lower(address) = lower(${email.address})`)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0)
      await tx.db
        .insertInto('email')
        .values({ user_uuid: userUuid, ...email })
        .execute();
  }
}

/** Deletes the user's sessions (their tokens go with them) and says which they were. */
async function deleteSessions(
  tx: AuthTx,
  userUuid: string,
): Promise<{ uuid: string; tenant_uuid: string }[]> {
  return tx.db
    .deleteFrom('session')
    .where('user_uuid', '=', userUuid)
    .returning([sql<string>`uuid::text`.as('uuid'), sql<string>`tenant_uuid::text`.as('tenant_uuid')])
    .execute();
}

async function addPolicy(tx: AuthTx, userUuid: string, policyUuid: string): Promise<void> {
  await tx.db
    .insertInto('user_policy')
    .values({ user_uuid: userUuid, policy_uuid: policyUuid })
    .onConflict((oc) => oc.doNothing())
    .execute();
}

async function removePolicy(tx: AuthTx, userUuid: string, policyUuid: string): Promise<void> {
  await tx.db
    .deleteFrom('user_policy')
    .where('user_uuid', '=', userUuid)
    .where('policy_uuid', '=', policyUuid)
    .execute();
}

export const usersDao = {
  search,
  find,
  passwordOf,
  loginTaken,
  insert,
  update,
  remove,
  setPassword,
  replaceEmails,
  deleteSessions,
  addPolicy,
  removePolicy,
  tenantAuthenticationMethod: (tx: AuthTx, tenantUuid: string) => tenantAuthenticationMethod(tx, tenantUuid),
};
export type UsersDao = typeof usersDao;

/** The tenant's `default_authentication_method` (what a user's `default` stands for). */
export async function tenantAuthenticationMethod(tx: AuthTx, tenantUuid: string): Promise<string | null> {
  const row = await tx.db
    .selectFrom('tenant')
    .select('default_authentication_method')
    .where(sql<SqlBool>`uuid = ${tenantUuid}::uuid`)
    .executeTakeFirst();
  return row?.default_authentication_method ?? null;
}
