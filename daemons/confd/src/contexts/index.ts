export { contextIncludesPlugin } from './context-includes.routes.js';
export { contextRangesPlugin } from './context-ranges.routes.js';
export { contextsPlugin } from './contexts.routes.js';
