export { endpointIaxPlugin } from './endpoint-iax.routes.js';
export { endpointCustomPlugin, endpointSccpPlugin } from './endpoint-numbered.routes.js';
export { endpointSipPlugin } from './endpoint-sip.routes.js';
export { lineEndpointsPlugin } from './line-endpoints.routes.js';
export { sipTransportsPlugin } from './sip-transports.routes.js';
