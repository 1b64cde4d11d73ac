// Presences: routes, services and the synchronization with wazo-auth and wazo-confd.

export type { Presence } from './presences.model.js';
export { presencesPlugin } from './presences.plugin.js';
export { presenceOf, presencesOf } from './presences.service.js';
