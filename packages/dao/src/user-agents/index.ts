// Public surface of a user's agent link.
export {
  createUserAgentsService,
  type UserAgentsService,
  type UserAgentsServiceDeps,
} from './user-agents.service.js';
