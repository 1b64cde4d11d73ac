// Public surface of @wazo-ts/daemon, the daemon kit. Daemons import only from here.
// The kit's additions to Fastify's types (route access, request.auth, OpenAPI schema fields).
import './http/fastify-types.js';

export * from './acl/index.js';
export * from './auth/index.js';
export * from './config/index.js';
export {
  type DaemonDefinition,
  type DaemonResources,
  daemonFullName,
  type ResourceContext,
} from './definition.js';
export {
  type ConsulRegistration,
  type ConsulRegistrationOptions,
  createConsulRegistration,
  createServiceFinder,
  type HealthyService,
  type ServiceFinder,
  type ServiceFinderOptions,
} from './discovery/index.js';
export type { DeclaredRoute } from './http/access.js';
export { type BuildAppOptions, buildDaemonApp, type DaemonApp } from './http/app.js';
export { type BoundServer, bindServer } from './http/bind.js';
export { type ErrorShape, httpStatusOf, renderError } from './http/error-shapes.js';
export {
  type RequestFailure,
  type RequestFailureRenderer,
  toHttpError,
  type ValidationItem,
} from './http/errors.js';
export {
  type MarshmallowConstraint,
  marshmallowConstraint,
  marshmallowMessage,
  type VerboseValidationItem,
  validationPath,
} from './http/marshmallow.js';
export { createProxyTrust, PROXY_SECRET_HEADER, type ProxyTrust } from './http/proxy-trust.js';
export { createAjv } from './http/validation.js';
export { runDaemonMain } from './lifecycle/main.js';
export { type RunningDaemon, type RunOptions, runDaemon } from './lifecycle/run.js';
export {
  applyConfigPatch,
  createDaemonLogger,
  type DaemonLogger,
  installCrashHandlers,
  maskToken,
  maskUrl,
} from './logging/index.js';
export * from './plugins/index.js';
export * from './privileges/index.js';
export {
  type ComponentStatus,
  createStatusAggregator,
  type StatusAggregator,
  type StatusProvider,
} from './status/status.js';
export { packageVersion } from './version.js';
