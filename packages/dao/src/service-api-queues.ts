/**
 * The agents', skills' and queues' services of the Service API: agents with their skills, skills,
 * queues with their extension, schedule, members and fallbacks.
 */
import { createAgentsNotifier, createAgentsService } from './agents/index.js';
import type { UnitOfWork } from './db/unit-of-work.js';
import { createFallbacksDao, createFallbacksService, QUEUE_FALLBACK_EVENTS } from './fallbacks/index.js';
import { createQueuesNotifier, createQueuesService } from './queues/index.js';
import type { Daos, Hooks } from './service-api-daos.js';

export function agentAndQueueServicesOf(uow: UnitOfWork, daos: Daos, hooks: Hooks) {
  const { agents: agentsDao, skills: skillsDao, queues: queuesDao } = daos;
  const agentServices = createAgentsService({
    uow,
    agents: agentsDao,
    skills: skillsDao,
    notifier: createAgentsNotifier(),
  });
  const queuesNotifier = createQueuesNotifier();
  return {
    agents: agentServices.agents,
    skills: agentServices.skills,
    agentSkills: agentServices.agentSkills,
    // TODO(moh): pass `musicOnHoldExists` once a MOH resource exists.
    queues: createQueuesService({
      uow,
      dao: queuesDao,
      notifier: queuesNotifier,
      agents: agentsDao,
      extensions: daos.extensions,
      contexts: daos.contexts,
      schedules: daos.schedules,
      findUser: hooks.findUser,
    }),
    queueFallbacks: createFallbacksService({
      uow,
      dao: createFallbacksDao(),
      kind: {
        resource: 'Queue',
        table: 'queue_fallback',
        ownerColumn: 'queue_id',
        events: QUEUE_FALLBACK_EVENTS,
        find: (tx, scope, key) => queuesDao.find(tx, scope, Number(key)),
        edited: queuesNotifier.fallbackEdited,
      },
    }),
  };
}
