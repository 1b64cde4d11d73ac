export { accessFeaturesPlugin } from './access-features.routes.js';
