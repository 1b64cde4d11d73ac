// Public surface of a user's agent link (no agents yet: see the service).
export {
  createUserAgentsService,
  type UserAgentsService,
  type UserAgentsServiceDeps,
} from './user-agents.service.js';
