// Public surface of a user's outgoing caller ids.
export { CALLER_ID_TYPES, type OutgoingCallerId, outgoingCallerIdSchema } from './user-callerids.model.js';
export {
  createUserCallerIdsService,
  type UserCallerIdsService,
  type UserCallerIdsServiceDeps,
} from './user-callerids.service.js';
