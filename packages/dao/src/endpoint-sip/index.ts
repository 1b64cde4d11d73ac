// Public surface of the SIP endpoints and templates resource.
export {
  createEndpointSipDao,
  type EndpointSipDao,
  endpointSipSearchConfig,
  inheritedSipOption,
} from './endpoint-sip.dao.js';
export * from './endpoint-sip.model.js';
export {
  createEndpointSipNotifier,
  createSipTemplateNotifier,
  type EndpointSipNotifier,
  sipEndpointPayload,
} from './endpoint-sip.notifier.js';
export {
  createEndpointSipService,
  type EndpointSipService,
  type EndpointSipServiceDeps,
} from './endpoint-sip.service.js';
export {
  createEndpointSipValidator,
  type EndpointSipValidator,
  type EndpointSipValidatorDeps,
} from './endpoint-sip.validator.js';
