export { userAgentsPlugin, userCallerIdsPlugin, userSubscriptionsPlugin } from './user-parts.routes.js';
