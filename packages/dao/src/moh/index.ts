// Public surface of the music on hold classes and their events.
export { createMohDao, type MohDao, mohSearchConfig } from './moh.dao.js';
export {
  MOH_MODES,
  MOH_SORTS,
  type Moh,
  type MohCreate,
  type MohEdit,
  type MohRow,
  mohCreateSchema,
  mohEditSchema,
  mohSchema,
} from './moh.model.js';
export { createMohNotifier, type MohNotifier } from './moh.notifier.js';
export { createMohService, type MohService, type MohServiceDeps } from './moh.service.js';
export { createMohValidator, type MohValidator } from './moh.validator.js';
