// Public surface of the registrars resource.
export { createRegistrarsDao, type RegistrarsDao, registrarSearchConfig } from './registrars.dao.js';
export {
  type Registrar,
  type RegistrarCreate,
  type RegistrarEdit,
  registrarCreateSchema,
  registrarEditSchema,
  registrarSchema,
} from './registrars.model.js';
export { createRegistrarsNotifier, type RegistrarsNotifier } from './registrars.notifier.js';
export { createRegistrarsService, type RegistrarsService } from './registrars.service.js';
export { createRegistrarsValidator, type RegistrarsValidator } from './registrars.validator.js';
