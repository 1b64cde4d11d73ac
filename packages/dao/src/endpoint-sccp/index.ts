// Public surface of the SCCP endpoints resource.
export {
  createEndpointSccpDao,
  type EndpointSccpDao,
  endpointSccpSearchConfig,
  type SccpResource,
} from './endpoint-sccp.dao.js';
export * from './endpoint-sccp.model.js';
export { createEndpointSccpNotifier, type EndpointSccpNotifier } from './endpoint-sccp.notifier.js';
export {
  createEndpointSccpService,
  type EndpointSccpService,
  type EndpointSccpServiceDeps,
} from './endpoint-sccp.service.js';
export { createEndpointSccpValidator, type EndpointSccpValidator } from './endpoint-sccp.validator.js';
