// wazo-auth's own token checks: the kit's TokenVerifier reading wazo-auth's database.
export { createLocalTokenVerifier } from './local-verifier.js';
