/**
 * The two PJSIP transports every Wazo has from its installation (xivo-manage-db's populate), which
 * the default `global` and `webrtc` SIP templates use: `transport-udp` and `transport-wss`, both
 * bound to 0.0.0.0:5060. A transport already named so (made by hand before) is kept as it is.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    INSERT INTO pjsip_transport (name, options) VALUES
      ('transport-udp', '[["protocol", "udp"], ["bind", "0.0.0.0:5060"]]'),
      ('transport-wss', '[["protocol", "wss"], ["bind", "0.0.0.0:5060"]]')
    ON CONFLICT (name) DO NOTHING`.execute(db);
}
