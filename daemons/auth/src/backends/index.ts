export { backendsPlugin, SUPPORTED_BACKENDS } from './backends.routes.js';
