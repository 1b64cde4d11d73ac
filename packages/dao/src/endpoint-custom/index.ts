// Public surface of the custom endpoints resource.
export {
  createEndpointCustomDao,
  type EndpointCustomDao,
  endpointCustomSearchConfig,
} from './endpoint-custom.dao.js';
export * from './endpoint-custom.model.js';
export { createEndpointCustomNotifier, type EndpointCustomNotifier } from './endpoint-custom.notifier.js';
export {
  createEndpointCustomService,
  type EndpointCustomService,
  type EndpointCustomServiceDeps,
} from './endpoint-custom.service.js';
export {
  createEndpointCustomValidator,
  type EndpointCustomValidator,
  type EndpointCustomValidatorDeps,
} from './endpoint-custom.validator.js';
