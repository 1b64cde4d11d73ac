// Public surface of the IAX endpoints resource.
export { createEndpointIaxDao, type EndpointIaxDao, iaxEndpointSearchConfig } from './endpoint-iax.dao.js';
export {
  IAX_TYPES,
  type IaxEndpoint,
  type IaxEndpointBody,
  iaxEndpointBodySchema,
  iaxEndpointSchema,
} from './endpoint-iax.model.js';
export { createEndpointIaxNotifier, type EndpointIaxNotifier } from './endpoint-iax.notifier.js';
export {
  createEndpointIaxService,
  type EndpointIaxService,
  type EndpointIaxServiceDeps,
} from './endpoint-iax.service.js';
export { createEndpointIaxValidator, type EndpointIaxValidator } from './endpoint-iax.validator.js';
export { IAX_NATIVE_OPTIONS, type IaxOption } from './iax-options.js';
