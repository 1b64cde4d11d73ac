// Public surface of the function keys resource.
export {
  destinationParameters,
  FUNC_KEY_DESTINATION_TYPES,
  type FuncKeyDestinationInput,
  type FuncKeyDestinationType,
} from './func-key-destinations.js';
export { createFuncKeysDao, type FuncKeysDao, funcKeyTemplateSearchConfig } from './func-keys.dao.js';
export {
  type FuncKey,
  type FuncKeyInput,
  type FuncKeyTemplate,
  type FuncKeyTemplateInput,
  type FuncKeyTemplateUser,
  funcKeyInputSchema,
  funcKeySchema,
  funcKeyTemplateInputSchema,
  funcKeyTemplateSchema,
  funcKeyTemplateUserSchema,
  type UnifiedFuncKeys,
  unifiedFuncKeysSchema,
} from './func-keys.model.js';
export { createFuncKeysNotifier, type FuncKeysNotifier } from './func-keys.notifier.js';
export {
  createFuncKeysService,
  type FuncKeysService,
  type FuncKeysServiceDeps,
} from './func-keys.service.js';
export {
  createFuncKeysValidator,
  type FindGroup,
  type FuncKeysValidator,
  type FuncKeysValidatorDeps,
  positionOf,
} from './func-keys.validator.js';
