export { extensionFeaturesPlugin } from './extension-features.routes.js';
