// Public surface of the feature extensions.
export {
  createFeatureExtensionsDao,
  type FeatureExtensionsDao,
  featureExtensionSearchConfig,
} from './feature-extensions.dao.js';
export {
  type FeatureExtension,
  type FeatureExtensionEdit,
  featureExtensionEditSchema,
  featureExtensionSchema,
} from './feature-extensions.model.js';
export {
  createFeatureExtensionsNotifier,
  type FeatureExtensionsNotifier,
} from './feature-extensions.notifier.js';
export {
  createFeatureExtensionsService,
  type FeatureExtensionsService,
} from './feature-extensions.service.js';
export {
  createFeatureExtensionsValidator,
  type FeatureExtensionsValidator,
} from './feature-extensions.validator.js';
