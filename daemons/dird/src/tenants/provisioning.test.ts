/**
 * The provisioning's reconciliation with wazo-auth's tenant list, on a real PostgreSQL: missing
 * tenants get Wazo's defaults once, however often it runs; tenants wazo-auth no longer has are
 * removed; an empty list purges nothing.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { createUnitOfWork, migrateToLatest } from '@wazo-ts/db';
import { createTestDatabase, type TestDatabase, testEncoder } from '@wazo-ts/db/testing';
import { Kysely, PostgresDialect } from 'kysely';
import { dirdMigrations } from '../db/migrations/index.js';
import type { DirdDatabase } from '../db/schema.js';
import { createDirdServices, type DirdServices } from '../services.js';
import { noPhonebooks } from '../sources/phonebook-catalog.js';

let database: TestDatabase;
let db: Kysely<DirdDatabase>;
let services: DirdServices;

before(async () => {
  database = await createTestDatabase({ prefix: 'wazo_dird_provisioning' });
  db = new Kysely<DirdDatabase>({ dialect: new PostgresDialect({ pool: database.pool }) });
  await migrateToLatest(db, dirdMigrations);
  services = createDirdServices({
    uow: createUnitOfWork({ db, encoder: testEncoder }),
    phonebooks: noPhonebooks,
  });
});
after(async () => database?.drop());

const counts = async (tenant: string) => {
  const count = async (table: 'dird_source' | 'dird_display' | 'dird_profile') =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .where('tenant_uuid', '=', tenant)
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    sources: await count('dird_source'),
    displays: await count('dird_display'),
    profiles: await count('dird_profile'),
  };
};

describe('provisioning reconciliation', () => {
  it('when reconciling twice, then each tenant is provisioned once and stale ones are removed', async () => {
    const stale = randomUUID();
    assert.equal(await services.provisioning.provision({ uuid: stale, name: 'stale' }), true);
    const a = randomUUID();
    const b = randomUUID();
    const remote = [
      { uuid: a, name: 'a' },
      { uuid: b, name: null },
    ];
    assert.deepEqual(await services.provisioning.reconcile(remote), { provisioned: 2, removed: 1 });
    assert.deepEqual(await services.provisioning.reconcile(remote), { provisioned: 0, removed: 0 });
    assert.deepEqual(await counts(a), { sources: 5, displays: 1, profiles: 1 });
    assert.deepEqual(await counts(stale), { sources: 0, displays: 0, profiles: 0 });
    // A tenant without a name is named by its uuid.
    const display = await db
      .selectFrom('dird_display')
      .select('name')
      .where('tenant_uuid', '=', b)
      .executeTakeFirst();
    assert.equal(display?.name, `auto_${b}`);
  });

  it('when wazo-auth lists nothing, then nothing is purged', async () => {
    const kept = randomUUID();
    await services.provisioning.provision({ uuid: kept, name: 'kept' });
    await assert.rejects(services.provisioning.reconcile([]), /no tenant/);
    assert.deepEqual(await counts(kept), { sources: 5, displays: 1, profiles: 1 });
  });

  it('when a tenant was deleted by the admin of its default profile, then provisioning does not bring it back', async () => {
    const tenant = randomUUID();
    await services.provisioning.provision({ uuid: tenant, name: 't' });
    const profile = (await services.profiles.byName(tenant, 'default'))?.uuid as string;
    await services.profiles.delete(profile, [tenant]);
    assert.equal(await services.provisioning.provision({ uuid: tenant, name: 't' }), false);
    assert.equal(await services.profiles.byName(tenant, 'default'), undefined);
  });

  it('when a country or a source came before the tenant’s event, then it is still provisioned, taken names left out', async () => {
    const tenant = randomUUID();
    await services.provisioning.setCountry(tenant, 'FR');
    await services.sources.create('personal', tenant, {
      name: 'personal',
      searched_columns: [],
      first_matched_columns: [],
      format_columns: {},
    });
    assert.equal(await services.provisioning.provision({ uuid: tenant, name: 'early' }), true);
    const row = await db.selectFrom('dird_tenant').selectAll().where('uuid', '=', tenant).executeTakeFirst();
    assert.deepEqual(row, { uuid: tenant, country: 'FR', provisioned: true });
    assert.deepEqual(await counts(tenant), { sources: 5, displays: 1, profiles: 1 });
    const profile = await services.profiles.byName(tenant, 'default');
    assert.equal(profile?.services.lookup?.sources.length, 4, 'the taken name is not one of the defaults');
  });
});
