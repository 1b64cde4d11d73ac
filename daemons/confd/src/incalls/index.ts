export { incallExtensionsPlugin, incallSchedulesPlugin } from './incall-links.routes.js';
export { incallsPlugin } from './incalls.routes.js';
export { phoneNumbersPlugin } from './phone-numbers.routes.js';
