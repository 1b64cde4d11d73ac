// Public surface of the HTTP ingresses (`/ingresses/http`).
export { createIngressHttpDao, type IngressHttpDao, ingressHttpSearchConfig } from './ingress-http.dao.js';
export {
  INGRESS_HTTP_VIEWS,
  type IngressHttp,
  type IngressHttpInput,
  ingressHttpInputSchema,
  ingressHttpSchema,
  ingressHttpViewSchema,
} from './ingress-http.model.js';
export { createIngressHttpNotifier, type IngressHttpNotifier } from './ingress-http.notifier.js';
export {
  createIngressHttpService,
  type IngressHttpService,
  type IngressHttpServiceDeps,
} from './ingress-http.service.js';
export { createIngressHttpValidator, type IngressHttpValidator } from './ingress-http.validator.js';
