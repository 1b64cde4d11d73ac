// Token events are session events: a token's life is its session's (one each way).
export {
  type SessionNotifier as TokenNotifier,
  sessionNotifier as tokenNotifier,
} from '../sessions/session.notifier.js';
