import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parse } from 'yaml';
import { verifyPassword } from '../passwords/index.js';
import { MASTER_POLICY_SLUG } from '../seed/index.js';
import { type AuthTestDatabase, createAuthTestDatabase } from '../testing/auth-database.js';
import { ensureServiceAccount, ensureUser, randomPassword } from './bootstrap.js';

const ROUNDS = 1000;

describe('bootstrap', () => {
  let t: AuthTestDatabase;
  let dir: string;
  before(async () => {
    t = await createAuthTestDatabase();
    dir = await mkdtemp(join(tmpdir(), 'wazo-auth-bootstrap-'));
  });
  after(async () => {
    await t.drop();
    await rm(dir, { recursive: true, force: true });
  });

  const userRow = (username: string) =>
    t.db.selectFrom('auth_user').selectAll().where('username', '=', username).executeTakeFirstOrThrow();

  it('when the initial user is bootstrapped, then it is internal, in the master tenant, with the master policy', async () => {
    const uuid = await ensureUser(
      t.db,
      { username: 'root', password: 'pw1', policySlug: MASTER_POLICY_SLUG },
      ROUNDS,
    );
    const user = await userRow('root');
    assert.equal(user.uuid, uuid);
    assert.equal(user.purpose, 'internal');
    assert.equal(user.authentication_method, 'native');
    assert.equal(await verifyPassword('pw1', user.password_hash, user.password_salt, ROUNDS), true);
    const master = await t.db
      .selectFrom('tenant')
      .select('uuid')
      .whereRef('uuid', '=', 'parent_uuid')
      .executeTakeFirstOrThrow();
    assert.equal(user.tenant_uuid, master.uuid);
    const policies = await t.db
      .selectFrom('user_policy')
      .innerJoin('policy', 'policy.uuid', 'user_policy.policy_uuid')
      .select('policy.slug')
      .where('user_uuid', '=', uuid)
      .execute();
    assert.deepEqual(policies, [{ slug: MASTER_POLICY_SLUG }]);
  });

  it('when run again with another password, then the same user gets it and loses its sessions', async () => {
    const first = await userRow('root');
    await t.db
      .insertInto('session')
      .values({ uuid: crypto.randomUUID(), tenant_uuid: first.tenant_uuid, user_uuid: first.uuid })
      .execute();
    const uuid = await ensureUser(
      t.db,
      { username: 'ROOT', password: 'pw2', policySlug: MASTER_POLICY_SLUG },
      ROUNDS,
    );
    assert.equal(uuid, first.uuid);
    const user = await userRow('root');
    assert.equal(await verifyPassword('pw2', user.password_hash, user.password_salt, ROUNDS), true);
    assert.equal((await t.db.selectFrom('session').selectAll().execute()).length, 0);
    assert.equal((await t.db.selectFrom('auth_user').selectAll().execute()).length, 1);
  });

  it('when the policy does not exist, then it refuses', async () => {
    await assert.rejects(
      ensureUser(t.db, { username: 'x', password: 'p', policySlug: 'nope' }, ROUNDS),
      /nope/,
    );
  });

  it('when a service account is bootstrapped twice, then one key file, mode 0600, with stable working credentials', async () => {
    const keyFile = join(dir, 'keys', 'wazo-confd-key.yml');
    await ensureServiceAccount(
      t.db,
      'wazo-confd',
      { acl: ['auth.tenants.read', 'confd.#'], key_file: keyFile },
      ROUNDS,
    );
    const keys = parse(await readFile(keyFile, 'utf8'));
    assert.equal(keys.service_id, 'wazo-confd');
    assert.match(keys.service_key, /^[A-Za-z0-9]{28}$/);
    assert.equal((await stat(keyFile)).mode & 0o777, 0o600);
    await ensureServiceAccount(t.db, 'wazo-confd', { acl: ['confd.#'], key_file: keyFile }, ROUNDS);
    assert.deepEqual(parse(await readFile(keyFile, 'utf8')), keys);
    const user = await userRow('wazo-confd');
    assert.equal(
      await verifyPassword(keys.service_key, user.password_hash, user.password_salt, ROUNDS),
      true,
    );
    const acl = await t.db
      .selectFrom('policy')
      .innerJoin('policy_access', 'policy_access.policy_uuid', 'policy.uuid')
      .select('access')
      .where('slug', '=', 'wazo-confd-internal')
      .execute();
    assert.deepEqual(acl, [{ access: 'confd.#' }]);
  });

  it('when a password is generated, then 28 letters and digits', () => {
    assert.match(randomPassword(), /^[A-Za-z0-9]{28}$/);
  });
});
