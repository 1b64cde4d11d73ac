export { extensionsPlugin } from './extensions.routes.js';
