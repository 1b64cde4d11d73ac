export { conferenceExtensionsPlugin, conferencesPlugin } from './conferences.routes.js';
export { pagingsPlugin, pagingUsersPlugin } from './pagings.routes.js';
export { parkingLotExtensionsPlugin, parkingLotsPlugin } from './parking-lots.routes.js';
