export {
  queueExtensionsPlugin,
  queueMembersPlugin,
  queueSchedulesPlugin,
  queuesPlugin,
} from './queues.routes.js';
