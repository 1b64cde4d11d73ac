// Public surface of the queues, their extension, schedule and members.
export { createQueuesDao, type QueuesDao, queueSearchConfig } from './queues.dao.js';
export {
  DEFAULT_QUEUE_OPTIONS,
  type Queue,
  type QueueCreate,
  type QueueEdit,
  type QueueMemberAgentBody,
  type QueueMemberUserBody,
  queueCreateSchema,
  queueEditSchema,
  queueMemberAgentBodySchema,
  queueMemberUserBodySchema,
  queueSchema,
} from './queues.model.js';
export { createQueuesNotifier, type QueuesNotifier } from './queues.notifier.js';
export { createQueuesService, type QueuesService, type QueuesServiceDeps } from './queues.service.js';
