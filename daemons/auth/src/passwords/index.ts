// Password hashing in Wazo's format, for users, the bootstrap and the token login.
export {
  DEFAULT_PASSWORD_ITERATIONS,
  hashPassword,
  type PasswordHash,
  verifyAgainstDummy,
  verifyPassword,
} from './passwords.js';
