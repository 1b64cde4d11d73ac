// Public surface of a line's endpoint association.
export type { EndpointKey, EndpointProtocol } from './line-endpoints.kinds.js';
export { createLineEndpointsNotifier, type LineEndpointsNotifier } from './line-endpoints.notifier.js';
export {
  createLineEndpointsService,
  type LineEndpointsService,
  type LineEndpointsServiceDeps,
} from './line-endpoints.service.js';
export {
  createLineEndpointsValidator,
  type LineEndpointsValidator,
  type LineEndpointsValidatorDeps,
} from './line-endpoints.validator.js';
