// Refresh tokens: the offline-login rule, lists and deletes (reference/wazo-auth.md §2).
export { type RefreshTokenDao, refreshTokenDao } from './refresh-token.dao.js';
export type { RefreshToken, RefreshTokenItem, RefreshTokenList } from './refresh-token.model.js';
export { type RefreshTokenNotifier, refreshTokenNotifier } from './refresh-token.notifier.js';
export {
  createRefreshTokenRevocation,
  type RefreshTokenRevocation,
} from './refresh-token.revocation.js';
export { refreshTokensPlugin } from './refresh-token.routes.js';
export {
  createRefreshTokenService,
  type IssueRequest,
  type RefreshTokenService,
} from './refresh-token.service.js';
