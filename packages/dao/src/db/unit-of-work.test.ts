/**
 * Nested units of work on a real PostgreSQL: a `run` inside a `run` joins the outer transaction,
 * so several service calls commit together with all their events, or none of them does.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { userCreated } from '@wazo-ts/bus';
import { sql } from 'kysely';
import { createMigratedTestDatabase, type MigratedTestDatabase } from '../testing/index.js';
import type { UnitOfWork } from './unit-of-work.js';

let database: MigratedTestDatabase;
let uow: UnitOfWork;

before(async () => {
  database = await createMigratedTestDatabase({ prefix: 'wazo_dao_uow' });
  uow = database.uow();
});
after(() => database?.drop());

const tenantCount = async (uuid: string) =>
  Number((await database.pool.query('SELECT count(*) AS n FROM tenant WHERE uuid = $1', [uuid])).rows[0].n);
const outboxCount = async () =>
  Number((await database.pool.query('SELECT count(*) AS n FROM bus_outbox')).rows[0].n);

const insertTenant = (uuid: string) =>
  uow.run(async (tx) => {
    await sql`INSERT INTO tenant (uuid) VALUES (${uuid})`.execute(tx.db);
    tx.events.add(
      userCreated.build(
        { id: 1, uuid, subscription_type: 0, created_at: '2024-01-01 00:00:00', tenant_uuid: uuid },
        { tenantUuid: uuid },
      ),
    );
  });

describe('unit of work nesting', () => {
  it('when inner runs succeed, then they commit with the outer one, events included', async () => {
    const [a, b] = [randomUUID(), randomUUID()];
    const events = await outboxCount();
    await uow.run(async () => {
      await insertTenant(a);
      await insertTenant(b);
      // A read inside the unit sees the rows not yet committed.
      const seen = await uow.read((tx) => sql`SELECT 1 FROM tenant WHERE uuid = ${a}`.execute(tx.db));
      assert.equal(seen.rows.length, 1);
    });
    assert.equal(await tenantCount(a), 1);
    assert.equal(await tenantCount(b), 1);
    assert.equal(await outboxCount(), events + 2);
  });

  it('when the outer work fails after inner runs, then nothing of them stays, events neither', async () => {
    const a = randomUUID();
    const events = await outboxCount();
    await assert.rejects(
      uow.run(async () => {
        await insertTenant(a);
        throw new Error('later step failed');
      }),
      /later step failed/,
    );
    assert.equal(await tenantCount(a), 0);
    assert.equal(await outboxCount(), events);
  });

  it('when two units run at once, then each keeps its own transaction', async () => {
    const [a, b] = [randomUUID(), randomUUID()];
    const failing = uow.run(async () => {
      await insertTenant(a);
      await new Promise((resolve) => setTimeout(resolve, 20));
      throw new Error('first fails');
    });
    const passing = uow.run(async () => insertTenant(b));
    await assert.rejects(failing);
    await passing;
    assert.equal(await tenantCount(a), 0);
    assert.equal(await tenantCount(b), 1);
  });
});
