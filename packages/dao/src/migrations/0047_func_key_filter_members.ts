/**
 * A function key to a call filter member (`bsfilter`) names the member it points at, so the key
 * goes with the member, as Wazo's `func_key_dest_bsfilter` rows do. No such key could be stored
 * before call filters existed, so there is nothing to fill.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE func_key_mapping
      ADD COLUMN filter_member_id integer REFERENCES call_filter_member (id) ON DELETE CASCADE;
    CREATE INDEX func_key_mapping__idx__filter_member_id ON func_key_mapping (filter_member_id);
  `.execute(db);
}
