// Public surface of the access features resource.
export {
  type AccessFeaturesDao,
  accessFeatureSearchConfig,
  createAccessFeaturesDao,
} from './access-features.dao.js';
export {
  ACCESS_FEATURES,
  type AccessFeature,
  type AccessFeatureCreate,
  type AccessFeatureEdit,
  accessFeatureCreateSchema,
  accessFeatureEditSchema,
  accessFeatureSchema,
} from './access-features.model.js';
export { type AccessFeaturesNotifier, createAccessFeaturesNotifier } from './access-features.notifier.js';
export { type AccessFeaturesService, createAccessFeaturesService } from './access-features.service.js';
export { type AccessFeaturesValidator, createAccessFeaturesValidator } from './access-features.validator.js';
