// Public surface of the users export (GET /users/export's rows).
export { createUserExportDao, type UserExportDao } from './user-export.dao.js';
export { USER_EXPORT_COLUMNS, type UserExportColumn, type UserExportRow } from './user-export.model.js';
export {
  createUserExportService,
  type UserExportService,
  type UserExportServiceDeps,
} from './user-export.service.js';
