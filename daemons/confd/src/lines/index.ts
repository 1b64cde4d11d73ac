export { linesPlugin } from './lines.routes.js';
