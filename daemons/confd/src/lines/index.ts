export { lineAssociationsPlugin } from './line-associations.routes.js';
export { linesPlugin } from './lines.routes.js';
