/**
 * The login guard's counts (a wazo-ts addition: Wazo has no guard), shared by every wazo-auth
 * process on the database: failures per kind (pair, login, address) and key in a fixed window
 * starting at `window_start` (epoch ms, the guard's clock), and the addresses each login
 * succeeded from lately.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE auth_login_failure (
      kind varchar(16) NOT NULL CHECK (kind IN ('pair', 'login', 'address')),
      key text NOT NULL,
      failures integer NOT NULL,
      window_start bigint NOT NULL,
      PRIMARY KEY (kind, key)
    );
    CREATE INDEX auth_login_failure_window_idx ON auth_login_failure (window_start);

    -- recency: the newest successes of a login are kept (sequence order breaks ties of one clock)
    CREATE SEQUENCE auth_login_known_address_recency;
    CREATE TABLE auth_login_known_address (
      login text NOT NULL,
      address text NOT NULL,
      succeeded_at bigint NOT NULL,
      recency bigint NOT NULL DEFAULT nextval('auth_login_known_address_recency'),
      PRIMARY KEY (login, address)
    );
    CREATE INDEX auth_login_known_address_at_idx ON auth_login_known_address (succeeded_at);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE auth_login_known_address; DROP SEQUENCE auth_login_known_address_recency; DROP TABLE auth_login_failure;`.execute(
    db,
  );
}
