// Sessions: list and delete, per tenant and per user (reference/wazo-auth.md §4, §6).
export { type SessionDao, sessionDao } from './session.dao.js';
export type { Session, SessionList } from './session.model.js';
export { type EndedSession, type SessionNotifier, sessionNotifier } from './session.notifier.js';
export { sessionsPlugin } from './session.routes.js';
export { createSessionService, type SessionService } from './session.service.js';
