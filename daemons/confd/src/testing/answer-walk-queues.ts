/**
 * The answer walk's part for agents, skills and queues: an agent with a skill and the user,
 * a queue with every field, an extension, a schedule, both kinds of members and fallbacks, read
 * through every route (and through the user), changed, then removed again.
 */
type Call = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, body?: unknown) => Promise<unknown>;
type Owner = { id: number; uuid: string };

export async function walkAgentsAndQueues(call: Call, user: Owner, context: string): Promise<void> {
  const agent = (await call('POST', '/agents', {
    number: '8000',
    firstname: 'Agent',
    lastname: 'Smith',
    password: 'secret',
    language: 'en_US',
    preprocess_subroutine: 'sub',
    description: 'the first agent',
  })) as { id: number };
  const bare = (await call('POST', '/agents', { number: '8001' })) as { id: number };
  const skill = (await call('POST', '/agents/skills', { name: 'english', description: 'speaks it' })) as {
    id: number;
  };
  await call('PUT', `/agents/${agent.id}/skills/${skill.id}`, { skill_weight: 5 });
  await call('PUT', `/users/${user.uuid}/agents/${agent.id}`);
  const queue = (await call('POST', '/queues', {
    name: 'support',
    label: 'Support',
    timeout: 30,
    music_on_hold: 'default',
    caller_id_mode: 'prepend',
    caller_id_name: 'Q-',
    wait_time_threshold: 10,
    wait_time_destination: { type: 'user', user_id: user.id },
    wait_ratio_threshold: 1.5,
    wait_ratio_destination: { type: 'none' },
    options: [['joinempty', 'yes']],
  })) as { id: number };
  const plain = (await call('POST', '/queues', { name: 'plain' })) as { id: number };
  const extension = (await call('POST', '/extensions', { exten: '3000', context })) as { id: number };
  await call('PUT', `/queues/${queue.id}/extensions/${extension.id}`);
  const schedule = (await call('POST', '/schedules', {
    name: 'queue hours',
    closed_destination: { type: 'queue', queue_id: plain.id, ring_time: 10 },
  })) as { id: number };
  await call('PUT', `/queues/${queue.id}/schedules/${schedule.id}`);
  await call('PUT', `/queues/${queue.id}/members/agents/${agent.id}`, { penalty: 2, priority: 1 });
  await call('PUT', `/queues/${queue.id}/members/users/${user.uuid}`, { priority: 3 });
  await call('PUT', `/queues/${queue.id}/fallbacks`, {
    noanswer_destination: { type: 'queue', queue_id: plain.id },
    fail_destination: { type: 'none' },
  });
  for (const list of ['/agents', '/agents/skills', '/queues']) await call('GET', `${list}?recurse=true`);
  await call('GET', `/agents/${agent.id}`);
  await call('GET', `/agents/skills/${skill.id}`);
  await call('GET', `/queues/${queue.id}`);
  await call('GET', `/queues/${queue.id}/fallbacks`);
  await call('GET', `/extensions/${extension.id}`);
  await call('GET', `/schedules/${schedule.id}`);
  await call('GET', `/users/${user.uuid}`);
  await call('PUT', `/agents/${agent.id}`, { description: null });
  await call('PUT', `/agents/skills/${skill.id}`, { description: null });
  await call('PUT', `/queues/${queue.id}`, { label: 'Help desk', wait_time_destination: null });
  await call('DELETE', `/queues/${queue.id}/members/users/${user.uuid}`);
  await call('DELETE', `/queues/${queue.id}/members/agents/${agent.id}`);
  await call('DELETE', `/queues/${queue.id}/schedules/${schedule.id}`);
  await call('DELETE', `/queues/${queue.id}/extensions/${extension.id}`);
  await call('DELETE', `/users/${user.id}/agents`);
  await call('DELETE', `/agents/${agent.id}/skills/${skill.id}`);
  await call('DELETE', `/schedules/${schedule.id}`);
  await call('DELETE', `/extensions/${extension.id}`);
  for (const id of [queue.id, plain.id]) await call('DELETE', `/queues/${id}`);
  await call('DELETE', `/agents/skills/${skill.id}`);
  for (const id of [agent.id, bare.id]) await call('DELETE', `/agents/${id}`);
}

/** An agent with a skill, and a queue with the agent and `user` as members, kept for other tests. */
export async function seedAgentsAndQueues(call: Call, user: Owner) {
  const agent = (await call('POST', '/agents', { number: '8100', firstname: 'Seed' })) as { id: number };
  const skill = (await call('POST', '/agents/skills', { name: 'seeded' })) as { id: number };
  await call('PUT', `/agents/${agent.id}/skills/${skill.id}`, { skill_weight: 1 });
  const queue = (await call('POST', '/queues', { name: 'seeded', label: 'Seeded' })) as { id: number };
  await call('PUT', `/queues/${queue.id}/members/agents/${agent.id}`, { penalty: 1, priority: 1 });
  await call('PUT', `/queues/${queue.id}/members/users/${user.id}`, { priority: 1 });
  await call('PUT', `/queues/${queue.id}/fallbacks`, { noanswer_destination: { type: 'none' } });
  await call('PUT', `/agents/${agent.id}`, { lastname: 'Agent' });
  await call('PUT', `/agents/skills/${skill.id}`, { description: 'seeded skill' });
  await call('PUT', `/queues/${queue.id}`, { timeout: 20 });
  return { agent, skill, queue };
}
