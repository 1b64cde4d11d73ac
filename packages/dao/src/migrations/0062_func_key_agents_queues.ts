/**
 * A function key to an agent (`agent`: login, logout, toggle) or a queue names it, so the key goes
 * with it, as Wazo's `func_key_dest_agent` and `func_key_dest_queue` rows do. No such key could be
 * stored before agents and queues existed, so there is nothing to fill.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE func_key_mapping
      ADD COLUMN agent_id integer REFERENCES agent (id) ON DELETE CASCADE,
      ADD COLUMN queue_id integer REFERENCES queue (id) ON DELETE CASCADE;
    CREATE INDEX func_key_mapping__idx__agent_id ON func_key_mapping (agent_id);
    CREATE INDEX func_key_mapping__idx__queue_id ON func_key_mapping (queue_id);
  `.execute(db);
}
