/**
 * Agents (Wazo's `agentfeatures`): a tenant's call-center agents, numbered uniquely per tenant;
 * skills (`queueskill`), named uniquely per tenant; an agent's skills with their weight
 * (`agentqueueskill`); a user's agent (Wazo's `userfeatures.agentid`: a user has at most one agent,
 * an agent may serve several users). Deleting a tenant deletes its agents and skills; deleting an
 * agent or a skill deletes its skill rows; deleting an agent or a user drops the user's link.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE agent (
      id serial PRIMARY KEY,
      tenant_uuid uuid NOT NULL REFERENCES tenant (uuid) ON DELETE CASCADE,
      number varchar(40) NOT NULL CHECK (number ~ '^[0-9*#]{1,40}$'),
      firstname varchar(128),
      lastname varchar(128),
      passwd varchar(128),
      language varchar(20),
      preprocess_subroutine varchar(79),
      description text,
      CONSTRAINT agent_number_tenant_key UNIQUE (number, tenant_uuid)
    );
    CREATE INDEX agent_tenant_uuid_idx ON agent (tenant_uuid);

    CREATE TABLE skill (
      id serial PRIMARY KEY,
      tenant_uuid uuid NOT NULL REFERENCES tenant (uuid) ON DELETE CASCADE,
      name varchar(64) NOT NULL CHECK (name ~ '^[-_.a-zA-Z0-9]+$'),
      description text,
      CONSTRAINT skill_name_tenant_key UNIQUE (name, tenant_uuid)
    );
    CREATE INDEX skill_tenant_uuid_idx ON skill (tenant_uuid);

    CREATE TABLE agent_skill (
      agent_id integer NOT NULL REFERENCES agent (id) ON DELETE CASCADE,
      skill_id integer NOT NULL REFERENCES skill (id) ON DELETE CASCADE,
      weight integer NOT NULL DEFAULT 0 CHECK (weight >= 0),
      PRIMARY KEY (agent_id, skill_id)
    );
    CREATE INDEX agent_skill_skill_id_idx ON agent_skill (skill_id);

    CREATE TABLE user_agent (
      user_id integer PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
      agent_id integer NOT NULL REFERENCES agent (id) ON DELETE CASCADE
    );
    CREATE INDEX user_agent_agent_id_idx ON user_agent (agent_id);
  `.execute(db);
}
