export { resolveAdvertiseAddress } from './address.js';
export type { Clock } from './clock.js';
export { ConsulError, type ConsulHttp, type ConsulResponse, createConsulHttp } from './consul-http.js';
export {
  createServiceFinder,
  type HealthyService,
  type ServiceFinder,
  type ServiceFinderOptions,
} from './finder.js';
export {
  type ConsulRegistration,
  type ConsulRegistrationOptions,
  createConsulRegistration,
} from './registration.js';
export type { PublishServiceEvent, ServiceEventName } from './registration-loop.js';
export type { DiscoveryLogger, RegistrationPhase } from './registration-state.js';
