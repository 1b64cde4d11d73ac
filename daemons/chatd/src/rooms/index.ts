// Public surface of the rooms feature.
export { roomsPlugin } from './rooms.plugin.js';
export { type Caller, createRoomsService, type RoomsService } from './rooms.service.js';
