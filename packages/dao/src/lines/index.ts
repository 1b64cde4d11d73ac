// Public surface of the lines resource.
export { createLinesDao, type LinesDao, lineSearchConfig } from './lines.dao.js';
export * from './lines.model.js';
export { createLinesNotifier, type LinesNotifier } from './lines.notifier.js';
export { createLinesService, type LinesService, type LinesServiceDeps } from './lines.service.js';
export { createLinesValidator, type LinesValidator } from './lines.validator.js';
