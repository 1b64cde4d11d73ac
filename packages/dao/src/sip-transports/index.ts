// Public surface of the PJSIP transports resource.
export {
  createSipTransportsDao,
  type SipTransportsDao,
  sipTransportSearchConfig,
} from './sip-transports.dao.js';
export * from './sip-transports.model.js';
export {
  createSipTransportsService,
  type SipTransportsService,
  type SipTransportsServiceDeps,
} from './sip-transports.service.js';
