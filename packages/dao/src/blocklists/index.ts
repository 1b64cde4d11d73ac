// Public surface of the users' blocklists.
export { type BlocklistsDao, blocklistNumberSearchConfig, createBlocklistsDao } from './blocklists.dao.js';
export {
  type BlocklistNumber,
  type BlocklistNumberCreate,
  type BlocklistNumberEdit,
  blocklistNumberCreateSchema,
  blocklistNumberEditSchema,
  blocklistNumberSchema,
  type UserBlocklistNumber,
  userBlocklistNumberSchema,
} from './blocklists.model.js';
export { type BlocklistsNotifier, createBlocklistsNotifier } from './blocklists.notifier.js';
export { type BlocklistsService, createBlocklistsService } from './blocklists.service.js';
export { type BlocklistsValidator, checkDigits, createBlocklistsValidator } from './blocklists.validator.js';
export { isE164 } from './phone-number.js';
