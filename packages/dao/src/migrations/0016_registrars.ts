/**
 * SIP registrars and proxies phones are provisioned with (`/registrars`), which Wazo keeps in
 * wazo-provd's configs. The system has one, `default`, from installation: it cannot be told
 * apart from the others except that it is not deletable.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE registrar (
      id varchar(128) PRIMARY KEY,
      deletable boolean NOT NULL DEFAULT true,
      name text,
      main_host text NOT NULL,
      main_port integer,
      backup_host text,
      backup_port integer,
      proxy_main_host text NOT NULL,
      proxy_main_port integer,
      proxy_backup_host text,
      proxy_backup_port integer,
      outbound_proxy_host text,
      outbound_proxy_port integer
    )`.execute(db);
  await sql`
    INSERT INTO registrar (id, deletable, name, main_host, proxy_main_host)
    VALUES ('default', false, 'local', '127.0.0.1', '127.0.0.1')`.execute(db);
}
