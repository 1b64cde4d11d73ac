// Tokens: login, check, revoke, purge (reference/wazo-auth.md §2).
export { parseBasicAuth } from './basic-auth.js';
export { createLoginService, type LoginService, type PasswordChecker } from './login.service.js';
export { createPurger } from './purge.js';
export { type DeletedSession, type LoginUser, type TokenDao, tokenDao } from './token.dao.js';
export * from './token.model.js';
export { tokensPlugin } from './token.routes.js';
export { createTokenService, type TokenService } from './token.service.js';
