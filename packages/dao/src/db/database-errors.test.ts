import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, beforeEach, describe, it } from 'node:test';
import { InvalidDataError } from '@wazo-ts/errors';
import { sql } from 'kysely';
import { scopeOf } from '../search/search.js';
import { createMigratedTestDatabase, type MigratedTestDatabase } from '../testing/index.js';
import { createUsersDao } from '../users/users.dao.js';
import { createUsersNotifier } from '../users/users.notifier.js';
import { createUsersService } from '../users/users.service.js';
import { createUsersValidator } from '../users/users.validator.js';
import { constraintRules } from './constraint-rules.js';
import type { UnitOfWork } from './unit-of-work.js';

const A = randomUUID();

/** A promise with its resolver, to hold one transaction at a chosen step. */
function gate(): { opened: Promise<void>; open(): void } {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { opened, open };
}

const rejection = async (promise: Promise<unknown>): Promise<Error> => {
  try {
    await promise;
  } catch (err) {
    return err as Error;
  }
  return assert.fail('expected a rejection');
};

describe('database errors through the unit of work', () => {
  let testDb: MigratedTestDatabase;
  let uow: UnitOfWork;
  const dao = createUsersDao();
  const userRows = async () =>
    (await sql<{ n: string }>`SELECT count(*) AS n FROM users`.execute(testDb.db)).rows[0]!.n;
  const outboxRows = async () =>
    (await sql<{ n: string }>`SELECT count(*) AS n FROM bus_outbox`.execute(testDb.db)).rows[0]!.n;

  before(async () => {
    testDb = await createMigratedTestDatabase();
    uow = testDb.uow();
  });
  after(() => testDb.drop());
  beforeEach(async () => {
    await sql`TRUNCATE users, tenant, bus_outbox CASCADE`.execute(testDb.db);
    await testDb.db.insertInto('tenant').values({ uuid: A }).execute();
  });

  it('when two creates of one e-mail race past the validator, then the second gets Wazo\'s "already exists" and changes nothing', async () => {
    const firstInserted = gate();
    const secondValidated = gate();
    let creates = 0;
    let validations = 0;
    let passed = 0;
    const validator = createUsersValidator({ dao });
    const users = createUsersService({
      uow,
      notifier: createUsersNotifier(),
      dao: {
        ...dao,
        // The first transaction holds its uncommitted row until the second has validated.
        create: async (tx, scope, tenant, values) => {
          const user = await dao.create(tx, scope, tenant, values);
          if (creates++ === 0) {
            firstInserted.open();
            await secondValidated.opened;
          }
          return user;
        },
      },
      validator: {
        ...validator,
        // The second validates while the first row is uncommitted, so it sees no owner.
        validateCreate: async (tx, state) => {
          const call = validations++;
          if (call === 1) await firstInserted.opened;
          await validator.validateCreate(tx, state);
          passed++;
          if (call === 1) secondValidated.open();
        },
      },
    });

    const input = { firstname: 'Race', email: 'race@example.com' };
    const first = users.create(scopeOf(A), A, input);
    // Observed at once: the second may fail before the first resolves, and a rejection nobody
    // is listening to yet is reported by the test runner as unhandled.
    const secondOutcome = rejection(users.create(scopeOf(A), A, input));
    assert.equal((await first).email, 'race@example.com');
    const err = await secondOutcome;
    assert.equal(passed, 2, 'both creates passed the validator: the database refused the second');
    assert.equal(err.message, "Resource Error - User already exists ('email': 'race@example.com')");
    assert.ok(err instanceof InvalidDataError, 'a 400, not a 500');
    assert.equal(await userRows(), '1');
    assert.equal(await outboxRows(), '1');
  });

  it("when a write names a tenant that does not exist, then it is Wazo's reference error", async () => {
    const tenant = randomUUID();
    const err = await rejection(uow.run((tx) => dao.create(tx, scopeOf(tenant), tenant, { firstname: 'X' })));
    assert.equal(
      err.message,
      `Input Error - field 'tenant_uuid': Tenant was not found ('tenant_uuid': '${tenant}')`,
    );
  });

  it('when a check constraint refuses a value, then it is an input error on the field', async () => {
    const err = await rejection(
      uow.run((tx) => dao.create(tx, scopeOf(A), A, { firstname: 'X', ring_seconds: 99999 })),
    );
    assert.equal(
      err.message,
      "Input Error - ring_seconds: ['Must be greater than or equal to 0 and less than or equal to 10800.']",
    );
  });

  it("when a cross-field check refuses a row, then it is the validator's wording", async () => {
    const err = await rejection(
      uow.run((tx) => dao.create(tx, scopeOf(A), A, { firstname: 'X', mobile_fallback_enabled: true })),
    );
    assert.equal(
      err.message,
      'Resource Error - PSTN fallback must be disabled when mobile phone number is not set',
    );
  });

  it('when a value is too long, out of range or of the wrong text form, then it is an input error and nothing changed', async () => {
    const long = await rejection(
      uow.run((tx) => dao.create(tx, scopeOf(A), A, { firstname: 'x'.repeat(129) })),
    );
    assert.equal(long.message, 'Input Error - Value too long: character varying(128)');
    const range = await rejection(
      uow.run((tx) => dao.create(tx, scopeOf(A), A, { firstname: 'X', ring_seconds: 2 ** 40 })),
    );
    assert.match(range.message, /^Input Error - Value out of range: /);
    const form = await rejection(
      uow.read((tx) => tx.db.selectFrom('users').where('uuid', '=', 'nope').execute()),
    );
    assert.equal(form.message, 'Input Error - Not a valid uuid: "nope"');
    assert.equal(await userRows(), '0');
  });

  it('when a search runs with an empty scope after these errors, then the pool still answers', async () => {
    assert.deepEqual(await uow.read((tx) => dao.search(tx, scopeOf(), {})), { total: 0, items: [] });
  });

  it('when the schema is read, then every unique, foreign key and check constraint has a rule', async () => {
    const { rows } = await sql<{ name: string }>`
      SELECT conname AS name FROM pg_constraint
      WHERE connamespace = current_schema()::regnamespace AND contype IN ('u', 'f', 'c', 'p')
        AND conrelid::regclass::text NOT IN ('bus_outbox', 'bus_processed_events', 'dao_migration', 'dao_migration_lock')
      UNION
      SELECT i.indexrelid::regclass::text FROM pg_index i
      WHERE i.indisunique AND i.indrelid::regclass::text IN
        (SELECT tablename FROM pg_tables WHERE schemaname = current_schema())
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)`.execute(testDb.db);
    const missing = rows.map((r) => r.name).filter((name) => !(name in constraintRules));
    assert.deepEqual(missing, []);
  });
});
