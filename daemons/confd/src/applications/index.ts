export { applicationsPlugin } from './applications.routes.js';
export { lineApplicationsPlugin } from './line-applications.routes.js';
