/**
 * wazo-confd's test_agents, test_skills, test_agent_skill and test_user_agent checklists on a
 * real PostgreSQL: minimal body and Wazo's defaults, field errors changing nothing, unique number
 * and name per tenant, search/sort/paging, 404s across tenants and `recurse`, the events'
 * envelope, relations shown on both sides, cleanup on delete.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { createMigratedTestDatabase, type MigratedTestDatabase } from '@wazo-ts/dao/testing';
import { answerLinksPlugin } from '../common/answer-links.js';
import { caller, lastOutboxId, outboxNames, rowCount, sentSince } from '../testing/route-calls.js';
import { buildTestApi, type TestApi } from '../testing/test-app.js';
import { userAgentsPlugin } from '../user-parts/index.js';
import { usersPlugin } from '../users/index.js';
import { agentSkillsPlugin, agentsPlugin, skillsPlugin } from './agents.routes.js';

let database: MigratedTestDatabase;
let api: TestApi;
let call: ReturnType<typeof caller>;
const tenant1 = randomUUID();
const child1 = randomUUID();
const tenant2 = randomUUID();
const base = 'http://localhost:80/1.1';

before(async () => {
  database = await createMigratedTestDatabase({ prefix: 'wazo_confd_agents' });
  api = await buildTestApi(database, [
    answerLinksPlugin,
    agentsPlugin,
    skillsPlugin,
    agentSkillsPlugin,
    usersPlugin,
    userAgentsPlugin,
  ]);
  call = caller(api);
  api.addSubtenant(tenant1, child1);
  api.verifier.add({ token: 'admin1', acl: ['confd.#'], metadata: { tenant_uuid: tenant1 } });
  api.verifier.add({ token: 'admin2', acl: ['confd.#'], metadata: { tenant_uuid: tenant2 } });
  api.verifier.add({ token: 'reader', acl: ['confd.agents.read'], metadata: { tenant_uuid: tenant1 } });
  for (const tenant of [tenant1, child1, tenant2]) await api.resources.services.tenants.ensure(tenant);
});
after(async () => {
  await api?.app.close();
  await database?.drop();
});

let numbers = 1000;
const createAgent = async (body: object = {}, token = 'admin1', tenant?: string) => {
  const res = await call('POST', '/agents', token, { number: String(numbers++), ...body }, tenant);
  assert.equal(res.statusCode, 201, res.body);
  return res.json();
};
const createSkill = async (name: string, token = 'admin1', tenant?: string) => {
  const res = await call('POST', '/agents/skills', token, { name }, tenant);
  assert.equal(res.statusCode, 201, res.body);
  return res.json();
};
const createUser = async (firstname: string, token = 'admin1') => {
  const res = await call('POST', '/users', token, { firstname });
  assert.equal(res.statusCode, 201, res.body);
  return res.json();
};

describe('agents', () => {
  it('when created with a number only, then Wazo defaults, a Location and agent_created', async () => {
    const from = await lastOutboxId(database);
    const res = await call('POST', '/agents', 'admin1', { number: '1*#9' });
    assert.equal(res.statusCode, 201, res.body);
    const created = res.json();
    assert.deepEqual(created, {
      id: created.id,
      tenant_uuid: tenant1,
      number: '1*#9',
      firstname: null,
      lastname: null,
      password: null,
      language: null,
      preprocess_subroutine: null,
      description: null,
      queues: [],
      skills: [],
      users: [],
      links: [{ rel: 'agents', href: `${base}/agents/${created.id}` }],
    });
    assert.match(String(res.headers.location), new RegExp(`/1\\.1/agents/${created.id}$`));
    const [event] = await sentSince(database, from);
    assert.deepEqual(
      [event?.name, event?.routing_key, event?.data, event?.headers.tenant_uuid],
      ['agent_created', 'config.agent.created', { id: created.id }, tenant1],
    );
    assert.deepEqual((await call('GET', `/agents/${created.id}`, 'admin1')).json(), created);
  });

  it('when created with every field, then each is kept; an edit changes all but the number', async () => {
    const body = {
      firstname: 'Jane',
      lastname: 'Doe',
      password: 'secret',
      language: 'fr_FR',
      preprocess_subroutine: 'sub',
      description: 'desc',
    };
    const created = await createAgent(body);
    assert.deepEqual(
      { ...created, id: 0, links: [], number: '' },
      {
        ...body,
        id: 0,
        links: [],
        number: '',
        tenant_uuid: tenant1,
        queues: [],
        skills: [],
        users: [],
      },
    );
    const from = await lastOutboxId(database);
    const edit = { number: '999', firstname: 'John', lastname: null, password: null, description: null };
    assert.equal((await call('PUT', `/agents/${created.id}`, 'admin1', edit)).statusCode, 204);
    const read = (await call('GET', `/agents/${created.id}`, 'admin1')).json();
    assert.deepEqual(read, {
      ...created,
      firstname: 'John',
      lastname: null,
      password: null,
      description: null,
    });
    assert.deepEqual(
      (await sentSince(database, from)).map((e) => [e.name, e.routing_key, e.data]),
      [['agent_edited', 'config.agent.edited', { id: created.id }]],
    );
  });

  it("when a field is wrong, then Wazo's words and nothing is written", async () => {
    const before = await rowCount(database, 'agent');
    const cases: [object, string][] = [
      [{}, "Input Error - number: ['Missing data for required field.']"],
      [{ number: 123 }, "Input Error - number: ['Not a valid string.']"],
      [{ number: 'invalid' }, "Input Error - number: ['String does not match expected pattern.']"],
      [{ number: '' }, "Input Error - number: ['String does not match expected pattern.']"],
      [{ number: '1'.repeat(41) }, "Input Error - number: ['String does not match expected pattern.']"],
      [{ number: '1', firstname: 123 }, "Input Error - firstname: ['Not a valid string.']"],
      [
        { number: '1', firstname: 'x'.repeat(129) },
        "Input Error - firstname: ['Longer than maximum length 128.']",
      ],
      [{ number: '1', lastname: [] }, "Input Error - lastname: ['Not a valid string.']"],
      [
        { number: '1', password: 'x'.repeat(129) },
        "Input Error - password: ['Longer than maximum length 128.']",
      ],
      [
        { number: '1', language: 'x'.repeat(21) },
        "Input Error - language: ['Longer than maximum length 20.']",
      ],
      [{ number: '1', description: true }, "Input Error - description: ['Not a valid string.']"],
      [
        { number: '1', preprocess_subroutine: 'x'.repeat(80) },
        "Input Error - preprocess_subroutine: ['Longer than maximum length 79.']",
      ],
    ];
    for (const [body, message] of cases) {
      const res = await call('POST', '/agents', 'admin1', body);
      assert.equal(res.statusCode, 400, JSON.stringify(body));
      assert.deepEqual(res.json(), [message], JSON.stringify(body));
    }
    const created = await createAgent();
    for (const [body, message] of cases.slice(5)) {
      const res = await call('PUT', `/agents/${created.id}`, 'admin1', body);
      assert.deepEqual(res.json(), [message], `PUT ${JSON.stringify(body)}`);
    }
    assert.equal(await rowCount(database, 'agent'), before + 1);
  });

  it('when a number is taken in the tenant, then it already exists; another tenant may use it', async () => {
    await createAgent({ number: '5555' });
    const res = await call('POST', '/agents', 'admin1', { number: '5555' });
    assert.deepEqual(res.json(), ["Resource Error - Agent already exists ('number': '5555')"]);
    assert.equal((await createAgent({ number: '5555' }, 'admin2')).tenant_uuid, tenant2);
  });

  it('when listed, then searched, filtered, sorted by id by default and paged', async () => {
    const a = await createAgent({ firstname: 'Search', lastname: 'Zed', preprocess_subroutine: 'findme' });
    const b = await createAgent({ firstname: 'Hidden', lastname: 'Alpha' });
    const list = async (query: string) => (await call('GET', `/agents?${query}`, 'admin1')).json();
    const ids = (page: { items: { id: number }[] }) => page.items.map((item) => item.id);
    assert.deepEqual(ids(await list('search=search')), [a.id]);
    assert.deepEqual(ids(await list('search=findme')), [a.id]);
    assert.deepEqual(ids(await list(`number=${b.number}`)), [b.id]);
    assert.deepEqual(ids(await list('firstname=Hidden')), [b.id]);
    const all = await list('');
    const sorted = ids(all);
    assert.deepEqual(
      sorted,
      [...sorted].sort((x, y) => x - y),
    );
    const byLastname = ids(await list('order=lastname&limit=1000'));
    assert.ok(byLastname.indexOf(b.id) < byLastname.indexOf(a.id), 'Alpha before Zed');
    const desc = ids(await list('order=lastname&direction=desc&limit=1000'));
    assert.ok(desc.indexOf(a.id) < desc.indexOf(b.id), 'Zed before Alpha');
    const page = await list('limit=1&offset=1');
    assert.deepEqual([page.total, ids(page)], [all.total, [sorted[1]]]);
    assert.deepEqual(await list('order=password'), ["Input Error - order: column 'password' was not found"]);
  });

  it('when tenants list theirs, then each sees its own, recurse adds the sub-tenants; others get 404', async () => {
    const main = await createAgent();
    const sub = await createAgent({}, 'admin1', child1);
    assert.equal(sub.tenant_uuid, child1);
    const ids = async (query: string, tenant?: string) =>
      (await call('GET', `/agents?${query}`, 'admin1', undefined, tenant))
        .json()
        .items.map((i: { id: number }) => i.id);
    assert.ok(!(await ids('')).includes(sub.id));
    assert.ok((await ids('recurse=true')).includes(sub.id));
    assert.deepEqual(await ids('', child1), [sub.id]);
    const message = [`Resource Not Found - Agent was not found ('id': ${main.id})`];
    const before = await outboxNames(database);
    assert.deepEqual((await call('GET', `/agents/${main.id}`, 'admin2')).json(), message);
    assert.deepEqual((await call('PUT', `/agents/${main.id}`, 'admin2', { firstname: 'x' })).json(), message);
    assert.deepEqual((await call('DELETE', `/agents/${main.id}`, 'admin2')).json(), message);
    assert.deepEqual((await call('GET', `/agents/${main.id}`, 'admin1', undefined, child1)).json(), message);
    assert.equal((await call('GET', '/agents/abc', 'admin1')).statusCode, 404);
    assert.deepEqual(await outboxNames(database), before);
    assert.equal((await call('GET', `/agents/${sub.id}`, 'admin1')).statusCode, 200);
  });

  it('when the token lacks the ACL, then 401', async () => {
    assert.equal((await call('GET', '/agents', 'reader')).statusCode, 200);
    assert.equal((await call('POST', '/agents', 'reader', { number: '1' })).statusCode, 401);
  });
});

describe('skills', () => {
  it('when created, edited, listed and deleted, then as Wazo with its events', async () => {
    const from = await lastOutboxId(database);
    const res = await call('POST', '/agents/skills', 'admin1', { name: 'english' });
    assert.equal(res.statusCode, 201, res.body);
    const skill = res.json();
    assert.deepEqual(skill, {
      id: skill.id,
      tenant_uuid: tenant1,
      name: 'english',
      description: null,
      agents: [],
      links: [{ rel: 'skills', href: `${base}/agents/skills/${skill.id}` }],
    });
    assert.match(String(res.headers.location), new RegExp(`/1\\.1/agents/skills/${skill.id}$`));
    assert.equal(
      (await call('PUT', `/agents/skills/${skill.id}`, 'admin1', { description: 'En' })).statusCode,
      204,
    );
    assert.equal((await call('GET', `/agents/skills/${skill.id}`, 'admin1')).json().description, 'En');
    await createSkill('french');
    const names = async (query: string) =>
      (await call('GET', `/agents/skills?${query}`, 'admin1'))
        .json()
        .items.map((i: { name: string }) => i.name);
    assert.deepEqual(await names(''), ['english', 'french']);
    assert.deepEqual(await names('direction=desc'), ['french', 'english']);
    assert.deepEqual(await names('search=ENGL'), ['english']);
    assert.deepEqual(await names('description=En'), ['english']);
    assert.equal((await call('DELETE', `/agents/skills/${skill.id}`, 'admin1')).statusCode, 204);
    assert.equal((await call('GET', `/agents/skills/${skill.id}`, 'admin1')).statusCode, 404);
    const sent = (await sentSince(database, from)).filter((e) => e.name.startsWith('skill'));
    assert.deepEqual(
      sent.map((e) => [e.name, e.routing_key, e.headers.tenant_uuid]),
      [
        ['skill_created', 'config.agents.skills.created', tenant1],
        ['skill_edited', 'config.agents.skills.edited', tenant1],
        ['skill_created', 'config.agents.skills.created', tenant1],
        ['skill_deleted', 'config.agents.skills.deleted', tenant1],
      ],
    );
  });

  it("when a name is wrong or taken, then Wazo's words and nothing is written", async () => {
    await createSkill('taken');
    const before = await rowCount(database, 'skill');
    const cases: [object, string][] = [
      [{}, "Input Error - name: ['Missing data for required field.']"],
      [{ name: 'with space' }, "Input Error - name: ['String does not match expected pattern.']"],
      [{ name: 'x'.repeat(65) }, "Input Error - name: ['Longer than maximum length 64.']"],
      [{ name: 'ok', description: 1 }, "Input Error - description: ['Not a valid string.']"],
      [{ name: 'taken' }, "Resource Error - Skill already exists ('name': 'taken')"],
    ];
    for (const [body, message] of cases) {
      assert.deepEqual(
        (await call('POST', '/agents/skills', 'admin1', body)).json(),
        [message],
        JSON.stringify(body),
      );
    }
    const other = await createSkill('other');
    assert.deepEqual((await call('PUT', `/agents/skills/${other.id}`, 'admin1', { name: 'taken' })).json(), [
      "Resource Error - Skill already exists ('name': 'taken')",
    ]);
    assert.equal(
      (await call('PUT', `/agents/skills/${other.id}`, 'admin1', { name: 'other' })).statusCode,
      204,
    );
    assert.equal(await rowCount(database, 'skill'), before + 1);
    assert.equal((await createSkill('taken', 'admin2')).tenant_uuid, tenant2);
    assert.deepEqual((await call('GET', `/agents/skills/${other.id}`, 'admin2')).json(), [
      `Resource Not Found - Skill was not found ('id': ${other.id})`,
    ]);
  });
});

describe('agent skills', () => {
  it('when a skill is given with a weight, then both sides show it, the weight changes without event, and it goes', async () => {
    const agent = await createAgent({ firstname: 'Ann' });
    const skill = await createSkill('support');
    const from = await lastOutboxId(database);
    const path = `/agents/${agent.id}/skills/${skill.id}`;
    assert.equal((await call('PUT', path, 'admin1', { skill_weight: 3 })).statusCode, 204);
    assert.deepEqual((await call('GET', `/agents/${agent.id}`, 'admin1')).json().skills, [
      {
        skill_weight: 3,
        id: skill.id,
        name: 'support',
        links: [{ rel: 'skills', href: `${base}/agents/skills/${skill.id}` }],
      },
    ]);
    assert.deepEqual((await call('GET', `/agents/skills/${skill.id}`, 'admin1')).json().agents, [
      {
        skill_weight: 3,
        id: agent.id,
        number: agent.number,
        firstname: 'Ann',
        lastname: null,
        links: [{ rel: 'agents', href: `${base}/agents/${agent.id}` }],
      },
    ]);
    assert.equal((await call('PUT', path, 'admin1', {})).statusCode, 204);
    assert.equal((await call('GET', `/agents/${agent.id}`, 'admin1')).json().skills[0].skill_weight, 0);
    assert.deepEqual((await call('PUT', path, 'admin1', { skill_weight: -1 })).json(), [
      "Input Error - skill_weight: ['Must be greater than or equal to 0.']",
    ]);
    assert.equal((await call('DELETE', path, 'admin1')).statusCode, 204);
    assert.equal((await call('DELETE', path, 'admin1')).statusCode, 204);
    assert.deepEqual((await call('GET', `/agents/${agent.id}`, 'admin1')).json().skills, []);
    assert.deepEqual(
      (await sentSince(database, from)).map((e) => [e.name, e.routing_key, e.data, e.headers.tenant_uuid]),
      [
        [
          'agent_skill_associated',
          'config.agents.skills.updated',
          { agent_id: agent.id, skill_id: skill.id },
          tenant1,
        ],
        [
          'agent_skill_dissociated',
          'config.agents.skills.deleted',
          { agent_id: agent.id, skill_id: skill.id },
          tenant1,
        ],
      ],
    );
  });

  it('when the agent or skill is unknown or of another tenant, then 404 or different tenants', async () => {
    const agent = await createAgent();
    const skill = await createSkill('elsewhere', 'admin1', child1);
    assert.deepEqual((await call('PUT', `/agents/${agent.id}/skills/999999`, 'admin1', {})).json(), [
      "Resource Not Found - Skill was not found ('id': 999999)",
    ]);
    assert.deepEqual((await call('PUT', `/agents/999999/skills/${skill.id}`, 'admin1', {})).json(), [
      "Resource Not Found - Agent was not found ('id': 999999)",
    ]);
    const res = await call('PUT', `/agents/${agent.id}/skills/${skill.id}`, 'admin1', {});
    assert.equal(res.statusCode, 400);
    assert.deepEqual(res.json(), [
      `Resource Error - different tenants ('agent_tenant_uuid': '${tenant1}', 'skill_tenant_uuid': '${child1}')`,
    ]);
  });

  it('when the agent or the skill is deleted, then the other no longer shows it', async () => {
    const agent = await createAgent();
    const skill = await createSkill('ephemeral');
    await call('PUT', `/agents/${agent.id}/skills/${skill.id}`, 'admin1', {});
    assert.equal((await call('DELETE', `/agents/skills/${skill.id}`, 'admin1')).statusCode, 204);
    assert.deepEqual((await call('GET', `/agents/${agent.id}`, 'admin1')).json().skills, []);
    const kept = await createSkill('kept');
    await call('PUT', `/agents/${agent.id}/skills/${kept.id}`, 'admin1', {});
    assert.equal((await call('DELETE', `/agents/${agent.id}`, 'admin1')).statusCode, 204);
    assert.deepEqual((await call('GET', `/agents/skills/${kept.id}`, 'admin1')).json().agents, []);
  });
});

describe('user agents', () => {
  it('when a user gets an agent, then both show it, a second agent is refused, and it goes on dissociation', async () => {
    const user = await createUser('Uma');
    const agent = await createAgent();
    const other = await createAgent();
    const from = await lastOutboxId(database);
    assert.equal((await call('PUT', `/users/${user.uuid}/agents/${agent.id}`, 'admin1')).statusCode, 204);
    assert.equal((await call('PUT', `/users/${user.id}/agents/${agent.id}`, 'admin1')).statusCode, 204);
    assert.deepEqual((await call('GET', `/users/${user.id}`, 'admin1')).json().agent, {
      id: agent.id,
      number: agent.number,
      links: [{ rel: 'agents', href: `${base}/agents/${agent.id}` }],
    });
    const directory = (await call('GET', '/users?view=directory', 'admin1')).json();
    const row = directory.items.find((item: { uuid: string }) => item.uuid === user.uuid);
    assert.equal(row.agent_id, agent.id);
    assert.deepEqual((await call('GET', `/agents/${agent.id}`, 'admin1')).json().users, [
      {
        uuid: user.uuid,
        firstname: 'Uma',
        lastname: null,
        links: [{ rel: 'users', href: `${base}/users/${user.uuid}` }],
      },
    ]);
    assert.deepEqual((await call('PUT', `/users/${user.id}/agents/${other.id}`, 'admin1')).json(), [
      `Resource Error - User is associated with a Agent ('user_id': ${user.id}, 'agent': ${other.id})`,
    ]);
    assert.equal((await call('DELETE', `/users/${user.id}/agents`, 'admin1')).statusCode, 204);
    assert.equal((await call('DELETE', `/users/${user.id}/agents`, 'admin1')).statusCode, 204);
    assert.equal((await call('GET', `/users/${user.id}`, 'admin1')).json().agent, null);
    const sent = await sentSince(database, from);
    assert.deepEqual(
      sent.map((e) => [
        e.name,
        e.routing_key,
        e.data,
        e.headers.tenant_uuid,
        e.headers[`user_uuid:${user.uuid}`],
      ]),
      [
        [
          'user_agent_associated',
          `config.users.${user.uuid}.agents.updated`,
          { user_uuid: user.uuid, agent_id: agent.id },
          tenant1,
          true,
        ],
        [
          'user_agent_dissociated',
          `config.users.${user.uuid}.agents.deleted`,
          { user_uuid: user.uuid, agent_id: agent.id },
          tenant1,
          true,
        ],
      ],
    );
  });

  it('when the agent is unknown, of another tenant, or deleted, then 404, different tenants, or no agent', async () => {
    const user = await createUser('Vic');
    assert.deepEqual((await call('PUT', `/users/${user.id}/agents/999999`, 'admin1')).json(), [
      "Resource Not Found - Agent was not found ('id': 999999)",
    ]);
    const foreign = await createAgent({}, 'admin2');
    assert.equal((await call('PUT', `/users/${user.id}/agents/${foreign.id}`, 'admin1')).statusCode, 404);
    const sub = await createAgent({}, 'admin1', child1);
    assert.deepEqual((await call('PUT', `/users/${user.id}/agents/${sub.id}`, 'admin1')).json(), [
      `Resource Error - different tenants ('agent_tenant_uuid': '${child1}', 'user_tenant_uuid': '${tenant1}')`,
    ]);
    const agent = await createAgent();
    await call('PUT', `/users/${user.id}/agents/${agent.id}`, 'admin1');
    assert.equal((await call('DELETE', `/agents/${agent.id}`, 'admin1')).statusCode, 204);
    assert.equal((await call('GET', `/users/${user.id}`, 'admin1')).json().agent, null);
  });
});
