// Public surface of @wazo-ts/platform: the all-in-one start and the HTTPS gateway.
export { banner } from './banner.js';
export {
  type Gateway,
  type GatewayCertificate,
  type GatewayOptions,
  startGateway,
} from './gateway/gateway.js';
export { checkPortFree, PortInUseError } from './gateway/listen.js';
export { findRoute, type GatewayRoutes, platformRoutes, type RouteMatch } from './gateway/routes.js';
export { DEFAULT_PORTS, optionsFromEnv, type PlatformOptions, type PlatformPorts } from './options.js';
export { type Platform, type StartHooks, startPlatform } from './platform.js';
