export { registrarsPlugin } from './registrars.routes.js';
